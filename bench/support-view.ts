// npm run bench:support-view: the agent's 360 view (GET /v1/support/orders/{id}) for random orders among
// 100,000 (two shipments with 8 events each, three messages and four merchant webhook deliveries per
// order), at 50 connections, next to a bare route behind the same stack (helmet, CORS, request ids, rate
// limit in Redis, API-key auth) in the same api process. Figures are medians over short rounds. Writes
// bench/results/support-view.{json,md}. Not a test: the machine should be quiet.
import os from 'node:os';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { createDb, createPool } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createDeps } from '../src/deps.js';
import { createLogger } from '../src/logger.js';
import { seed } from './seed.js';
import {
  benchEnv,
  CONNECTIONS,
  DURATION,
  type LoadRequest,
  load,
  log,
  type Measure,
  median,
  medianMeasure,
  ROUNDS,
  row,
  startProcess,
  writeResults,
} from './support.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const EVENTS = 8;
const DB_NAME = 'wismo_bench_support';

log(`seeding ${ORDERS.toLocaleString('en')} orders with shipments, events, messages and webhooks …`);
const env = await benchEnv(DB_NAME, 'wismo-bench-support');
const config = loadConfig(env);
const setupDb = createDb(createPool(config.databaseUrl, 4));
await migrateToLatest(setupDb);
const seeding = Date.now();
const deps = createDeps(config, createLogger('warn'), { redis: false });
const merchant = await deps.services.merchants.create({ name: 'Bench Store', slug: 'bench' });
// The agent scope for the view, tracking:read for the bare yardstick route.
const key = (await deps.services.apiKeys.create(merchant.id, ['agent', 'tracking:read'], 'bench')).key;
await seed(setupDb, merchant.id, ORDERS, EVENTS);
await seedHistory(merchant.id);
const ids = (
  await setupDb.selectFrom('orders').select('id').where('merchant_id', '=', merchant.id).execute()
).map((r) => r.id);
log(`seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
await deps.close();
await setupDb.destroy();

/** Messages and webhook deliveries as the relay would have written them (triggers off, sequences given). */
async function seedHistory(merchantId: string): Promise<void> {
  await setupDb.transaction().execute(async (trx) => {
    await sql`SET LOCAL statement_timeout = 0`.execute(trx);
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await sql`
      INSERT INTO notifications (merchant_id, order_id, shipment_id, subject, milestone, channel, recipient, locale,
                                 time_zone, status, attempts, provider_id, subject_line, sent_at)
      SELECT o.merchant_id, o.id, NULL, 'order:' || o.id, m, 'email', o.customer_email, 'en', 'Europe/Warsaw',
             'sent', 1, '<' || o.id || '.' || m || '@bench>', 'Your order ' || o.order_number, now() - interval '1 day'
      FROM orders o CROSS JOIN (VALUES ('confirmed'), ('shipped'), ('in_transit')) AS v(m)
      WHERE o.merchant_id = ${merchantId}::uuid`.execute(trx);
    await sql`
      INSERT INTO webhook_endpoints (merchant_id, url, secret_encrypted)
      VALUES (${merchantId}::uuid, 'https://erp.example.com/hooks/wismo', '\\x00'::bytea)`.execute(trx);
    await sql`
      INSERT INTO outbox (merchant_id, topic, dedupe_key, payload, relayed_at, subject_id, sequence)
      SELECT s.merchant_id, t, s.id || ':' || n, jsonb_build_object('shipmentId', s.id), now(), s.id, n
      FROM shipments s CROSS JOIN (VALUES (1, 'shipment.created'), (2, 'shipment.status_changed')) AS v(n, t)
      WHERE s.merchant_id = ${merchantId}::uuid`.execute(trx);
    await sql`
      INSERT INTO webhook_deliveries (merchant_id, endpoint_id, outbox_id, status, attempts, last_status_code, delivered_at)
      SELECT o.merchant_id, e.id, o.id, 'delivered', 1, 200, now()
      FROM outbox o JOIN webhook_endpoints e ON e.merchant_id = o.merchant_id
      WHERE o.merchant_id = ${merchantId}::uuid`.execute(trx);
  });
  await sql`VACUUM ANALYZE`.execute(setupDb);
}

const api = await startProcess('bench/api-server.ts', env, '/readyz');
const auth = { authorization: `Bearer ${key}` };
const randomView = (): LoadRequest => ({
  path: `/v1/support/orders/${ids[Math.floor(Math.random() * ids.length)]}`,
  headers: auth,
});
const bareRoute = (): LoadRequest => ({ path: '/bench/bare', headers: auth });

try {
  const probe = await fetch(`http://127.0.0.1:${api.port}${randomView().path}`, { headers: auth });
  const body = (await probe.json()) as {
    shipments?: { events: unknown[] }[];
    notifications?: unknown[];
    webhooks?: unknown[];
  };
  if (probe.status !== 200 || body.shipments?.length !== 2 || body.webhooks?.length !== 4) {
    throw new Error(`the 360 view answered ${probe.status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
  log('warming up …');
  await load(`http://127.0.0.1:${api.port}`, bareRoute, 3);
  await load(`http://127.0.0.1:${api.port}`, randomView, 5);

  const rounds: { bare: Measure; view: Measure; ratio: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const first = r % 2 === 0;
    const a = await load(`http://127.0.0.1:${api.port}`, first ? bareRoute : randomView, DURATION);
    const b = await load(`http://127.0.0.1:${api.port}`, first ? randomView : bareRoute, DURATION);
    const [bare, view] = first ? [a, b] : [b, a];
    rounds.push({ bare, view, ratio: view.requestsPerSecond / bare.requestsPerSecond });
    log(
      `round ${r + 1}: bare route ${bare.requestsPerSecond.toFixed(0)} req/s, 360 view ${view.requestsPerSecond.toFixed(0)} req/s (p99 ${view.p99} ms)`,
    );
  }
  const view = medianMeasure(rounds.map((r) => r.view));
  const bare = medianMeasure(rounds.map((r) => r.bare));
  const ratio = median(rounds.map((r) => r.ratio));
  const summary = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    dataset: {
      orders: ORDERS,
      shipmentsPerOrder: 2,
      eventsPerShipment: EVENTS,
      messagesPerOrder: 3,
      webhooksPerOrder: 4,
    },
    connections: CONNECTIONS,
    seconds: DURATION,
    view,
    bare,
    ratio,
    rounds,
  };
  const md = [
    `| route (median of ${ROUNDS} rounds) | requests/s | p50 ms | p99 ms | non-2xx |`,
    '| --- | ---: | ---: | ---: | ---: |',
    row('GET /v1/support/orders/{id} (random orders)', view),
    row('bare route, same api process and stack', bare),
    '',
    `360 view / bare route: **${ratio.toFixed(2)}**. Each view reads the order, its 2 shipments' documents (16 events), the events' payload ids, 3 messages, 4 webhook deliveries and the merchant's settings, and writes the suggested reply.`,
    `${ORDERS.toLocaleString('en')} orders; ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s per route, ${os.cpus().length} CPUs, Node ${process.version}; ${summary.date}.`,
    '',
  ].join('\n');
  await writeResults('support-view', summary, md);
} finally {
  await api.stop();
}
