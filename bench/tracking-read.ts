// npm run bench: GET /v1/tracking/{number} for random numbers among 100,000 orders with 2 shipments each,
// at 50 connections, next to a bare route served the same way: same api process, same stack (helmet,
// CORS, request ids, rate limit in Redis, API-key auth), so the ratio is the cost of the read itself. A
// plain Fastify process with no plugins is measured too, for scale. Figures are medians over short rounds
// (see below). Writes bench/results/tracking-read.{json,md}. Not a test: the machine should be quiet.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { createDb, createPool } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createDeps } from '../src/deps.js';
import { createLogger } from '../src/logger.js';
import { seed } from './seed.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS_PER_SHIPMENT ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'wismo_bench';
const dbUrl = new URL(ADMIN_URL);
dbUrl.pathname = `/${DB_NAME}`;

const log = (s: string) => process.stdout.write(`${s}\n`);

async function admin(text: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(text).finally(() => c.end());
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** Starts an entry in its own process and waits until `readyPath` answers. */
async function startProcess(entry: string, env: Record<string, string>, readyPath: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}${readyPath}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, port };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${entry} did not become ready`);
}

const row = (name: string, m: Measure) =>
  `| ${name} | ${m.requestsPerSecond.toFixed(0)} | ${m.p50} | ${m.p99} | ${m.non2xx} |`;

interface Measure {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(
  url: string,
  headers: Record<string, string>,
  path: () => string,
  seconds: number,
): Promise<Measure> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    requests: [{ setupRequest: (req) => ({ ...req, path: path() }) }],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

log(`seeding ${ORDERS.toLocaleString('en')} orders × 2 shipments × ${EVENTS} events into ${DB_NAME} …`);
await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
await admin(`CREATE DATABASE ${DB_NAME}`);
const env = {
  DATABASE_URL: dbUrl.toString(),
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  LOG_FORMAT: 'json',
  DEMO_MERCHANT: 'false',
  QUEUE_PREFIX: 'wismo-bench',
};
const config = loadConfig({ ...env, ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') });
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
const api = await startProcess(
  'bench/api-server.ts',
  { ...env, ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'), RATE_LIMIT_MAX: '10000000' },
  '/readyz',
);
const bare = await startProcess('bench/bare-server.ts', {}, '/bare');
const randomNumber = () =>
  `/v1/tracking/BENCH${1 + Math.floor(Math.random() * ORDERS)}${Math.random() < 0.5 ? 'A' : 'B'}`;
const auth = { authorization: `Bearer ${key}` };

try {
  // A correctness probe before measuring: the route must answer real data, not errors.
  const probe = await fetch(`http://127.0.0.1:${api.port}${randomNumber()}`, { headers: auth });
  if (probe.status !== 200) throw new Error(`tracking read answered ${probe.status}: ${await probe.text()}`);
  log('warming up …');
  await load(`http://127.0.0.1:${bare.port}`, {}, () => '/bare', 3);
  await load(`http://127.0.0.1:${api.port}`, auth, () => '/bench/bare', 3);
  await load(`http://127.0.0.1:${api.port}`, auth, randomNumber, 5);

  // Many short rounds, the three routes back to back in each (in alternating order, so drift on a shared
  // machine cancels out); every figure reported is the median over the rounds, and the ratio is the median
  // of the per-round ratios, each measured minutes apart at most.
  const rounds: { bare: Measure; plain: Measure; tracking: Measure; ratio: number; plainRatio: number }[] =
    [];
  const targets = {
    plain: () => load(`http://127.0.0.1:${bare.port}`, {}, () => '/bare', DURATION),
    bare: () => load(`http://127.0.0.1:${api.port}`, auth, () => '/bench/bare', DURATION),
    tracking: () => load(`http://127.0.0.1:${api.port}`, auth, randomNumber, DURATION),
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
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  };
  const medianOf = (pick: (r: (typeof rounds)[number]) => Measure): Measure => ({
    requestsPerSecond: median(rounds.map((r) => pick(r).requestsPerSecond)),
    p50: median(rounds.map((r) => pick(r).p50)),
    p99: median(rounds.map((r) => pick(r).p99)),
    non2xx: rounds.reduce((n, r) => n + pick(r).non2xx, 0),
    errors: rounds.reduce((n, r) => n + pick(r).errors, 0),
  });
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
  await writeFile(
    new URL('./results/tracking-read.json', import.meta.url),
    `${JSON.stringify(summary, null, 2)}\n`,
  );
  await writeFile(new URL('./results/tracking-read.md', import.meta.url), md);
  log(`\n${md}`);
} finally {
  api.child.kill('SIGTERM');
  bare.child.kill('SIGTERM');
}
