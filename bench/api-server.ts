// The api process as src/server.ts runs it, plus one bare route behind the same stack (helmet, CORS,
// request ids, per-key rate limit in Redis, API-key auth): the yardstick the tracking read is measured
// against, so the ratio isolates the cost of the read itself.
import { buildApp } from '../src/app.js';
import { runMain } from '../src/boot/main.js';
import { prepare } from '../src/boot/prepare.js';

await runMain(async (config, logger) => {
  const deps = await prepare(config, logger);
  const app = await buildApp(deps);
  app.get('/bench/bare', { config: { scopes: ['tracking:read'] } }, async () => ({ status: 'in_transit' }));
  await app.listen({ host: config.host, port: config.port });
  return async () => {
    await app.close();
    await deps.close();
  };
});
