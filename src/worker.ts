import { runMain } from './boot/main.js';
import { prepare } from './boot/prepare.js';
import { startWorkers } from './queue/workers.js';

// The worker process: BullMQ workers for background work. Run as many replicas as needed.
await runMain(async (config, logger) => {
  const deps = await prepare(config, logger);
  const workers = await startWorkers(deps);
  logger.info({ queues: workers.workers.map((w) => w.name) }, 'workers started');
  return async () => {
    await workers.close();
    await deps.close();
  };
});
