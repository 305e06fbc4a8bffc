import { buildApp } from './app.js';
import { startDemo } from './boot/demo.js';
import { runMain } from './boot/main.js';
import { DEMO_MERCHANT, prepare } from './boot/prepare.js';
import { startWorkers } from './queue/workers.js';

// `npm start`: the api and the worker in one process, for a laptop or a small deployment. Production
// deployments run src/server.ts and src/worker.ts as separate processes (see docker-compose.yml).
await runMain(async (config, logger) => {
  const deps = await prepare(config, logger, { redis: true, runsWorkers: true });
  const workers = await startWorkers(deps);
  const app = await buildApp(deps);
  await app.listen({ host: config.host, port: config.port });
  logger.info(`wismo is up: API ${config.publicBaseUrl}/v1, docs ${config.publicBaseUrl}/docs`);
  if (config.demoMerchant) {
    logger.info(
      `demo merchant "${DEMO_MERCHANT.slug}" is ready. Create a key: npm run wismo -- keys create --merchant ${DEMO_MERCHANT.slug} --scope orders:write`,
    );
  }
  // The sandbox carrier moving demo parcels: a convenience, so a busy port or the like is said, not fatal.
  // Not awaited, so the shutdown below is in place at once; a shutdown asked for meanwhile waits for it.
  const sandbox =
    config.demoMerchant && config.sandboxCarrier.enabled
      ? startDemo(deps, logger).catch((err: Error) => {
          logger.warn(
            `the sandbox carrier did not start (${err.message}); wismo runs without the demo parcels`,
          );
          return null;
        })
      : Promise.resolve(null);
  return async () => {
    await (await sandbox)?.close();
    await app.close();
    await workers.close();
    await deps.close();
  };
});
