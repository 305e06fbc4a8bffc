import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from '../http/auth.js';
import { BEARER, problems, READ_PROBLEMS, WRITE_PROBLEMS } from '../http/schemas.js';
import {
  AddSecretBody,
  ConnectionList,
  ConnectionParams,
  ConnectionView,
  CreateConnectionBody,
  SecretParams,
} from './carrier-connections.schemas.js';
import type { CarrierConnectionsService } from './carrier-connections.service.js';

// Carrier connections hold credentials and webhook secrets: admin keys only.

export function carrierConnectionsRoutes(connections: CarrierConnectionsService): FastifyPluginAsyncZod {
  return async (app) => {
    const config = { scopes: ['admin'] as const };

    app.post(
      '/v1/carrier-connections',
      {
        config,
        schema: {
          tags: ['carrier connections'],
          operationId: 'createCarrierConnection',
          summary: 'Connect a carrier or aggregator account; answers with its webhook URL',
          description:
            'Carriers that push get a webhook URL naming this connection. Where wismo issues the secret (EasyPost, FedEx, UPS, the sandbox, URL tokens) it is generated and returned once in newSecret.',
          security: BEARER,
          body: CreateConnectionBody,
          response: { 201: ConnectionView, ...problems(...WRITE_PROBLEMS) },
        },
      },
      async (request, reply) => {
        const { view } = await connections.create({
          merchantId: principalOf(request).merchantId,
          ...request.body,
        });
        return reply.code(201).send(view);
      },
    );

    app.get(
      '/v1/carrier-connections',
      {
        config,
        schema: {
          tags: ['carrier connections'],
          operationId: 'listCarrierConnections',
          summary: 'List carrier connections (secrets are never shown)',
          security: BEARER,
          response: { 200: ConnectionList, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) => ({ data: await connections.list(principalOf(request).merchantId) }),
    );

    app.get(
      '/v1/carrier-connections/:connectionId',
      {
        config,
        schema: {
          tags: ['carrier connections'],
          operationId: 'getCarrierConnection',
          summary: 'Read a carrier connection',
          security: BEARER,
          params: ConnectionParams,
          response: { 200: ConnectionView, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) => connections.describe(principalOf(request).merchantId, request.params.connectionId),
    );

    app.post(
      '/v1/carrier-connections/:connectionId/webhook-secrets',
      {
        config,
        schema: {
          tags: ['carrier connections'],
          operationId: 'addWebhookSecret',
          summary: 'Add a second webhook secret, to rotate without dropping deliveries',
          description:
            'Both secrets are accepted until the older one is removed: add the new one, switch the sender, then DELETE the old one.',
          security: BEARER,
          params: ConnectionParams,
          body: AddSecretBody,
          response: { 201: ConnectionView, ...problems(...WRITE_PROBLEMS) },
        },
      },
      async (request, reply) => {
        const view = await connections.addWebhookSecret(
          principalOf(request).merchantId,
          request.params.connectionId,
          request.body.secret,
        );
        return reply.code(201).send(view);
      },
    );

    app.delete(
      '/v1/carrier-connections/:connectionId/webhook-secrets/:secretId',
      {
        config,
        schema: {
          tags: ['carrier connections'],
          operationId: 'removeWebhookSecret',
          summary: 'Remove a webhook secret once the sender uses the newer one',
          security: BEARER,
          params: SecretParams,
          response: { 200: ConnectionView, ...problems(...WRITE_PROBLEMS) },
        },
      },
      async (request) =>
        connections.removeWebhookSecret(
          principalOf(request).merchantId,
          request.params.connectionId,
          request.params.secretId,
        ),
    );
  };
}
