import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evictionPolicyWarning, evictionWarningFor } from '../src/boot/redis.js';
import { createDeps, type Deps } from '../src/deps.js';
import { createLogger } from '../src/logger.js';
import { QUEUES } from '../src/queue/queues.js';
import { type RunningWorkers, startWorkers } from '../src/queue/workers.js';
import { createMerchant, testConfig } from './helpers/context.js';

let deps: Deps;
let workers: RunningWorkers;
let connection: Redis;

beforeAll(async () => {
  const config = testConfig();
  deps = createDeps(config, createLogger('silent'));
  workers = await startWorkers(deps);
  connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await workers.close();
  connection.disconnect();
  await deps.close();
});

describe('worker', () => {
  it('schedules maintenance once, however many workers start', async () => {
    const again = await startWorkers(deps);
    await again.close();
    const queue = new Queue(QUEUES.maintenance, { connection, prefix: deps.config.queuePrefix });
    const schedulers = await queue.getJobSchedulers();
    await queue.close();
    expect(schedulers.map((s) => s.key)).toEqual(['purge-idempotency-keys']);
  });

  it('purges expired idempotency records through the queue', async () => {
    const m = await createMerchant(deps);
    await deps.db
      .insertInto('idempotency_keys')
      .values([
        {
          merchant_id: m.id,
          key: 'old',
          request_hash: 'h',
          created_at: sql<Date>`now() - interval '3 days'`,
        },
        { merchant_id: m.id, key: 'fresh', request_hash: 'h' },
      ])
      .execute();
    const queue = new Queue(QUEUES.maintenance, { connection, prefix: deps.config.queuePrefix });
    const events = new QueueEvents(QUEUES.maintenance, {
      connection: connection.duplicate(),
      prefix: deps.config.queuePrefix,
    });
    await events.waitUntilReady();
    const job = await queue.add('purge-idempotency-keys', {});
    const result = await job.waitUntilFinished(events, 10_000);
    await events.close();
    await queue.close();
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    const left = await deps.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('merchant_id', '=', m.id)
      .execute();
    expect(left.map((r) => r.key)).toEqual(['fresh']);
  });

  it('warns unless Redis evicts nothing', async () => {
    // The machine's Redis runs with noeviction, as DESIGN.md requires.
    expect(await evictionPolicyWarning(connection)).toBeNull();
    expect(evictionWarningFor('noeviction')).toBeNull();
    expect(evictionWarningFor('allkeys-lru')).toMatch(
      /"allkeys-lru", not "noeviction".*maxmemory-policy noeviction/,
    );
  });
});
