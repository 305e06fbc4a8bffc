import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import type { Scope } from '../../src/api-keys/scopes.js';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { createDeps, type Deps } from '../../src/deps.js';
import { createLogger } from '../../src/logger.js';

let counter = 0;

/** Configuration pointing at this run's database and queue prefix; overrides win. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    QUEUE_PREFIX: inject('queuePrefix'),
    LOG_LEVEL: 'silent',
    DEMO_MERCHANT: 'false',
    // Test files share one database: a scheduler in one file's workers would claim the others' shipments.
    // Polling tests run theirs in a database of their own (helpers/isolated-database.ts).
    POLL_SCHEDULER: 'false',
    // The same for the outbox relay: notification tests relay in a database of their own.
    OUTBOX_RELAY: 'false',
    // And for the delay check, which would mark other files' shipments late: tests call it themselves.
    DELAY_CHECKS: 'false',
    // And for predicted delivery dates, which would date other files' parcels from the history they seed.
    PREDICTED_EDD: 'false',
    MAILBOX_DIR: path.join(os.tmpdir(), `wismo-test-mailbox-${process.pid}`),
    ...overrides,
  });
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Record<string, string> = {}, deps?: Deps): Promise<TestApp> {
  const config = testConfig(overrides);
  const d = deps ?? createDeps(config, createLogger(config.logLevel));
  const app = await buildApp(d);
  await app.ready();
  return {
    app,
    deps: d,
    async close() {
      await app.close();
      await d.close();
    },
  };
}

export interface TestMerchant {
  id: string;
  slug: string;
  keys: Record<'write' | 'read' | 'agent' | 'admin', string>;
}

/** A fresh merchant with one key per scope. */
export async function createMerchant(deps: Deps, name = 'Test Store'): Promise<TestMerchant> {
  counter += 1;
  const slug = `t-${process.pid}-${Date.now().toString(36)}-${counter}`;
  const merchant = await deps.services.merchants.create({ name, slug });
  const key = async (scope: Scope) => (await deps.services.apiKeys.create(merchant.id, [scope], scope)).key;
  return {
    id: merchant.id,
    slug,
    keys: {
      write: await key('orders:write'),
      read: await key('tracking:read'),
      agent: await key('agent'),
      admin: await key('admin'),
    },
  };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

let orderCounter = 0;
/** A unique order number for this test process. */
export function orderNumber(prefix = 'T'): string {
  orderCounter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${orderCounter}`;
}

let trackingCounter = 0;
/** A unique, well-formed tracking number. */
export function trackingNumber(): string {
  trackingCounter += 1;
  return `1Z${process.pid}${Date.now().toString(36).toUpperCase()}${trackingCounter}`.slice(0, 40);
}
