import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDeps, type Deps } from '../src/deps.js';
import { createLogger } from '../src/logger.js';
import type { PollJobData } from '../src/queue/queues.js';
import {
  createMerchant,
  createTestApp,
  type TestApp,
  type TestMerchant,
  testConfig,
} from './helpers/context.js';
import { type Isolated, isolatedDatabase } from './helpers/isolated-database.js';
import { seedShipments, waitFor } from './helpers/polling.js';

// The schedule on its own (no workers): which shipments a tick claims, how it routes and batches them onto
// the carriers' queues, what it parks and marks, and that schedulers running at once never share a shipment.

let iso: Isolated;
let t: TestApp;

const env = () => ({ ...iso.env, SANDBOX_SPEED: '1', POLL_CLAIM_LIMIT: '10000' });

beforeAll(async () => {
  iso = await isolatedDatabase();
  t = await createTestApp(env());
});
afterAll(async () => {
  await t?.close();
  await iso?.drop();
});

/** Every job now waiting on a carrier's queue, and empties the queue. */
async function drain(deps: Deps, carrier: string): Promise<PollJobData[]> {
  const q = deps.pollQueues.queue(carrier);
  const jobs = await q.getJobs(['waiting', 'prioritized', 'delayed']);
  await q.obliterate({ force: true });
  return jobs.map((j) => j.data);
}

async function connect(m: TestMerchant, carrier: string, credentials: Record<string, string>) {
  return t.deps.services.carrierConnections.create({ merchantId: m.id, carrier, credentials });
}

/** Nothing is left due from earlier tests (each test starts from its own shipments). */
beforeEach(async () => {
  await sql`UPDATE shipment_polls SET due_at = NULL`.execute(t.deps.db);
});

describe('a scheduler tick', () => {
  it('batches each connection’s due shipments by its carrier’s batch size, on the carrier’s queue', async () => {
    const m = await createMerchant(t.deps);
    await connect(m, 'sandbox', { apiKey: 'k' });
    await connect(m, 'fedex', { clientId: 'a', clientSecret: 'b' });
    await connect(m, 'ups', { clientId: 'a', clientSecret: 'b' });
    await seedShipments(t, m, 250, 'sandbox');
    await seedShipments(t, m, 75, 'fedex', (i) => String(700000000000 + i));
    await seedShipments(t, m, 3, 'ups', (i) => `1Z999AA1012345678${i}`);

    const result = await t.deps.services.pollScheduler.tick();
    expect(result).toMatchObject({ claimed: 328, parked: 0, marked: 0 });
    expect((await drain(t.deps, 'sandbox')).map((j) => j.items.length).sort((a, b) => b - a)).toEqual([
      100, 100, 50,
    ]);
    expect((await drain(t.deps, 'fedex')).map((j) => j.items.length).sort((a, b) => b - a)).toEqual([
      30, 30, 15,
    ]);
    expect((await drain(t.deps, 'ups')).map((j) => j.items.length)).toEqual([1, 1, 1]);

    // Claimed under the lease: not due again until a result re-dates them.
    expect((await t.deps.services.pollScheduler.tick()).claimed).toBe(0);
    const leased = await t.deps.db
      .selectFrom('shipment_polls')
      .select(sql<number>`min(extract(epoch from due_at - now()))`.as('left'))
      .where('merchant_id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(Number(leased.left)).toBeGreaterThan(25 * 60);
  });

  it('queues no more than the carrier’s rate serves within half a lease; the rest wait, unclaimed', async () => {
    const m = await createMerchant(t.deps);
    await connect(m, 'ups', { clientId: 'a', clientSecret: 'b' });
    const shipments = await seedShipments(
      t,
      m,
      5,
      'ups',
      (i) => `1Z999AA1${String(20000000 + i).padStart(10, '0')}`,
    );
    // One request per 10 minutes, a 30-minute lease: one job may wait in the queue at a time.
    const slow = createDeps(testConfig({ ...env(), POLL_RATE_LIMITS: 'ups=1/10m' }), createLogger('silent'));
    try {
      await waitFor(async () => slow.redis?.status === 'ready');
      expect(await slow.services.pollScheduler.tick()).toMatchObject({ claimed: 5, jobs: 1 });
      const rows = await t.deps.db
        .selectFrom('shipment_polls')
        .select(['claim', 'due_at'])
        .where(
          'shipment_id',
          'in',
          shipments.map((s) => s.id),
        )
        .execute();
      expect(rows.filter((r) => r.claim !== null)).toHaveLength(1);
      // The others are handed back, due when the queue should have room, not at the next tick.
      for (const r of rows.filter((x) => x.claim === null)) {
        expect((r.due_at as Date).getTime() - Date.now()).toBeGreaterThan(60_000);
      }
      await sql`UPDATE shipment_polls SET due_at = now() WHERE claim IS NULL AND shipment_id IN (${sql.join(shipments.map((s) => s.id))})`.execute(
        t.deps.db,
      );
      // The queue is full: nothing more is queued, and nothing stays claimed for nothing.
      expect(await slow.services.pollScheduler.tick()).toMatchObject({ claimed: 4, jobs: 0 });
      expect(await drain(t.deps, 'ups')).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });

  it('routes a carrier wismo cannot poll, or has no credentials for, through the merchant’s aggregator', async () => {
    const m = await createMerchant(t.deps);
    await connect(m, 'aftership', { apiKey: 'k' });
    const [royal] = await seedShipments(t, m, 1, 'royalmail', () => 'AB123456789GB');
    const [ups] = await seedShipments(t, m, 1, 'ups', () => '1Z999AA10123456784');
    await t.deps.services.pollScheduler.tick();
    const jobs = await drain(t.deps, 'aftership');
    expect(jobs.flatMap((j) => j.items.map((i) => [i.shipmentId, i.carrier])).sort()).toEqual(
      [
        [royal?.id, 'royalmail'],
        [ups?.id, 'ups'],
      ].sort(),
    );
  });

  it('parks what nothing can poll, says why, and schedules it when the merchant adds a connection', async () => {
    const m = await createMerchant(t.deps);
    const [s] = await seedShipments(t, m, 1, 'fedex', () => '700000009999');
    expect((await t.deps.services.pollScheduler.tick()).parked).toBe(1);
    const parked = await t.deps.db
      .selectFrom('shipment_polls as p')
      .innerJoin('shipments as s', 's.id', 'p.shipment_id')
      .select(['p.due_at', 'p.parked', 's.last_error', 's.next_check_at'])
      .where('p.shipment_id', '=', s?.id as string)
      .executeTakeFirstOrThrow();
    expect(parked).toMatchObject({ parked: 'no_connection', next_check_at: null });
    // Looked at again in six hours, in case a connection came without its unparking.
    expect((parked.due_at as Date).getTime() - Date.now()).toBeGreaterThan(5.9 * 3_600_000);
    expect(parked.last_error).toMatch(/no carrier connection with API credentials/);

    // A connection without credentials (webhooks only) does not help; one with credentials does.
    await t.deps.services.carrierConnections.create({ merchantId: m.id, carrier: 'fedex' });
    expect((await t.deps.services.pollScheduler.tick()).claimed).toBe(0);
    await connect(m, 'fedex', { clientId: 'a', clientSecret: 'b' });
    expect((await t.deps.services.pollScheduler.tick()).claimed).toBe(1);
    expect((await drain(t.deps, 'fedex')).flatMap((j) => j.items.map((i) => i.shipmentId))).toEqual([s?.id]);
  });

  it('expires a shipment without news for too long instead of polling it', async () => {
    const m = await createMerchant(t.deps);
    await connect(m, 'sandbox', { apiKey: 'k' });
    const [s] = await seedShipments(t, m, 1);
    // Its last scan 31 days ago (the schedule's copy of it follows the shipment).
    await sql`UPDATE shipments SET last_event_at = now() - interval '31 days' WHERE id = ${s?.id}`.execute(
      t.deps.db,
    );
    const result = await t.deps.services.pollScheduler.tick();
    expect(result).toMatchObject({ claimed: 1, jobs: 0, marked: 1 });
    expect(await drain(t.deps, 'sandbox')).toEqual([]);
    const row = await t.deps.db
      .selectFrom('shipments')
      .innerJoin('shipment_polls as p', 'p.shipment_id', 'shipments.id')
      .select(['shipments.status', 'shipments.substatus', 'p.due_at', 'p.parked'])
      .where('shipments.id', '=', s?.id as string)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'expired', substatus: 'no_news', due_at: null, parked: 'final' });
    const events = await t.deps.db
      .selectFrom('tracking_events')
      .select(['raw_code', 'status', 'raw_payload_id'])
      .where('shipment_id', '=', s?.id as string)
      .execute();
    expect(events).toEqual([{ raw_code: 'WISMO_EXPIRED', status: 'expired', raw_payload_id: null }]);
  });

  it('marks a number still unknown to the carrier after the grace period, and keeps asking', async () => {
    const m = await createMerchant(t.deps);
    await connect(m, 'sandbox', { apiKey: 'k' });
    const [s] = await seedShipments(t, m, 1);
    await sql`UPDATE shipment_polls SET not_found_since = now() - interval '6 days', due_at = now()
              WHERE shipment_id = ${s?.id}`.execute(t.deps.db);
    const result = await t.deps.services.pollScheduler.tick();
    expect(result).toMatchObject({ claimed: 1, jobs: 1, marked: 1 });
    await drain(t.deps, 'sandbox');
    const row = await t.deps.db
      .selectFrom('shipments')
      .select(['status', 'substatus'])
      .where('id', '=', s?.id as string)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'exception', substatus: 'unknown_number' });
    // Still asked: due again on the cadence of an exception.
    const poll = await t.deps.db
      .selectFrom('shipment_polls')
      .select(['due_at', 'parked'])
      .where('shipment_id', '=', s?.id as string)
      .executeTakeFirstOrThrow();
    expect(poll.parked).toBeNull();
    expect((poll.due_at as Date).getTime() - Date.now()).toBeGreaterThan(2.5 * 3_600_000);
  });
});

describe('schedulers running at once', () => {
  it('claim each due shipment once between them', async () => {
    const m = await createMerchant(t.deps);
    await connect(m, 'sandbox', { apiKey: 'k' });
    const shipments = await seedShipments(t, m, 1500);
    const config = testConfig({ ...env(), POLL_CLAIM_LIMIT: '97' });
    const others: Deps[] = [1, 2, 3].map(() => createDeps(config, createLogger('silent')));
    try {
      // A scheduler claims nothing until it can queue what it claims.
      await waitFor(async () => others.every((d) => d.redis?.status === 'ready'));
      const claimedBy = await Promise.all(
        others.map(async (d) => {
          let total = 0;
          for (;;) {
            const r = await d.services.pollScheduler.tick();
            total += r.claimed;
            if (r.claimed === 0) return total;
          }
        }),
      );
      expect(claimedBy.reduce((a, b) => a + b, 0)).toBe(1500);
      // Work was shared, not taken by one.
      expect(claimedBy.filter((n) => n > 0).length).toBeGreaterThan(1);
      const polled = (await drain(t.deps, 'sandbox')).flatMap((j) => j.items.map((i) => i.shipmentId));
      expect(polled).toHaveLength(1500);
      expect(new Set(polled)).toEqual(new Set(shipments.map((s) => s.id)));
    } finally {
      await Promise.all(others.map((d) => d.close()));
    }
  });
});
