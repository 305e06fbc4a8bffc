// npm run bench: GET /v1/tracking/{number} for random numbers among 100,000 orders with 2 shipments each,
// at 50 connections, next to a bare route served the same way: same api process, same stack (helmet,
// CORS, request ids, rate limit in Redis, API-key auth), so the ratio is the cost of the read itself. A
// plain Fastify process with no plugins is measured too, for scale. Figures are medians over short rounds
// (see below). Writes bench/results/tracking-read.{json,md}. Not a test: the machine should be quiet.
import os from 'node:os';
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
const EVENTS = Number(process.env.BENCH_EVENTS_PER_SHIPMENT ?? 4);
const DB_NAME = 'wismo_bench';

log(`seeding ${ORDERS.toLocaleString('en')} orders × 2 shipments × ${EVENTS} events into ${DB_NAME} …`);
const env = await benchEnv(DB_NAME, 'wismo-bench');
const config = loadConfig(env);
const setupDb = createDb(createPool(config.databaseUrl, 4));
await migrateToLatest(setupDb);
const seeding = Date.now();
const deps = createDeps(config, createLogger('warn'), { redis: false });
const merchant = await deps.services.merchants.create({ name: 'Bench Store', slug: 'bench' });
const key = (await deps.services.apiKeys.create(merchant.id, ['tracking:read'], 'bench')).key;
await seed(setupDb, merchant.id, ORDERS, EVENTS);
log(`seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
await deps.close();
await setupDb.destroy();

// Request logging off (LOG_LEVEL=warn) in both processes: this measures the work of the routes. The rate
// limit is still checked in Redis on every request, with a budget the bench key cannot exhaust.
const api = await startProcess('bench/api-server.ts', env, '/readyz');
const bare = await startProcess('bench/bare-server.ts', {}, '/bare');
const randomNumber = () =>
  `/v1/tracking/BENCH${1 + Math.floor(Math.random() * ORDERS)}${Math.random() < 0.5 ? 'A' : 'B'}`;
const auth = { authorization: `Bearer ${key}` };
const get =
  (path: () => string, headers: Record<string, string> = {}) =>
  (): LoadRequest => ({ path: path(), headers });

try {
  // A correctness probe before measuring: the route must answer real data, not errors.
  const probe = await fetch(`http://127.0.0.1:${api.port}${randomNumber()}`, { headers: auth });
  if (probe.status !== 200) throw new Error(`tracking read answered ${probe.status}: ${await probe.text()}`);
  log('warming up …');
  await load(
    `http://127.0.0.1:${bare.port}`,
    get(() => '/bare'),
    3,
  );
  await load(
    `http://127.0.0.1:${api.port}`,
    get(() => '/bench/bare', auth),
    3,
  );
  await load(`http://127.0.0.1:${api.port}`, get(randomNumber, auth), 5);

  // Many short rounds, the three routes back to back in each (in alternating order, so drift on a shared
  // machine cancels out); every figure reported is the median over the rounds, and the ratio is the median
  // of the per-round ratios, each measured minutes apart at most.
  const rounds: { bare: Measure; plain: Measure; tracking: Measure; ratio: number; plainRatio: number }[] =
    [];
  const targets = {
    plain: () =>
      load(
        `http://127.0.0.1:${bare.port}`,
        get(() => '/bare'),
        DURATION,
      ),
    bare: () =>
      load(
        `http://127.0.0.1:${api.port}`,
        get(() => '/bench/bare', auth),
        DURATION,
      ),
    tracking: () => load(`http://127.0.0.1:${api.port}`, get(randomNumber, auth), DURATION),
  };
  for (let r = 0; r < ROUNDS; r++) {
    const order = (
      r % 2 === 0 ? ['plain', 'bare', 'tracking'] : ['tracking', 'bare', 'plain']
    ) as (keyof typeof targets)[];
    const m = {} as Record<keyof typeof targets, Measure>;
    for (const name of order) m[name] = await targets[name]();
    const ratio = m.tracking.requestsPerSecond / m.bare.requestsPerSecond;
    const plainRatio = m.tracking.requestsPerSecond / m.plain.requestsPerSecond;
    rounds.push({ ...m, ratio, plainRatio });
    log(
      `round ${r + 1}: plain Fastify ${m.plain.requestsPerSecond.toFixed(0)} req/s, bare route ${m.bare.requestsPerSecond.toFixed(0)} req/s, tracking ${m.tracking.requestsPerSecond.toFixed(0)} req/s (p99 ${m.tracking.p99} ms), ratio ${ratio.toFixed(2)}`,
    );
  }
  const medianOf = (pick: (r: (typeof rounds)[number]) => Measure) => medianMeasure(rounds.map(pick));
  const best = {
    tracking: medianOf((r) => r.tracking),
    bare: medianOf((r) => r.bare),
    plain: medianOf((r) => r.plain),
  };
  const ratio = median(rounds.map((r) => r.ratio));
  const plainRatio = median(rounds.map((r) => r.plainRatio));
  const ratioRange = [Math.min(...rounds.map((r) => r.ratio)), Math.max(...rounds.map((r) => r.ratio))];
  const summary = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    dataset: { orders: ORDERS, shipments: ORDERS * 2, eventsPerShipment: EVENTS },
    connections: CONNECTIONS,
    seconds: DURATION,
    bare: best.bare,
    plain: best.plain,
    tracking: best.tracking,
    ratio,
    ratioRange,
    plainRatio,
    targets: { ratio: 0.5, p99Ms: 25 },
    met: { ratio: ratio >= 0.5, p99: best.tracking.p99 <= 25 },
    rounds,
  };
  const md = [
    `| route (median of ${ROUNDS} rounds) | requests/s | p50 ms | p99 ms | non-2xx |`,
    `| --- | ---: | ---: | ---: | ---: |`,
    row('GET /v1/tracking/{number} (random numbers)', best.tracking),
    row('bare route, same api process and stack', best.bare),
    row('plain Fastify process, no plugins', best.plain),
    '',
    `Tracking read / bare route: **${ratio.toFixed(2)}** (median of the per-round ratios, range ${ratioRange.map((x) => x.toFixed(2)).join('–')}; target ≥ 0.5); tracking p99 **${best.tracking.p99} ms** (target ≤ 25 ms). Tracking read / plain Fastify: ${plainRatio.toFixed(2)}.`,
    `${ORDERS.toLocaleString('en')} orders, ${(ORDERS * 2).toLocaleString('en')} shipments, ${EVENTS} events each; ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s per route, ${os.cpus().length} CPUs, Node ${process.version}; ${summary.date}.`,
    '',
  ].join('\n');
  await writeResults('tracking-read', summary, md);
} finally {
  await api.stop();
  await bare.stop();
}
