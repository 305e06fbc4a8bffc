// npm run bench:polling (the third part of npm run bench): the polling schedule and the poll pipeline.
// 1) Scheduler tick: 1,000,000 shipments in Postgres in a realistic mix of statuses (most delivered, the
//    rest due over the next hours), 10,000 of them due now; one tick claims them, routes them to their
//    merchant's connection, batches and queues them. Measured in rounds (the same 10,000 made due again),
//    next to the floor of reading those 10,000 rows through the same index.
// 2) End to end: 20,000 sandbox shipments due at once, a real worker process polling the sandbox carrier
//    (a process of its own) and normalizing the answers; numbers per second from "due" to "checked with
//    their events", next to the rate the sandbox answers a plain client asking the same batches.
// Writes bench/results/polling.{json,md}. Not a test: the machine should be quiet.
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { createDb, createPool } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createDeps } from '../src/deps.js';
import { createLogger } from '../src/logger.js';
import { labelNumber } from '../src/sandbox-carrier/numbers.js';
import { seed } from './seed.js';
import { benchEnv, clearQueues, log, median, ROUNDS, startProcess, writeResults } from './support.js';

const SHIPMENTS = Number(process.env.BENCH_POLL_SHIPMENTS ?? 1_000_000);
const DUE = Number(process.env.BENCH_POLL_DUE ?? 10_000);
const E2E = Number(process.env.BENCH_POLL_E2E ?? 20_000);
const DB_NAME = 'wismo_bench_polling';
const QUEUE_PREFIX = 'wismo-bench-polling';
const SANDBOX_KEY = 'bench-sandbox-key';

const env = await benchEnv(DB_NAME, QUEUE_PREFIX);
const config = loadConfig({ ...env, POLL_CLAIM_LIMIT: String(DUE) });
const redis = new Redis(config.redisUrl);
await clearQueues(redis, QUEUE_PREFIX);

log(`seeding ${SHIPMENTS.toLocaleString('en')} shipments into ${DB_NAME} …`);
const db = createDb(createPool(config.databaseUrl, 4));
await migrateToLatest(db);
const deps = createDeps(config, createLogger('warn'));
const merchant = await deps.services.merchants.create({ name: 'Bench Store', slug: 'bench' });
await seed(db, merchant.id, SHIPMENTS / 2, 0);
// UPS numbers are polled through a UPS connection; the DHL Express ones (no poll client) through AfterShip.
for (const [carrier, credentials] of [
  ['ups', { clientId: 'bench', clientSecret: 'bench' }],
  ['aftership', { apiKey: 'bench' }],
] as const) {
  await deps.services.carrierConnections.create({ merchantId: merchant.id, carrier, credentials });
}
// A realistic mix: most shipments done, the rest spread over the journey; the moving ones due over the
// next six hours, and DUE of them due now.
await db.transaction().execute(async (trx) => {
  await sql`SET LOCAL statement_timeout = 0`.execute(trx);
  await sql`SET LOCAL session_replication_role = replica`.execute(trx);
  await sql`
    UPDATE shipments SET status = (CASE
      WHEN r < 0.60 THEN 'delivered' WHEN r < 0.62 THEN 'returned' WHEN r < 0.63 THEN 'cancelled'
      WHEN r < 0.65 THEN 'pending' WHEN r < 0.72 THEN 'info_received' WHEN r < 0.92 THEN 'in_transit'
      WHEN r < 0.95 THEN 'out_for_delivery' WHEN r < 0.97 THEN 'available_for_pickup' ELSE 'exception' END)::text
    FROM (SELECT id AS sid, random() AS r FROM shipments) x WHERE id = x.sid`.execute(trx);
  await sql`
    INSERT INTO shipment_polls (shipment_id, merchant_id, carrier_code, tracking_number, status, last_news_at, due_at)
    SELECT id, merchant_id, carrier_code, tracking_number, status, coalesce(last_event_at, created_at),
           now() + random() * interval '6 hours' FROM shipments
    WHERE status NOT IN ('delivered', 'returned', 'cancelled', 'expired')`.execute(trx);
  // Two sets of due shipments: all on a batching API (DHL Express numbers, asked 50 at a time through
  // AfterShip), and a mix where half are UPS numbers, which UPS answers one per request.
  await sql`
    CREATE TABLE bench_due_batched AS
    SELECT shipment_id FROM shipment_polls WHERE carrier_code = 'dhl_express' ORDER BY random() LIMIT ${DUE}`.execute(
    trx,
  );
  await sql`
    CREATE TABLE bench_due_mixed AS
    SELECT shipment_id FROM shipment_polls ORDER BY random() LIMIT ${DUE}`.execute(trx);
});
await sql`VACUUM ANALYZE`.execute(db);
const moving = await db
  .selectFrom('shipment_polls')
  .select(sql<number>`count(*)::int`.as('n'))
  .executeTakeFirstOrThrow();

async function makeDue(set: 'batched' | 'mixed') {
  await sql`UPDATE shipment_polls SET due_at = now() + interval '1 day', claim = NULL WHERE due_at <= now()`.execute(
    db,
  );
  await sql`UPDATE shipment_polls p SET due_at = now() - random() * interval '1 minute', claim = NULL
            FROM ${sql.table(`bench_due_${set}`)} d WHERE p.shipment_id = d.shipment_id`.execute(db);
  await clearQueues(redis, QUEUE_PREFIX);
}

log(
  `scheduler: ${ROUNDS} rounds of one tick over ${DUE.toLocaleString('en')} due of ${moving.n.toLocaleString('en')} scheduled …`,
);
const ticks = { batched: [] as number[], mixed: [] as number[] };
const floors: number[] = [];
const claimed: number[] = [];
const jobCounts = { batched: 0, mixed: 0 };
for (let round = 0; round < ROUNDS; round++) {
  for (const set of ['batched', 'mixed'] as const) {
    await makeDue(set);
    let t0 = performance.now();
    await sql`SELECT shipment_id FROM shipment_polls WHERE due_at <= now() ORDER BY due_at LIMIT ${DUE}`.execute(
      db,
    );
    floors.push(performance.now() - t0);
    t0 = performance.now();
    const result = await deps.services.pollScheduler.tick();
    ticks[set].push(performance.now() - t0);
    claimed.push(result.claimed);
    jobCounts[set] = result.jobs;
  }
}
await sql`UPDATE shipment_polls SET due_at = now() + interval '1 day', claim = NULL`.execute(db);
await clearQueues(redis, QUEUE_PREFIX);

// 2) End to end against the sandbox carrier.
log(`end to end: ${E2E.toLocaleString('en')} sandbox shipments …`);
const sandbox = await startProcess(
  'src/sandbox-carrier/main.ts',
  {
    SANDBOX_CARRIER_API_KEYS: SANDBOX_KEY,
    SANDBOX_RATE_LIMIT_PER_SECOND: '0',
    SANDBOX_SPEED: '720',
    LOG_LEVEL: 'warn',
  },
  '/health',
  [],
  'SANDBOX_CARRIER_PORT',
);
const sandboxUrl = `http://127.0.0.1:${sandbox.port}`;
const e2eMerchant = await deps.services.merchants.create({
  name: 'Bench Sandbox Store',
  slug: 'bench-sandbox',
});
await deps.services.carrierConnections.create({
  merchantId: e2eMerchant.id,
  carrier: 'sandbox',
  credentials: { apiKey: SANDBOX_KEY },
});
// Labels created over the last minutes: mid-journey at speed 720, a handful of scans each.
const now = Date.now();
const numbers = Array.from({ length: E2E }, (_, i) =>
  labelNumber(new Date(now - 60_000 - Math.floor(i / 100) * 1000), i % 100),
);
await db.transaction().execute(async (trx) => {
  await sql`
    INSERT INTO orders (merchant_id, order_number, status)
    SELECT ${e2eMerchant.id}::uuid, 'E-' || n, 'shipped' FROM unnest(${numbers}::text[]) AS n`.execute(trx);
  await sql`
    INSERT INTO shipments (merchant_id, order_id, carrier_code, tracking_number)
    SELECT o.merchant_id, o.id, 'sandbox', substr(o.order_number, 3) FROM orders o
    WHERE o.merchant_id = ${e2eMerchant.id}::uuid`.execute(trx);
  await sql`UPDATE shipment_polls SET due_at = NULL WHERE merchant_id = ${e2eMerchant.id}::uuid`.execute(trx);
});
await sql`ANALYZE`.execute(db);

// The sandbox's own pace: the same batches asked by a plain client, 16 at a time.
const batches = Array.from({ length: Math.ceil(E2E / 100) }, (_, i) => numbers.slice(i * 100, i * 100 + 100));
let next = 0;
let t0 = performance.now();
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (next < batches.length) {
      const batch = batches[next++] as string[];
      const res = await fetch(`${sandboxUrl}/v1/tracking`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SANDBOX_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ trackingNumbers: batch }),
      });
      await res.arrayBuffer();
    }
  }),
);
const sandboxRate = E2E / ((performance.now() - t0) / 1000);

const worker = await startProcess(
  'src/worker.ts',
  {
    ...env,
    POLL_TICK_MS: '100',
    POLL_CONCURRENCY: '16',
    NORMALIZE_CONCURRENCY: process.env.BENCH_NORMALIZE_CONCURRENCY ?? '8',
    POLL_RATE_LIMITS: 'sandbox=10000/1s',
    CARRIER_API_URLS: `sandbox=${sandboxUrl}`,
    DATABASE_POOL_MAX: '20',
  },
  null,
);
const start = new Date();
t0 = performance.now();
await sql`UPDATE shipment_polls SET due_at = now() WHERE merchant_id = ${e2eMerchant.id}::uuid`.execute(db);
let done = 0;
let polledAt = 0;
for (;;) {
  const row = await db
    .selectFrom('shipments')
    .select([
      sql<number>`count(*) FILTER (WHERE last_checked_at >= ${start} AND last_event_at IS NOT NULL)::int`.as(
        'done',
      ),
    ])
    .where('merchant_id', '=', e2eMerchant.id)
    .executeTakeFirstOrThrow();
  done = row.done;
  if (!polledAt) {
    const asked = await db
      .selectFrom('raw_payloads')
      .select(sql<number>`coalesce(sum(cardinality(tracking_numbers)), 0)::int`.as('n'))
      .where('merchant_id', '=', e2eMerchant.id)
      .executeTakeFirstOrThrow();
    if (asked.n >= E2E) polledAt = performance.now();
  }
  if (done >= E2E || performance.now() - t0 > 300_000) break;
  await new Promise((r) => setTimeout(r, 100));
}
const seconds = (performance.now() - t0) / 1000;
const e2eRate = done / seconds;
const pollRate = polledAt ? E2E / ((polledAt - t0) / 1000) : null;
await worker.stop();
await sandbox.stop();
await deps.close();
await db.destroy();
redis.disconnect();

const tick = median(ticks.batched);
const mixedTick = median(ticks.mixed);
const floor = median(floors);
const summary = {
  shipments: SHIPMENTS,
  scheduled: moving.n,
  due: DUE,
  claimedPerTick: median(claimed),
  tickMs: { batched: tick, mixed: mixedTick },
  floorMs: floor,
  tickTargetMs: 100,
  jobsPerTick: jobCounts,
  e2e: {
    shipments: E2E,
    done,
    seconds,
    numbersPerSecond: e2eRate,
    polledPerSecond: pollRate,
    sandboxAnswersPerSecond: sandboxRate,
    target: 2000,
  },
};
const md = `### Polling (${new Date().toISOString().slice(0, 10)})

Scheduler: ${SHIPMENTS.toLocaleString('en')} shipments, ${moving.n.toLocaleString('en')} still moving and scheduled, ${median(claimed).toLocaleString('en')} due and claimed per tick (claim, route to the merchant's connection, batch, queue); median of ${ROUNDS} ticks each.

| measure | value | ratio |
| --- | --- | --- |
| one tick, all due on a batching API (${jobCounts.batched} jobs of 50 through AfterShip) | ${tick.toFixed(0)} ms | ${(tick / 100).toFixed(2)} × the 100 ms target |
| one tick, half due on a one-number API (${jobCounts.mixed} jobs: UPS one by one, the rest 50 at a time) | ${mixedTick.toFixed(0)} ms | ${(mixedTick / 100).toFixed(2)} × the target |
| reading the same due rows through the index (floor) | ${floor.toFixed(0)} ms | batched tick = ${(tick / floor).toFixed(1)} × the floor |

End to end: ${E2E.toLocaleString('en')} sandbox shipments due at once, one worker process, the sandbox carrier in its own process.

| measure | numbers / s | ratio |
| --- | --- | --- |
| polled and normalized (due → checked with events) | ${e2eRate.toFixed(0)} | ${(e2eRate / 2000).toFixed(2)} × the 2,000 / s target |
| asked of the carrier (due → answer stored) | ${pollRate?.toFixed(0) ?? 'n/a'} | ${pollRate ? (pollRate / sandboxRate).toFixed(2) : 'n/a'} × the sandbox's own pace |
| the sandbox answering a plain client (16 at a time) | ${sandboxRate.toFixed(0)} | 1 |
`;
await writeResults('polling', summary, md);
