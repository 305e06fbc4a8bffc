import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { metricsRegistry } from '../metrics.js';

// Prometheus metrics of this process. Like /healthz, meant for the operator's network, not the internet:
// put it behind the same network rules as the database.
export function metricsRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/metrics',
      {
        config: { rateLimit: false },
        schema: {
          tags: ['ops'],
          operationId: 'metrics',
          summary: 'Prometheus metrics of this process',
          produces: ['text/plain'],
          response: { 200: z.string().describe('Prometheus text exposition format') },
        },
      },
      async (_request, reply) =>
        reply.type(metricsRegistry.contentType).send(await metricsRegistry.metrics()),
    );
  };
}
