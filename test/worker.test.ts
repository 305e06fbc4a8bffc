import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evictionPolicyWarning, evictionWarningFor } from '../src/boot/redis.js';
import { sandboxTrackingNumber } from '../src/carriers/sandbox/format.js';
import { createDeps, type Deps } from '../src/deps.js';
import { createLogger } from '../src/logger.js';
import { normalizeQueue, QUEUES, singlePayloadJobKey } from '../src/queue/queues.js';
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
    expect(schedulers.map((s) => s.key).sort()).toEqual([
      'purge-idempotency-keys',
      'sweep-raw-payloads',
      'sweep-sends',
    ]);
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

  it('normalizes a raw payload through the queue, once per payload id', async () => {
    const m = await createMerchant(deps);
    const number = sandboxTrackingNumber(7);
    const { order } = await deps.services.orders.upsert(m.id, {
      orderNumber: `W-${Date.now()}`,
      shipments: [{ carrier: 'sandbox', trackingNumber: number }],
    });
    const body = {
      trackingNumber: number,
      events: [{ code: 'PU', description: 'Picked up', occurredAt: '2026-11-22T10:00:00Z' }],
    };
    const { id } = await deps.db
      .insertInto('raw_payloads')
      .values({
        merchant_id: m.id,
        carrier_code: 'sandbox',
        source: 'push',
        body: Buffer.from(JSON.stringify(body)),
        dedupe_key: `w-${Date.now()}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const queue = normalizeQueue(connection, deps.config.queuePrefix);
    const events = new QueueEvents(QUEUES.normalize, {
      connection: connection.duplicate(),
      prefix: deps.config.queuePrefix,
    });
    await events.waitUntilReady();
    const jobId = singlePayloadJobKey(id);
    const job = await queue.add('normalize', { payloadIds: [id] }, { jobId });
    const again = await queue.add('normalize', { payloadIds: [id] }, { jobId });
    expect(again.id).toBe(job.id);
    const result = await job.waitUntilFinished(events, 10_000);
    await events.close();
    await queue.close();
    expect(result.shipments).toEqual([
      expect.objectContaining({ trackingNumber: number, newEvents: 1, status: 'in_transit' }),
    ]);
    const shipment = await deps.db
      .selectFrom('shipments')
      .select('status')
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(shipment.status).toBe('in_transit');
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
