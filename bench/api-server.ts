// The api process as src/server.ts runs it, plus bare routes behind the same stack (helmet, CORS, request
// ids, the rate limit in Redis, API-key auth where the real route has it): the yardsticks the tracking read
// and the webhook intake are measured against, so the ratio isolates the cost of their own work.
import { buildApp } from '../src/app.js';
import { runMain } from '../src/boot/main.js';
import { prepare } from '../src/boot/prepare.js';

await runMain(async (config, logger) => {
  const deps = await prepare(config, logger);
  const app = await buildApp(deps);
  app.get('/bench/bare', { config: { scopes: ['tracking:read'] } }, async () => ({ status: 'in_transit' }));
  // The same for webhooks: a public POST that parses the body and answers as the intake does.
  app.post('/bench/bare-webhook', async () => ({ received: true, duplicate: false }));
  await app.listen({ host: config.host, port: config.port });
  return async () => {
    await app.close();
    await deps.close();
  };
});
