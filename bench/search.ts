// npm run bench:search: agent search on a large store. Seeds BENCH_SEARCH_ORDERS orders (1,000,000 by
// default) with realistic names, emails, phones and a shipment each, then times the search service (its SQL
// and scoring, no HTTP) for each kind of input an agent types, one query at a time, and reports p50 and p99.
// Writes bench/results/search.{json,md}. Not a test: the machine should be quiet.
import os from 'node:os';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { createDb, createPool } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createDeps } from '../src/deps.js';
import { createLogger } from '../src/logger.js';
import { benchEnv, log, writeResults } from './support.js';

const ORDERS = Number(process.env.BENCH_SEARCH_ORDERS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_SEARCH_QUERIES ?? 200);
const DB_NAME = 'wismo_bench_search';

const env = await benchEnv(DB_NAME, 'wismo-bench-search');
const config = loadConfig(env);
const db = createDb(createPool(config.databaseUrl, 4));
await migrateToLatest(db);
const deps = createDeps(config, createLogger('warn'));
const merchant = await deps.services.merchants.create({ name: 'Bench Store', slug: 'bench' });

const FIRST = [
  'Anna',
  'Maria',
  'Jan',
  'Piotr',
  'Olga',
  'Ivan',
  'Yuki',
  'Haruto',
  'Siti',
  'Ahmad',
  'John',
  'Emma',
  'Liam',
  'Sofia',
  'Lucas',
  'Mia',
  'Noah',
  'Ella',
  'Leo',
  'Zoe',
  'Adam',
  'Ewa',
  'Kasia',
  'Tomasz',
  'Nina',
];
const LAST = [
  'Kowalska',
  'Nowak',
  'Wiśniewski',
  'Petrov',
  'Ivanova',
  'Tanaka',
  'Suzuki',
  'Aminah',
  'Rahman',
  'Smith',
  'Johnson',
  'Brown',
  'Garcia',
  'Müller',
  'Schmidt',
  'Rossi',
  'Dubois',
  'Silva',
  'Novak',
  'Horvat',
  'Lindqvist',
  'Jensen',
  'OBrien',
  'Murphy',
  'Costa',
];

log(`seeding ${ORDERS.toLocaleString('en')} orders into ${DB_NAME} …`);
const started = Date.now();
await db.transaction().execute(async (trx) => {
  await sql`SET LOCAL statement_timeout = 0`.execute(trx);
  await sql`SET LOCAL session_replication_role = replica`.execute(trx);
  // Names from 25 × 25 × a number suffix on some, so a surname alone matches tens of thousands of orders.
  await sql`
    INSERT INTO orders (merchant_id, order_number, status, customer_name, customer_email, customer_phone, items)
    SELECT ${merchant.id}::uuid, 'SO-' || lpad(n::text, 8, '0'), 'in_transit',
           f.v || ' ' || l.v,
           lower(f.v) || '.' || lower(l.v) || n || '@example.com',
           '+48' || (500000000 + n)::text,
           '[]'::jsonb
    FROM generate_series(1, ${ORDERS}) AS n
    CROSS JOIN LATERAL (SELECT (${sql.lit(`{${FIRST.join(',')}}`)}::text[])[1 + n % ${FIRST.length}] AS v) f
    CROSS JOIN LATERAL (SELECT (${sql.lit(`{${LAST.join(',')}}`)}::text[])[1 + (n / ${FIRST.length}) % ${LAST.length}] AS v) l`.execute(
    trx,
  );
  await sql`
    INSERT INTO shipments (merchant_id, order_id, carrier_code, tracking_number, status)
    SELECT o.merchant_id, o.id, 'ups', '1Z' || upper(substr(md5(o.order_number), 1, 16)), 'in_transit'
    FROM orders o WHERE o.merchant_id = ${merchant.id}::uuid`.execute(trx);
});
await sql`VACUUM ANALYZE`.execute(db);
log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);

const pick = () => 1 + Math.floor(Math.random() * ORDERS);
const num = (n: number) => `SO-${String(n).padStart(8, '0')}`;
async function trackingOf(n: number): Promise<string> {
  const r = await sql<{ t: string }>`SELECT '1Z' || upper(substr(md5(${num(n)}), 1, 16)) AS t`.execute(db);
  return r.rows[0]?.t ?? '';
}
const KINDS: [string, () => Promise<string>][] = [
  ['order number, exact', async () => num(pick())],
  ['order number, last 6 digits', async () => num(pick()).slice(-6)],
  [
    'email, exact',
    async () => {
      const n = pick();
      return `${FIRST[n % FIRST.length]?.toLowerCase()}.${LAST[Math.floor(n / FIRST.length) % LAST.length]?.toLowerCase()}${n}@example.com`;
    },
  ],
  [
    'phone, formatted',
    async () => {
      const d = String(500000000 + pick());
      return `+48 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
    },
  ],
  ['tracking number, exact', async () => trackingOf(pick())],
  ['full name', async () => `${FIRST[pick() % FIRST.length]} ${LAST[pick() % LAST.length]}`],
  ['surname alone', async () => LAST[pick() % LAST.length] ?? 'Nowak'],
  [
    'name with a typo',
    async () => `${FIRST[pick() % FIRST.length]} ${(LAST[pick() % LAST.length] ?? 'Nowak').slice(0, -1)}x`,
  ],
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const results: { kind: string; p50: number; p99: number; hits: number }[] = [];
for (const [kind, make] of KINDS) {
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < QUERIES + 10; i++) {
    const q = await make();
    const t0 = performance.now();
    const r = await deps.services.search.search(merchant.id, q, 20);
    const ms = performance.now() - t0;
    if (i >= 10) {
      times.push(ms);
      hits += r.data.length;
    }
  }
  results.push({ kind, p50: pct(times, 50), p99: pct(times, 99), hits: hits / QUERIES });
  log(`${kind}: p50 ${pct(times, 50).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms`);
}
await deps.close();
await db.destroy();

const all = results.flatMap((r) => [r.p99]);
const worst = Math.max(...all);
const summary = {
  orders: ORDERS,
  queries: QUERIES,
  results,
  worstP99: worst,
  targetP99: 50,
  cpus: os.cpus().length,
  at: new Date().toISOString(),
};
const md = `| search on ${ORDERS.toLocaleString('en')} orders (${QUERIES} queries each, one at a time) | p50 ms | p99 ms | hits |
| --- | ---: | ---: | ---: |
${results.map((r) => `| ${r.kind} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.hits.toFixed(1)} |`).join('\n')}

Worst p99 **${worst.toFixed(1)} ms** (target ≤ 50 ms: ${(worst / 50).toFixed(2)}× the target). ${os.cpus().length} CPUs, Node ${process.version}; ${summary.at}.
`;
await writeResults('search', summary, md);
