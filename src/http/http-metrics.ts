import type { FastifyInstance } from 'fastify';
import { httpRequestDuration } from '../metrics.js';

// Request durations by route pattern. The pattern (/v1/orders/:id), never the URL: URLs carry ids and tracking
// numbers, which would make a time series per order. Requests no route matched share one label, so probes of
// random paths cannot grow the series either.

export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Call before any route plugin is registered: a plugin copies its parent's hooks when it is registered, so a
 * hook added later would miss the routes of the plugins registered before it.
 */
export function registerHttpMetrics(app: FastifyInstance): void {
  // onResponse runs after the answer went out, errors and 404s included; elapsedTime is Fastify's own timing.
  app.addHook('onResponse', (request, reply, done) => {
    httpRequestDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? UNMATCHED_ROUTE,
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
