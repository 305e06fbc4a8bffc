import { runMain } from './boot/main.js';
import { prepare } from './boot/prepare.js';
import { startMetricsListener } from './http/metrics.routes.js';
import { startHeartbeat } from './queue/heartbeat.js';
import { startWorkers } from './queue/workers.js';

// The worker process: BullMQ workers for background work. Run as many replicas as needed.
await runMain(async (config, logger) => {
  const deps = await prepare(config, logger, { redis: true, runsWorkers: true });
  // Each replica is its own scrape target, its counters its own (docs/operations.md). Listening before the
  // workers start: a busy port stops the process before it takes any job.
  const metrics =
    config.workerMetricsPort === null
      ? null
      : await startMetricsListener(config.host, config.workerMetricsPort);
  if (metrics) logger.info({ port: metrics.port }, 'worker metrics at /metrics');
  const workers = await startWorkers(deps);
  logger.info({ queues: workers.workers.map((w) => w.name) }, 'workers started');
  const heartbeatFile = config.workerHeartbeatFile;
  const stopHeartbeat = heartbeatFile
    ? startHeartbeat(heartbeatFile, (err) => logger.warn({ err }, 'heartbeat write failed'))
    : () => {};
  return async () => {
    stopHeartbeat();
    await metrics?.close();
    await workers.close();
    await deps.close();
  };
});
