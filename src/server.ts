import { buildApp } from './app.js';
import { runMain } from './boot/main.js';
import { prepare } from './boot/prepare.js';

// The api process: REST API, docs, health. Run as many replicas as needed.
await runMain(async (config, logger) => {
  const deps = await prepare(config, logger);
  const app = await buildApp(deps);
  await app.listen({ host: config.host, port: config.port });
  return async () => {
    await app.close();
    await deps.close();
  };
});
