import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../http/auth.js';
import { BEARER, problems, READ_PROBLEMS, WRITE_PROBLEMS } from '../http/schemas.js';
import {
  CreateEndpointBody,
  DeliveriesQuery,
  DeliveryList,
  EndpointList,
  EndpointParams,
  EndpointView,
  ReplayBody,
  ReplayResult,
  UpdateEndpointBody,
} from './webhooks.schemas.js';
import type { WebhookEndpointsService } from './webhooks.service.js';

// Merchant webhook endpoints hold signing secrets and receive every event: admin keys only.

export function webhookEndpointsRoutes(endpoints: WebhookEndpointsService): FastifyPluginAsyncZod {
  return async (app) => {
    const config = { scopes: ['admin'] as const };
    const tags = ['webhook endpoints'];
    const merchant = (request: Parameters<typeof principalOf>[0]) => principalOf(request).merchantId;

    app.post(
      '/v1/webhook-endpoints',
      {
        config,
        schema: {
          tags,
          operationId: 'createWebhookEndpoint',
          summary: 'Register an endpoint for signed event deliveries; answers with its secret, once',
          description:
            'Events are POSTed as JSON with the Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature). URLs that resolve to private, loopback or link-local addresses are refused.',
          security: BEARER,
          body: CreateEndpointBody,
          response: { 201: EndpointView, ...problems(...WRITE_PROBLEMS) },
        },
      },
      async (request, reply) => reply.code(201).send(await endpoints.create(merchant(request), request.body)),
    );

    app.get(
      '/v1/webhook-endpoints',
      {
        config,
        schema: {
          tags,
          operationId: 'listWebhookEndpoints',
          summary: 'List webhook endpoints (secrets are never shown)',
          security: BEARER,
          response: { 200: EndpointList, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) => ({ data: await endpoints.list(merchant(request)) }),
    );

    app.get(
      '/v1/webhook-endpoints/:endpointId',
      {
        config,
        schema: {
          tags,
          operationId: 'getWebhookEndpoint',
          summary: 'Read a webhook endpoint',
          security: BEARER,
          params: EndpointParams,
          response: { 200: EndpointView, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) => endpoints.get(merchant(request), request.params.endpointId),
    );

    app.patch(
      '/v1/webhook-endpoints/:endpointId',
      {
        config,
        schema: {
          tags,
          operationId: 'updateWebhookEndpoint',
          summary: 'Change an endpoint’s URL, description or event types',
          security: BEARER,
          params: EndpointParams,
          body: UpdateEndpointBody,
          response: { 200: EndpointView, ...problems(...WRITE_PROBLEMS) },
        },
      },
      async (request) => endpoints.update(merchant(request), request.params.endpointId, request.body),
    );

    app.delete(
      '/v1/webhook-endpoints/:endpointId',
      {
        config,
        schema: {
          tags,
          operationId: 'deleteWebhookEndpoint',
          summary: 'Remove an endpoint and its delivery log',
          security: BEARER,
          params: EndpointParams,
          response: { 204: z.null().describe('Removed'), ...problems(...WRITE_PROBLEMS) },
        },
      },
      async (request, reply) => {
        await endpoints.remove(merchant(request), request.params.endpointId);
        return reply.code(204).send(null);
      },
    );

    for (const [action, summary] of [
      ['pause', 'Pause deliveries; events are held, not dropped'],
      ['resume', 'Resume a paused or disabled endpoint; held events are sent'],
      ['rotate-secret', 'Issue a new signing secret (shown once); the old one stops at once'],
    ] as const) {
      app.post(
        `/v1/webhook-endpoints/:endpointId/${action}`,
        {
          config,
          schema: {
            tags,
            operationId: `${action === 'rotate-secret' ? 'rotateSecretOf' : action}WebhookEndpoint`,
            summary,
            security: BEARER,
            params: EndpointParams,
            response: { 200: EndpointView, ...problems(...WRITE_PROBLEMS) },
          },
        },
        async (request) => {
          const id = request.params.endpointId;
          if (action === 'pause') return endpoints.pause(merchant(request), id);
          if (action === 'resume') return endpoints.resume(merchant(request), id);
          return endpoints.rotateSecret(merchant(request), id);
        },
      );
    }

    app.post(
      '/v1/webhook-endpoints/:endpointId/replay',
      {
        config,
        schema: {
          tags,
          operationId: 'replayWebhookEvents',
          summary: 'Send one event, or every event of a time range, to this endpoint again',
          description:
            'Replays keep each event’s id (webhook-id), so receivers that deduplicate see a replay of something they processed as a duplicate.',
          security: BEARER,
          params: EndpointParams,
          body: ReplayBody,
          response: { 202: ReplayResult, ...problems(...WRITE_PROBLEMS) },
        },
      },
      async (request, reply) =>
        reply
          .code(202)
          .send(await endpoints.replay(merchant(request), request.params.endpointId, request.body)),
    );

    app.get(
      '/v1/webhook-endpoints/:endpointId/deliveries',
      {
        config,
        schema: {
          tags,
          operationId: 'listWebhookDeliveries',
          summary: 'The delivery log of an endpoint, newest first',
          security: BEARER,
          params: EndpointParams,
          querystring: DeliveriesQuery,
          response: { 200: DeliveryList, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) => ({
        data: await endpoints.deliveries(merchant(request), request.params.endpointId, request.query),
      }),
    );
  };
}
