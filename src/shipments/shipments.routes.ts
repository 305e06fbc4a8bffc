import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../http/auth.js';
import { sendJsonText } from '../http/reply.js';
import { BEARER, problems, READ_PROBLEMS, READER_SCOPES, Uuid } from '../http/schemas.js';
import { CarrierCode, ShipmentTrackingView, TrackingLookupView } from './shipments.schemas.js';
import type { ShipmentsService } from './shipments.service.js';

export function shipmentsRoutes(shipments: ShipmentsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/shipments/:shipmentId',
      {
        config: { scopes: READER_SCOPES },
        schema: {
          tags: ['tracking'],
          operationId: 'getShipment',
          summary: 'Read a shipment with its events and its order’s status',
          security: BEARER,
          params: z.strictObject({ shipmentId: Uuid }),
          response: { 200: ShipmentTrackingView, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request, reply) =>
        sendJsonText(reply, await shipments.get(principalOf(request).merchantId, request.params.shipmentId)),
    );

    app.get(
      '/v1/tracking/:trackingNumber',
      {
        config: { scopes: READER_SCOPES },
        schema: {
          tags: ['tracking'],
          operationId: 'trackByNumber',
          summary: 'Track by tracking number alone',
          description: 'Spaces, dashes and letter case in the number are ignored. Never returns shopper PII.',
          security: BEARER,
          params: z.strictObject({ trackingNumber: z.string().min(1).max(80) }),
          querystring: z.strictObject({ carrier: CarrierCode.optional() }),
          response: { 200: TrackingLookupView, ...problems(...READ_PROBLEMS) },
        },
      },
      async (request, reply) =>
        sendJsonText(
          reply,
          await shipments.trackingByNumber(
            principalOf(request).merchantId,
            request.params.trackingNumber,
            request.query.carrier,
          ),
        ),
    );
  };
}
