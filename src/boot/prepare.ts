import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { redactUrl } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { createDeps, type Deps } from '../deps.js';
import { ensureDatabase } from './postgres.js';
import { checkRedis } from './redis.js';

export const DEMO_MERCHANT = { slug: 'demo', name: 'Demo Store' };

/**
 * What every process does before it serves: check that Postgres and Redis answer (saying which one does
 * not, and how to fix it), create the database when it is missing, apply migrations, seed the demo merchant.
 */
export async function prepare(
  config: Config,
  logger: Logger,
  opts: { redis: boolean; runsWorkers?: boolean } = { redis: true },
): Promise<Deps> {
  const { created } = await ensureDatabase(config.databaseUrl, config.createDatabase);
  if (created) logger.info({ database: redactUrl(config.databaseUrl) }, 'created the database');
  if (opts.redis) await checkRedis(config.redisUrl);

  const deps = createDeps(config, logger, opts);
  try {
    if (config.migrateOnStart) {
      const { applied } = await migrateToLatest(deps.db);
      if (applied.length > 0) logger.info({ applied }, 'applied migrations');
    }
    if (config.demoMerchant) {
      const { merchant, created: seeded } = await deps.services.merchants.ensure(DEMO_MERCHANT);
      if (seeded) logger.info({ merchant: merchant.slug }, 'created the demo merchant');
    }
  } catch (err) {
    await deps.close();
    throw err;
  }
  return deps;
}
