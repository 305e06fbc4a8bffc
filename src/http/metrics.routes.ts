import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Queue } from 'bullmq';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { StartupError } from '../boot/startup-error.js';
import { metricsRegistry, type QueueStats, readQueueStatsWith } from '../metrics.js';

// Prometheus metrics of this process. Like /healthz, meant for the operator's network, not the internet:
// put it behind the same network rules as the database.

/** A scrape never waits longer than this for Redis: an outage must not hang the whole scrape. */
export const QUEUE_STATS_TIMEOUT_MS = 2_000;

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed'] as const;

/** Every queue's depths and finished totals in one go, or a rejection after `timeoutMs`. */
export function queueStatsReader(queues: readonly Queue[], timeoutMs = QUEUE_STATS_TIMEOUT_MS) {
  const readOne = async (q: Queue): Promise<QueueStats> => {
    // BullMQ's own counters of finished jobs (the workers turn them on); the meta count is the running total.
    const [counts, completed, failed] = await Promise.all([
      q.getJobCounts(...STATES),
      q.getMetrics('completed', 0, 0),
      q.getMetrics('failed', 0, 0),
    ]);
    return {
      queue: q.name,
      counts,
      finished: { completed: completed.meta.count, failed: failed.meta.count },
    };
  };
  return async (): Promise<QueueStats[]> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('queue stats timed out')), timeoutMs);
    });
    try {
      return await Promise.race([Promise.all(queues.map(readOne)), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** @param queues every wismo queue, when this process has Redis: their depths are read at scrape time. */
export function metricsRoutes(queues: readonly Queue[] = []): FastifyPluginAsyncZod {
  return async (app) => {
    if (queues.length > 0) {
      const stop = readQueueStatsWith(queueStatsReader(queues));
      app.addHook('onClose', async () => stop());
    }
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

/**
 * The worker process has no HTTP server of its own: this one answers GET /metrics (and nothing else) on
 * METRICS_PORT, so each worker replica is scraped like any other target.
 */
export async function startMetricsListener(
  host: string,
  port: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    metricsRegistry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(body),
      () => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    const fail = (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE' || err.code === 'EACCES'
          ? new StartupError(
              `cannot serve metrics on METRICS_PORT ${port} on ${host} (${err.code === 'EADDRINUSE' ? 'already in use' : 'no permission'}). Set METRICS_PORT to a free port, or unset it.`,
            )
          : err,
      );
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Scrapers keep connections alive; a shutdown does not wait for their next request.
        server.closeIdleConnections();
      }),
  };
}
