import { runMain } from './boot/main.js';
import { prepare } from './boot/prepare.js';
import { startHeartbeat } from './queue/heartbeat.js';
import { startWorkers } from './queue/workers.js';

// The worker process: BullMQ workers for background work. Run as many replicas as needed.
await runMain(async (config, logger) => {
  const deps = await prepare(config, logger);
  const workers = await startWorkers(deps);
  logger.info({ queues: workers.workers.map((w) => w.name) }, 'workers started');
  const heartbeatFile = config.workerHeartbeatFile;
  const stopHeartbeat = heartbeatFile
    ? startHeartbeat(heartbeatFile, (err) => logger.warn({ err }, 'heartbeat write failed'))
    : () => {};
  return async () => {
    stopHeartbeat();
    await workers.close();
    await deps.close();
  };
});
