// npm run bench:webhooks (the second half of npm run bench): carrier webhooks.
// 1) Intake: signed EasyPost deliveries (the real 3.5 KB tracker.updated body of the fixtures, each with its
//    own event id and tracking number) POSTed at 50 connections to the intake route of a real api process,
//    next to a bare Fastify POST route given the same bodies (and, for context, a bare POST route behind the
//    api's own stack), in alternating short rounds; ratios are medians of the per-round ratios.
// 2) End to end, with a real worker process normalizing: a burst of first deliveries (a tracker's seven
//    scans, all new), a burst of next deliveries (one new scan each), and next deliveries paced at a steady
//    rate. Each payload's latency is received_at → processed_at, both Postgres clocks: the row committed
//    before the 200, and the row marked processed in the transaction that commits its events and status.
// Writes bench/results/webhook-intake.{json,md}. Not a test: the machine should be quiet.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { createDb, createPool } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createDeps } from '../src/deps.js';
import { createLogger } from '../src/logger.js';
import { normalizeQueue } from '../src/queue/queues.js';
import { seed } from './seed.js';
import {
  benchEnv,
  CONNECTIONS,
  clearQueues,
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

const ORDERS = Number(process.env.BENCH_INTAKE_ORDERS ?? 20_000);
const E2E_DELIVERIES = Math.min(ORDERS, Number(process.env.BENCH_E2E_DELIVERIES ?? 10_000));
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const PACED_RATE = Number(process.env.BENCH_PACED_RATE ?? 200);
const DB_NAME = 'wismo_bench_intake';
const QUEUE_PREFIX = 'wismo-bench-intake';
// Where the tests find the fixtures too (WISMO_CARRIER_FIXTURES, else ../shared beside the project).
const FIXTURE = join(
  process.env.WISMO_CARRIER_FIXTURES ??
    fileURLToPath(new URL('../../shared/fixtures/carriers', import.meta.url)),
  'easypost_examples/easypost/event-body.json',
);

const env = await benchEnv(DB_NAME, QUEUE_PREFIX);

// Jobs of an earlier run would point at payloads that no longer exist.
const config = loadConfig(env);
const redis = new Redis(config.redisUrl);
await clearQueues(redis, QUEUE_PREFIX);
redis.disconnect();

log(`seeding ${ORDERS.toLocaleString('en')} orders × 2 shipments into ${DB_NAME} …`);
const db = createDb(createPool(config.databaseUrl, 4));
await migrateToLatest(db);
const deps = createDeps(config, createLogger('warn'), { redis: false });
const merchant = await deps.services.merchants.create({ name: 'Bench Store', slug: 'bench' });
await seed(db, merchant.id, ORDERS, 0);
// Registered, nothing heard from the carrier yet: the first delivery moves each shipment.
await db.transaction().execute(async (trx) => {
  await sql`SET LOCAL wismo.rebuilding_documents = on`.execute(trx);
  await sql`UPDATE shipments SET status = 'pending', last_event_at = NULL`.execute(trx);
  await sql`UPDATE shipments s SET document = wismo_shipment_document(s)`.execute(trx);
});
const { connection, view } = await deps.services.carrierConnections.create({
  merchantId: merchant.id,
  carrier: 'easypost',
});
if (!view.newSecret) throw new Error('the EasyPost connection came without its generated secret');
const secret = view.newSecret.secret.normalize('NFKD');
await deps.close();

// The fixture's body with its ids and number replaced: same size and shape as the real delivery.
const template = JSON.parse(readFileSync(FIXTURE, 'utf8'));
template.result.carrier = 'UPS';
// Later deliveries of a tracker carry its whole history plus one new scan, as EasyPost sends them.
const scan = (status: string, message: string, datetime: string, code: string) => ({
  ...template.result.tracking_details[6],
  message,
  description: message,
  status,
  status_detail: status,
  datetime,
  carrier_code: code,
});
const LATER_SCANS = [
  scan('out_for_delivery', 'On FedEx vehicle for delivery', '2024-08-05T12:10:00Z', 'OD'),
  scan('delivered', 'Delivered', '2024-08-05T16:42:00Z', 'DL'),
];
let sequence = 0;
/** Delivery `stage` of a shipment's tracker: 0 is its first (seven scans), each later one adds a scan. */
function delivery(shipment: number, stage = 0): LoadRequest {
  sequence += 1;
  const details = [...template.result.tracking_details, ...LATER_SCANS.slice(0, stage)];
  const body = JSON.stringify({
    ...template,
    id: `evt_bench_${sequence}`,
    result: {
      ...template.result,
      id: `trk_bench_${shipment}`,
      tracking_code: `BENCH${shipment}A`,
      status: details.at(-1)?.status,
      tracking_details: details,
    },
  });
  const signature = createHmac('sha256', secret).update(body).digest('hex');
  return {
    method: 'POST',
    path: `/webhooks/easypost/${connection.id}`,
    headers: { 'content-type': 'application/json', 'x-hmac-signature': `hmac-sha256-hex=${signature}` },
    body,
  };
}
const bodyBytes = Buffer.byteLength(delivery(1).body as string);

// BENCH_API_NODE_ARGS=--cpu-prof profiles the api process (the profile is written when it stops).
const api = await startProcess(
  'bench/api-server.ts',
  env,
  '/readyz',
  (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
);
const bare = await startProcess('bench/bare-server.ts', {}, '/bare');
const randomShipment = () => 1 + Math.floor(Math.random() * ORDERS);
const bareRequest = (): LoadRequest => ({ ...delivery(randomShipment()), path: '/bare' });
const stackRequest = (): LoadRequest => ({ ...delivery(randomShipment()), path: '/bench/bare-webhook' });

try {
  const probe = delivery(1);
  const answer = await fetch(`http://127.0.0.1:${api.port}${probe.path}`, {
    method: 'POST',
    headers: probe.headers,
    body: probe.body,
  });
  if (answer.status !== 200) throw new Error(`intake answered ${answer.status}: ${await answer.text()}`);

  log('warming up …');
  await load(`http://127.0.0.1:${bare.port}`, bareRequest, 3);
  await load(`http://127.0.0.1:${api.port}`, () => delivery(randomShipment()), 3);

  // Short rounds, the routes back to back in alternating order so drift on a shared machine cancels out.
  const targets = {
    bare: () => load(`http://127.0.0.1:${bare.port}`, bareRequest, DURATION),
    stack: () => load(`http://127.0.0.1:${api.port}`, stackRequest, DURATION),
    intake: () => load(`http://127.0.0.1:${api.port}`, () => delivery(randomShipment()), DURATION),
  };
  const rounds: { bare: Measure; stack: Measure; intake: Measure; ratio: number; stackRatio: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const m = {} as Record<keyof typeof targets, Measure>;
    const order = (
      r % 2 === 0 ? ['bare', 'stack', 'intake'] : ['intake', 'stack', 'bare']
    ) as (keyof typeof targets)[];
    for (const name of order) m[name] = await targets[name]();
    const ratio = m.intake.requestsPerSecond / m.bare.requestsPerSecond;
    const stackRatio = m.intake.requestsPerSecond / m.stack.requestsPerSecond;
    rounds.push({ ...m, ratio, stackRatio });
    log(
      `round ${r + 1}: bare POST ${m.bare.requestsPerSecond.toFixed(0)} req/s, same stack ${m.stack.requestsPerSecond.toFixed(0)} req/s, intake ${m.intake.requestsPerSecond.toFixed(0)} req/s (p99 ${m.intake.p99} ms), ratio ${ratio.toFixed(2)}`,
    );
  }
  const intake = medianMeasure(rounds.map((r) => r.intake));
  const bareMeasure = medianMeasure(rounds.map((r) => r.bare));
  const stackMeasure = medianMeasure(rounds.map((r) => r.stack));
  const ratio = median(rounds.map((r) => r.ratio));
  const stackRatio = median(rounds.map((r) => r.stackRatio));
  const ratioRange = [Math.min(...rounds.map((r) => r.ratio)), Math.max(...rounds.map((r) => r.ratio))];

  // End to end, from a clean slate: the intake rounds' payloads (and their queued jobs) were never normalized.
  // A moment first, for the last answers of the rounds to be written.
  await new Promise((r) => setTimeout(r, 2000));
  await sql`TRUNCATE raw_payloads CASCADE`.execute(db);
  const queue = normalizeQueue({ url: config.redisUrl }, QUEUE_PREFIX);
  await queue.obliterate({ force: true });
  await queue.close();
  const worker = await Promise.all(
    Array.from({ length: WORKERS }, () =>
      startProcess(
        'src/worker.ts',
        env,
        null,
        (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean),
      ),
    ),
  );
  /** Posts E2E_DELIVERIES deliveries of `stage` (as fast as they go, or at `rate` a second) and waits. */
  const endToEnd = async (name: string, stage: number, rate?: number) => {
    const amount = rate ? Math.min(E2E_DELIVERIES, rate * 20) : E2E_DELIVERIES;
    const from = await sql<{ id: number }>`SELECT coalesce(max(id), 0) AS id FROM raw_payloads`.execute(db);
    const sinceId = Number(from.rows[0]?.id ?? 0);
    const eventsBefore = await countEvents();
    let next = 0;
    const posted = await autocannon({
      url: `http://127.0.0.1:${api.port}`,
      connections: CONNECTIONS,
      amount,
      ...(rate ? { overallRate: rate } : {}),
      requests: [
        {
          setupRequest: (req) => {
            next += 1;
            const d = delivery(next, stage);
            return {
              ...req,
              method: 'POST',
              path: d.path,
              headers: { ...req.headers, ...d.headers },
              body: d.body,
            };
          },
        },
      ],
    });
    for (;;) {
      const pending = await sql<{ n: string }>`
        SELECT count(*) AS n FROM raw_payloads WHERE id > ${sinceId} AND state = 'pending'`.execute(db);
      if (Number(pending.rows[0]?.n) === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const stats = await sql<{
      payloads: string;
      failed: string;
      span: number;
      p50: number;
      p99: number;
    }>`
      SELECT count(*) AS payloads,
             count(*) FILTER (WHERE state <> 'processed') AS failed,
             extract(epoch FROM max(processed_at) - min(received_at)) AS span,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at)) * 1000 AS p50,
             percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at)) * 1000 AS p99
      FROM raw_payloads WHERE id > ${sinceId}`.execute(db);
    const s = stats.rows[0];
    const events = (await countEvents()) - eventsBefore;
    const span = Number(s?.span ?? 0);
    const result = {
      name,
      deliveries: amount,
      accepted: posted['2xx'],
      payloads: Number(s?.payloads ?? 0),
      failed: Number(s?.failed ?? 0),
      events,
      seconds: span,
      payloadsPerSecond: Number(s?.payloads ?? 0) / span,
      eventsPerSecond: events / span,
      p50Ms: Math.round(Number(s?.p50 ?? 0)),
      p99Ms: Math.round(Number(s?.p99 ?? 0)),
      postP99Ms: posted.latency.p99,
    };
    log(
      `${name}: ${result.payloads} payloads, ${events} events in ${span.toFixed(1)} s: ${result.eventsPerSecond.toFixed(0)} events/s, ${result.payloadsPerSecond.toFixed(0)} payloads/s, POST → status p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
    );
    return result;
  };
  const countEvents = async () =>
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM tracking_events`.execute(db)).rows[0]?.n);
  const first = await endToEnd('first delivery per shipment (7 new events each), as fast as they come', 0);
  const updates = await endToEnd('next delivery per shipment (1 new event each), as fast as they come', 1);
  // Under a steady load the workers keep up with, latency is the time a payload takes, not a queue's.
  const paced = await endToEnd(
    `next delivery per shipment (1 new event each), ${PACED_RATE} a second`,
    2,
    PACED_RATE,
  );
  await Promise.all(worker.map((w) => w.stop()));

  const summary = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    bodyBytes,
    connections: CONNECTIONS,
    seconds: DURATION,
    intake,
    bare: bareMeasure,
    stack: stackMeasure,
    ratio,
    stackRatio,
    ratioRange,
    endToEnd: [first, updates, paced],
    workers: WORKERS,
    targets: { ratio: 0.35, p99Ms: 50, eventsPerSecond: 2000 },
    met: {
      ratio: ratio >= 0.35,
      p99: intake.p99 <= 50,
      eventsPerSecond: first.eventsPerSecond >= 2000,
      eventsPerSecondOneEventEach: updates.eventsPerSecond >= 2000,
    },
    rounds,
  };
  const e2eRow = (r: typeof first) =>
    `| ${r.name} | ${r.payloads} | ${r.events} | ${r.eventsPerSecond.toFixed(0)} | ${r.payloadsPerSecond.toFixed(0)} | ${r.p50Ms} | ${r.p99Ms} | ${r.failed} |`;
  const md = [
    `| route (median of ${ROUNDS} rounds, ${bodyBytes}-byte signed EasyPost bodies) | requests/s | p50 ms | p99 ms | non-2xx |`,
    '| --- | ---: | ---: | ---: | ---: |',
    row('POST /webhooks/easypost/{connection}', intake),
    row('bare Fastify POST route, same bodies', bareMeasure),
    row('bare POST route behind the api’s stack, same bodies', stackMeasure),
    '',
    `Intake / bare route: **${ratio.toFixed(2)}** (median of the per-round ratios, range ${ratioRange.map((x) => x.toFixed(2)).join('–')}; target ≥ 0.35); intake p99 **${intake.p99} ms** (target ≤ 50 ms). Intake / the same stack's bare route: ${stackRatio.toFixed(2)}.`,
    '',
    `| end to end (${CONNECTIONS} connections, ${WORKERS} worker process, NORMALIZE_CONCURRENCY ${config.normalizeConcurrency}) | payloads | events | events/s | payloads/s | POST → status p50 ms | p99 ms | not processed |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    e2eRow(first),
    e2eRow(updates),
    e2eRow(paced),
    '',
    `${ORDERS.toLocaleString('en')} orders, ${(ORDERS * 2).toLocaleString('en')} shipments; ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s per route, ${os.cpus().length} CPUs, Node ${process.version}; ${summary.date}.`,
    '',
  ].join('\n');
  await writeResults('webhook-intake', summary, md);
} finally {
  await api.stop();
  await bare.stop();
  await db.destroy();
}
