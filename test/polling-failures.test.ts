import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDeps, type Deps } from '../src/deps.js';
import { createLogger } from '../src/logger.js';
import { type RunningWorkers, startWorkers } from '../src/queue/workers.js';
import { readFixture } from './helpers/carrier-fixtures.js';
import {
  createMerchant,
  createTestApp,
  type TestApp,
  type TestMerchant,
  testConfig,
} from './helpers/context.js';
import { FakeCarrier, tokenAnswer } from './helpers/fake-carrier.js';
import { type Isolated, isolatedDatabase } from './helpers/isolated-database.js';
import { askedNumbers, sandboxAnswer, seedShipments, waitFor } from './helpers/polling.js';

// Carrier trouble, with the real workers and scheduler: a 429 slows the carrier's queue without failing a
// job, 5xx answers and timeouts back the shipments off and open the carrier's circuit breaker, which probes
// and closes again; a malformed body is stored and reported; the rate limit holds across two workers.

let iso: Isolated;
let t: TestApp;
let fake: FakeCarrier;
let workers: RunningWorkers[] = [];
let extra: Deps[] = [];

function env(overrides: Record<string, string> = {}) {
  return {
    ...iso.env,
    POLL_SCHEDULER: 'true',
    POLL_TICK_MS: '100',
    SANDBOX_SPEED: '1',
    POLL_BACKOFF_BASE: '1m',
    POLL_BREAKER_FAILURES: '3',
    POLL_BREAKER_COOLDOWN: '1s',
    POLL_HEADERS_TIMEOUT: '300ms',
    POLL_BODY_TIMEOUT: '300ms',
    CARRIER_API_URLS: `sandbox=${fake.url},ups=${fake.url}`,
    ...overrides,
  };
}

beforeAll(async () => {
  iso = await isolatedDatabase();
  fake = await new FakeCarrier().start();
  t = await createTestApp(env());
});
afterEach(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await Promise.all(extra.map((d) => d.close()));
  workers = [];
  extra = [];
  // Each test starts with nothing due and the breaker closed.
  await sql`UPDATE shipment_polls SET due_at = NULL`.execute(t.deps.db);
  const keys = await t.deps.redis?.keys(`${iso.env.QUEUE_PREFIX}:breaker:*`);
  if (keys?.length) await t.deps.redis?.del(...keys);
  fake.asked.length = 0;
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
  await iso?.drop();
});

async function merchantWith(carrier: string, credentials: Record<string, string>): Promise<TestMerchant> {
  const m = await createMerchant(t.deps);
  await t.deps.services.carrierConnections.create({ merchantId: m.id, carrier, credentials });
  return m;
}

async function run(overrides: Record<string, string> = {}): Promise<Deps> {
  const deps = createDeps(testConfig(env(overrides)), createLogger('silent'));
  extra.push(deps);
  workers.push(await startWorkers(deps));
  return deps;
}

/** A real UPS answer: the one number asked gets its events, whatever number the fixture names. */
const UPS_ANSWER = readFixture('karrio/ups/TrackingResponseJSON.json');

const polls = (ids: string[]) =>
  t.deps.db
    .selectFrom('shipment_polls as p')
    .innerJoin('shipments as s', 's.id', 'p.shipment_id')
    .select([
      'p.shipment_id as id',
      'p.failures',
      'p.due_at as dueAt',
      'p.claim',
      's.last_error as lastError',
      's.next_check_at as nextCheckAt',
      's.status',
    ])
    .where('p.shipment_id', 'in', ids)
    .execute();

describe('carrier trouble', () => {
  it('5xx answers and timeouts back the shipments off, with the error and the next check shown', async () => {
    const m = await merchantWith('ups', { clientId: 'a', clientSecret: 'b' });
    const tokens = { n: 0 };
    fake.answer = (a) =>
      tokenAnswer(a, tokens) ??
      (a.path.endsWith('1Z999AA10123456784') ? 'hang' : { status: 503, body: 'down' });
    const shipments = await seedShipments(
      t,
      m,
      2,
      'ups',
      (i) => ['1Z999AA10123456784', '1Z999AA10123456795'][i] as string,
    );
    const started = Date.now();
    await run({ POLL_BREAKER_FAILURES: '100' });
    const rows = await waitFor(async () => {
      const r = await polls(shipments.map((s) => s.id));
      return r.every((x) => x.failures === 1) ? r : null;
    });
    for (const r of rows) {
      // One minute of back-off (±10 %), not the lease.
      const wait = (r.dueAt as Date).getTime() - started;
      expect(wait).toBeGreaterThan(50_000);
      expect(wait).toBeLessThan(80_000);
      expect(r.nextCheckAt).toEqual(r.dueAt);
      expect(r.claim).toBeNull();
    }
    const byNumber = new Map(shipments.map((s) => [s.id, s.trackingNumber]));
    const errors = Object.fromEntries(rows.map((r) => [byNumber.get(r.id), r.lastError]));
    expect(errors['1Z999AA10123456784']).toMatch(
      /carrier unavailable: timeout waiting for the answer headers/,
    );
    expect(errors['1Z999AA10123456795']).toMatch(/carrier unavailable: HTTP 503: down/);
  });

  it('opens the circuit breaker after failures in a row, probes once the cool-down ends, and closes', async () => {
    const m = await merchantWith('ups', { clientId: 'a', clientSecret: 'b' });
    const tokens = { n: 0 };
    let down = true;
    fake.answer = (a) =>
      tokenAnswer(a, tokens) ?? (down ? { status: 500, body: 'boom' } : { body: UPS_ANSWER });
    const numbers = [
      '1Z999AA10123456784',
      '1Z999AA10123456795',
      '1Z999AA10123456802',
      '1Z999AA10123456813',
      '1Z999AA10123456824',
      '1Z999AA10123456835',
    ];
    const shipments = await seedShipments(t, m, numbers.length, 'ups', (i) => numbers[i] as string);
    // Failures back off for a minute: make them due again at once, so the breaker is what holds them.
    await run({ POLL_BACKOFF_BASE: '1s', POLL_CONCURRENCY: '1' });

    await waitFor(async () => (await t.deps.services.polls.breakerState('ups')).open);
    const openedAt = Date.now();
    const during = fake.tracking.length;
    expect(during).toBe(3);
    // While open, nothing is asked.
    await new Promise((r) => setTimeout(r, 600));
    expect(fake.tracking.length).toBe(during);

    down = false;
    const rows = await waitFor(async () => {
      const r = await polls(shipments.map((s) => s.id));
      return r.every((x) => x.failures === 0 && x.claim === null && x.lastError === null) ? r : null;
    }, 20_000);
    expect(rows).toHaveLength(numbers.length);
    const probe = fake.tracking[during];
    expect(probe?.at).toBeGreaterThanOrEqual(openedAt + 300);
    expect((await t.deps.services.polls.breakerState('ups')).open).toBe(false);
    // No job failed: trouble is the shipments' and the breaker's, not the queue's.
    expect(await t.deps.pollQueues.queue('ups').getFailedCount()).toBe(0);
  });

  it('a 429 pauses the carrier’s queue for Retry-After without failing the job', async () => {
    const m = await merchantWith('sandbox', { apiKey: 'k' });
    let limited = 0;
    fake.answer = (a) => {
      if (limited < 1) {
        limited++;
        return { status: 429, headers: { 'retry-after': '1' }, body: '{"error":{"code":"rate_limited"}}' };
      }
      return sandboxAnswer(a);
    };
    const shipments = await seedShipments(t, m, 3);
    await run();
    await waitFor(async () => {
      const r = await polls(shipments.map((s) => s.id));
      return r.every((x) => x.status === 'in_transit') ? r : null;
    });
    const [first, second] = fake.tracking;
    expect(first && second && second.at - first.at).toBeGreaterThanOrEqual(900);
    expect(askedNumbers(second as never).sort()).toEqual(shipments.map((s) => s.trackingNumber).sort());
    expect(await t.deps.pollQueues.queue('sandbox').getFailedCount()).toBe(0);
    const failures = await polls(shipments.map((s) => s.id));
    expect(failures.every((r) => r.failures === 0 && r.lastError === null)).toBe(true);
  });

  it('a malformed body is stored, reported on the shipment, and the shipment backs off', async () => {
    const m = await merchantWith('sandbox', { apiKey: 'k' });
    fake.answer = () => ({ body: '{"results": [{"trackingNumber": ' });
    const [s] = await seedShipments(t, m, 1);
    await run();
    const [row] = await waitFor(async () => {
      const r = await polls([s?.id as string]);
      return r[0]?.failures === 1 ? r : null;
    });
    expect(row?.lastError).toMatch(/^malformed: /);
    const payload = await t.deps.db
      .selectFrom('raw_payloads')
      .select(['state', 'source', 'last_error'])
      .where('merchant_id', '=', m.id)
      .executeTakeFirstOrThrow();
    // Kept as received, failed with the reason: a replay after a mapping fix can still read it.
    expect(payload).toMatchObject({ state: 'failed', source: 'poll' });
    expect(payload.last_error).toMatch(/unreadable wismo sandbox carrier payload/);
  });
});

describe('the rate limit', () => {
  it('holds across two workers, each with its own connections and concurrency', async () => {
    const m = await merchantWith('ups', { clientId: 'a', clientSecret: 'b' });
    const tokens = { n: 0 };
    fake.answer = (a) => tokenAnswer(a, tokens) ?? { body: UPS_ANSWER };
    const overrides = { POLL_RATE_LIMITS: 'ups=3/1s', POLL_CONCURRENCY: '4' };
    await run(overrides);
    await run(overrides);
    const done = workers.map((w) => {
      const counter = { n: 0 };
      w.workers.find((x) => x.name === 'poll-ups')?.on('completed', () => counter.n++);
      return counter;
    });
    const count = 12;
    await seedShipments(t, m, count, 'ups', (i) => `1Z999AA1${String(10000000 + i).padStart(10, '0')}`);
    await waitFor(async () => fake.tracking.length >= count && done.reduce((n, d) => n + d.n, 0) >= count);
    const times = fake.tracking.map((a) => a.at).sort((a, b) => a - b);
    // 3 a second: the 12 requests need three more windows after the first (the first window's requests
    // also wait for the token, hence the slack). Without a limit shared in Redis, the two workers' eight
    // slots would ask all 12 within a few hundred milliseconds.
    expect((times.at(-1) as number) - (times[0] as number)).toBeGreaterThanOrEqual(2_500);
    // BullMQ counts in fixed windows: a sliding second may hold the end of one and the start of the next.
    for (const at of times)
      expect(times.filter((x) => x >= at && x < at + 1000).length).toBeLessThanOrEqual(6);
    expect(done.reduce((n, d) => n + d.n, 0)).toBe(count);
  });
});
