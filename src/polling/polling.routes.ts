import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../http/auth.js';
import { sendJsonText } from '../http/reply.js';
import { BEARER, problems, Uuid } from '../http/schemas.js';
import { ShipmentTrackingView } from '../shipments/shipments.schemas.js';
import type { RefreshService } from './refresh.service.js';

export function pollingRoutes(refresh: RefreshService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/shipments/:shipmentId/refresh',
      {
        // Not for the storefront-embeddable tracking:read key: each refresh spends the merchant's carrier quota.
        config: { scopes: ['orders:write', 'agent'] },
        schema: {
          tags: ['tracking'],
          operationId: 'refreshShipment',
          summary: 'Ask the carrier now and answer the fresh shipment',
          description:
            'Needs an orders:write or agent key (a refresh spends the merchant’s carrier quota). Polls the carrier at once through the merchant’s connection (its own carrier’s, else an aggregator’s), normalizes the answer and returns the shipment as it then is. At most once per shipment per REFRESH_MIN_INTERVAL (429 with Retry-After). 409: no connection can poll it. 502: the carrier failed (the shipment’s lastError says how). 503: the carrier is rate limiting or paused by its circuit breaker (Retry-After).',
          security: BEARER,
          params: z.strictObject({ shipmentId: Uuid }),
          response: { 200: ShipmentTrackingView, ...problems(400, 401, 403, 404, 409, 429, 502, 503) },
        },
      },
      async (request, reply) =>
        sendJsonText(
          reply,
          await refresh.refresh(principalOf(request).merchantId, request.params.shipmentId),
        ),
    );
  };
}
