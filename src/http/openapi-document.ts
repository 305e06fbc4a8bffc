import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createDeps } from '../deps.js';
import { createLogger } from '../logger.js';

export const OPENAPI_PATH = new URL('../../openapi/openapi.json', import.meta.url);

/**
 * The OpenAPI document as the routes describe it, serialized the way it is committed. Building the app
 * opens no connection (nothing is queried), so this runs without Postgres or Redis.
 */
export async function renderOpenApi(): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const deps = createDeps(config, createLogger('silent'), { redis: false });
  const app = await buildApp(deps);
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await deps.close();
  }
}
