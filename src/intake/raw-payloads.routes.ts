import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../http/auth.js';
import { BEARER, problems, READ_PROBLEMS, Uuid, WRITE_PROBLEMS } from '../http/schemas.js';
import {
  PayloadListQuery,
  PayloadParams,
  RawPayloadDetail,
  RawPayloadList,
  ReplayOneResult,
  ReplayRangeBody,
  ReplayRangeResult,
} from './raw-payloads.schemas.js';
import type { RawPayloadsService } from './raw-payloads.service.js';

// Raw carrier payloads hold shopper addresses: agents and admins only.

export function rawPayloadsRoutes(payloads: RawPayloadsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/shipments/:shipmentId/raw-payloads',
      {
        config: { scopes: ['agent'] },
        schema: {
          tags: ['raw payloads'],
          operationId: 'listShipmentRawPayloads',
          summary: 'The carrier payloads behind a shipment, newest first, with what normalizing each did',
          security: BEARER,
          params: z.strictObject({ shipmentId: Uuid }),
          querystring: PayloadListQuery,
          response: { 200: RawPayloadList, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) =>
        payloads.forShipment(principalOf(request).merchantId, request.params.shipmentId, {
          limit: request.query.limit,
          beforeId: request.query.before,
        }),
    );

    app.get(
      '/v1/raw-payloads/:payloadId',
      {
        config: { scopes: ['agent'] },
        schema: {
          tags: ['raw payloads'],
          operationId: 'getRawPayload',
          summary: 'One raw payload with its body as received',
          security: BEARER,
          params: PayloadParams,
          response: { 200: RawPayloadDetail, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request) => payloads.get(principalOf(request).merchantId, request.params.payloadId),
    );

    app.post(
      '/v1/raw-payloads/:payloadId/replay',
      {
        config: { scopes: ['agent'] },
        schema: {
          tags: ['raw payloads'],
          operationId: 'replayRawPayload',
          summary: 'Normalize one payload again, now',
          description:
            'For a failed payload, or one that arrived before its shipment was registered. Events already stored are kept as they are; to rewrite history after a mapping change, run `wismo renormalize`.',
          security: BEARER,
          params: PayloadParams,
          response: { 200: ReplayOneResult, ...problems(...WRITE_PROBLEMS) },
        },
      },
      async (request) => payloads.replay(principalOf(request).merchantId, request.params.payloadId),
    );

    app.post(
      '/v1/raw-payloads/replay',
      {
        config: { scopes: ['admin'] },
        schema: {
          tags: ['raw payloads'],
          operationId: 'replayRawPayloads',
          summary: 'Normalize every payload received in a time range again, through the queue',
          security: BEARER,
          body: ReplayRangeBody,
          response: { 202: ReplayRangeResult, ...problems(...WRITE_PROBLEMS) },
        },
      },
      async (request, reply) => {
        const { from, to, ...rest } = request.body;
        const result = await payloads.replayRange(principalOf(request).merchantId, {
          ...rest,
          from: new Date(from),
          to: new Date(to),
        });
        return reply.code(202).send(result);
      },
    );
  };
}
