import { once } from 'node:events';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.js';

export interface ReadinessProbe {
  name: 'postgres' | 'redis';
  check(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 2_000;

/** Postgres answers a query; Redis (when the process uses it) answers a ping. */
export function readinessProbes(db: Database, redis: Redis | null): ReadinessProbe[] {
  const probes: ReadinessProbe[] = [
    { name: 'postgres', check: async () => void (await sql`SELECT 1`.execute(db)) },
  ];
  if (redis) {
    probes.push({
      name: 'redis',
      check: async () => {
        // The client does not queue commands while (re)connecting; a probe then waits for it, within the
        // probe's timeout, rather than failing on a connection that is about to be there.
        if (redis.status === 'connecting' || redis.status === 'connect' || redis.status === 'reconnecting') {
          await once(redis, 'ready');
        }
        await redis.ping();
      },
    });
  }
  return probes;
}

function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const Readiness = z.object({
  status: z.enum(['ready', 'unavailable']),
  checks: z.record(z.string(), z.enum(['ok', 'unavailable'])),
});

/** /healthz says the process answers; /readyz says it can do its work (Postgres and Redis reachable). */
export function healthRoutes(probes: readonly ReadinessProbe[]): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        config: { rateLimit: false },
        schema: {
          tags: ['ops'],
          operationId: 'health',
          summary: 'Liveness: the process is up',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/readyz',
      {
        config: { rateLimit: false },
        schema: {
          tags: ['ops'],
          operationId: 'readiness',
          summary: 'Readiness: Postgres and Redis answer',
          response: { 200: Readiness, 503: Readiness },
        },
      },
      async (request, reply) => {
        const results = await Promise.all(
          probes.map(async (p) => {
            try {
              await withTimeout(p.check(), CHECK_TIMEOUT_MS);
              return [p.name, 'ok'] as const;
            } catch (err) {
              // Details go to the log, not to the (public) response.
              request.log.warn({ err, dependency: p.name }, 'readiness check failed');
              return [p.name, 'unavailable'] as const;
            }
          }),
        );
        const ready = results.every(([, r]) => r === 'ok');
        return reply.code(ready ? 200 : 503).send({
          status: ready ? 'ready' : 'unavailable',
          checks: Object.fromEntries(results),
        });
      },
    );
  };
}
