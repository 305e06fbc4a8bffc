// npm run bench: the whole pipeline, end to end, in one run. Real processes as an operator runs them (the api,
// one worker, the sandbox carrier as a carrier of its own), real Postgres and Redis, a real SMTP server and a
// merchant's webhook endpoint in this process.
// 1) The flow: BENCH_SHIPMENTS sandbox parcels (100,000), half of them pushed by the sandbox as they move and
//    all of them polled, registered as orders through the API as fast as it takes them, then followed until
//    every journey has ended and every message has arrived. Events normalized a second; event → email
//    latency (wismo hearing of the event, by push or poll, to the SMTP server accepting the email); what
//    arrived at the sinks, counted there.
// 2) With those orders stored: webhook intake (signed sandbox pushes) and the tracking read at 50 connections,
//    each next to a bare Fastify route given the same requests; search one query at a time next to a bare
//    route; the peak RSS of the api and the worker next to the bare Fastify process.
// Writes bench/results/pipeline.{json,md} and the README's table. Not a test: the machine should be quiet.
import os from 'node:os';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { Agent, request } from 'undici';
import { loadConfig } from '../src/config.js';
import { createDb, createPool } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createDeps } from '../src/deps.js';
import { standardSignature } from '../src/lib/standard-webhooks.js';
import { createLogger } from '../src/logger.js';
import { realInstant } from '../src/sandbox-carrier/clock.js';
import { DEFAULT_SHARES, journeyOf } from '../src/sandbox-carrier/index.js';
import { flowFigures, searchFigures } from './pipeline-measures.js';
import { pipelineReport } from './pipeline-report.js';
import { startSmtpSink, startWebhookSink } from './sinks.js';
import {
  benchEnv,
  clearQueues,
  compareWithBare,
  cpuSeconds,
  DURATION,
  type LoadRequest,
  log,
  machineBusySeconds,
  peakRssMb,
  ROUNDS,
  startProcess,
  writeResults,
} from './support.js';

const SHIPMENTS = Number(process.env.BENCH_SHIPMENTS ?? 100_000);
/** Sandbox time: 5,760 × real time, a sandbox day in 15 s, so a journey of days plays out in a minute. */
const SANDBOX_SPEED = Number(process.env.BENCH_SANDBOX_SPEED ?? 5760);
/** wismo's poll cadence runs this much faster than real time (in transit: every 3 h / 720 = 15 s). */
const POLL_SPEEDUP = Number(process.env.BENCH_POLL_SPEEDUP ?? 720);
const REGISTER_CONCURRENCY = Number(process.env.BENCH_REGISTER_CONCURRENCY ?? 32);
const SEARCH_QUERIES = Number(process.env.BENCH_SEARCH_QUERIES ?? 300);
/** The flow gives up after this long (an unfinished flow is reported as such). */
const FLOW_TIMEOUT_MS = Number(process.env.BENCH_FLOW_TIMEOUT_S ?? 3600) * 1000;
const CHUNK = 1000;
const DB_NAME = 'wismo_bench_pipeline';
const QUEUE_PREFIX = 'wismo-bench-pipeline';
const SANDBOX_KEY = 'bench-sandbox-key';
const LOCALES = ['en-GB', 'pl', 'ru', 'ja-JP', 'ms-MY', 'fr'] as const;
const ZONES = ['Europe/London', 'Europe/Warsaw', 'Europe/Moscow', 'Asia/Tokyo', 'Asia/Kuala_Lumpur'];
const FIRST = ['Anna', 'Piotr', 'Olga', 'Ivan', 'Yuki', 'Haruto', 'Siti', 'Ahmad', 'Emma', 'Liam', 'Ewa'];
const LAST = ['Nowak', 'Kowalska', 'Petrov', 'Tanaka', 'Suzuki', 'Aminah', 'Smith', 'Dupont', 'Lee'];

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => Math.round(ms / 100) / 10;

const smtp = await startSmtpSink();
const hooks = await startWebhookSink();
const sandbox = await startProcess(
  'src/sandbox-carrier/main.ts',
  {
    SANDBOX_SPEED: String(SANDBOX_SPEED),
    SANDBOX_CARRIER_HOST: '127.0.0.1',
    SANDBOX_CARRIER_API_KEYS: SANDBOX_KEY,
    // A carrier's own limits are not what is measured; wismo's per-carrier limits still apply.
    SANDBOX_RATE_LIMIT_PER_SECOND: '0',
    SANDBOX_LOG_LEVEL: 'warn',
  },
  '/health',
  [],
  'SANDBOX_CARRIER_PORT',
);
const sandboxUrl = `http://127.0.0.1:${sandbox.port}`;
const env = {
  ...(await benchEnv(DB_NAME, QUEUE_PREFIX)),
  SANDBOX_CARRIER: 'false',
  SANDBOX_SPEED: String(POLL_SPEEDUP),
  CARRIER_API_URLS: `sandbox=${sandboxUrl}`,
  SMTP_URL: smtp.url,
  MERCHANT_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
};
const config = loadConfig(env);
const redis = new Redis(config.redisUrl);
await clearQueues(redis, QUEUE_PREFIX);
redis.disconnect();

const db = createDb(createPool(config.databaseUrl, 4));
await migrateToLatest(db);
const deps = createDeps(config, createLogger('warn'), { redis: false });
const merchant = await deps.services.merchants.create({ name: 'Bench Store', slug: 'bench' });
const adminKey = (await deps.services.apiKeys.create(merchant.id, ['admin'], 'bench admin')).key;
const readKey = (await deps.services.apiKeys.create(merchant.id, ['tracking:read'], 'bench read')).key;
const agentKey = (await deps.services.apiKeys.create(merchant.id, ['agent'], 'bench agent')).key;
const created = await deps.services.carrierConnections.create({
  merchantId: merchant.id,
  carrier: 'sandbox',
  name: 'Bench sandbox',
  credentials: { apiKey: SANDBOX_KEY },
});
const connection = await deps.services.carrierConnections.get(merchant.id, created.view.id);
const carrierSecret = connection.webhookSecrets[0]?.secret;
if (!carrierSecret) throw new Error('the sandbox connection came without a webhook secret');
await deps.close();

const api = await startProcess('bench/api-server.ts', env, '/readyz');
const worker = await startProcess('src/worker.ts', env, null);
const bare = await startProcess('bench/bare-server.ts', {}, '/bare');
const apiUrl = `http://127.0.0.1:${api.port}`;
const client = new Agent({ connections: REGISTER_CONCURRENCY + 4 });

async function call(
  url: string,
  method: 'GET' | 'POST' | 'PATCH',
  key: string | null,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const res = await request(url, {
    method,
    dispatcher: client,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  return { status: res.statusCode, json: text ? JSON.parse(text) : null };
}

async function expectOk(what: string, answer: Promise<{ status: number; json: unknown }>) {
  const { status, json } = await answer;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(json)}`);
  return json;
}

async function pool<T>(items: readonly T[], concurrency: number, each: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await each(items[next++] as T);
    }),
  );
}

interface Parcel {
  trackingNumber: string;
  pushed: boolean;
}
interface Registered extends Parcel {
  orderNumber: string;
  email: string;
  name: string;
}

const sqlCount = async (query: ReturnType<typeof sql<{ n: string }>>) =>
  Number((await query.execute(db)).rows[0]?.n ?? 0);

try {
  // The merchant's side: the carrier pushes to wismo's intake, wismo to the merchant's endpoint, and every
  // message goes out at once (no quiet hours: the benchmark's shoppers are awake around the clock).
  await expectOk(
    'sandbox subscription',
    call(`${sandboxUrl}/v1/webhooks`, 'POST', SANDBOX_KEY, {
      url: `${apiUrl}/webhooks/sandbox/${connection.id}`,
      secret: carrierSecret,
    }),
  );
  await expectOk(
    'webhook endpoint',
    call(`${apiUrl}/v1/webhook-endpoints`, 'POST', adminKey, { url: hooks.url }),
  );
  await expectOk(
    'notification settings',
    call(`${apiUrl}/v1/settings/notifications`, 'PATCH', adminKey, { quietHours: null }),
  );

  // A production Postgres runs autovacuum, which keeps the planner's statistics current as tables grow from
  // nothing. Where it is off (test machines often turn it off), the planner has no statistics for the new
  // tables and picks plans that cost a second a lookup; the benchmark then does autovacuum's work itself,
  // every 20 s, and says so in its report.
  const autovacuum = String(
    (await sql<{ autovacuum: string }>`SHOW autovacuum`.execute(db)).rows[0]?.autovacuum,
  );
  const analyzer =
    autovacuum === 'on'
      ? null
      : setInterval(() => void sql`VACUUM (ANALYZE)`.execute(db).catch(() => undefined), 20_000);

  // 1) The flow. Labels are made a thousand at a time (half watched for pushes) and registered at once, as a
  // storefront registers its parcels as it ships them.
  log(`registering ${SHIPMENTS.toLocaleString('en')} orders with sandbox parcels …`);
  const flowStart = Date.now();
  const cpuBefore = await cpuSnapshot();
  const registered: Registered[] = [];
  let registerMs = 0;
  let refused = 0;
  let sequence = 0;
  for (let done = 0; done < SHIPMENTS; done += CHUNK) {
    const size = Math.min(CHUNK, SHIPMENTS - done);
    const parcels: Parcel[] = [];
    for (const pushed of [true, false]) {
      const count = pushed ? Math.ceil(size / 2) : Math.floor(size / 2);
      if (count === 0) continue;
      const made = (await expectOk(
        'sandbox parcels',
        call(`${sandboxUrl}/v1/parcels`, 'POST', SANDBOX_KEY, { count, notify: pushed }),
      )) as { parcels: { trackingNumber: string }[] };
      for (const p of made.parcels) parcels.push({ trackingNumber: p.trackingNumber, pushed });
    }
    const started = Date.now();
    await pool(parcels, REGISTER_CONCURRENCY, async (parcel) => {
      const i = sequence++;
      const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
      const order = {
        ...parcel,
        orderNumber: `B-${String(100_000 + i)}`,
        email: `shopper${i}@bench.example`,
        name,
      };
      const { status } = await call(`${apiUrl}/v1/orders`, 'POST', adminKey, {
        orderNumber: order.orderNumber,
        customer: {
          name,
          email: order.email,
          phone: `+4477009${String(i).padStart(5, '0')}`,
          locale: LOCALES[i % LOCALES.length],
          timeZone: ZONES[i % ZONES.length],
        },
        items: [{ sku: 'MUG-01', name: 'Enamel mug', quantity: 1 }],
        shipments: [{ carrier: 'sandbox', trackingNumber: parcel.trackingNumber }],
      });
      if (status === 201) registered.push(order);
      else if (refused++ === 0) log(`  an order was answered ${status}`);
    });
    registerMs += Date.now() - started;
    if ((done / CHUNK) % 10 === 9) log(`  ${registered.length.toLocaleString('en')} registered`);
  }
  const registration = {
    orders: registered.length,
    refused,
    perSecond: registered.length / (registerMs / 1000),
    seconds: seconds(registerMs),
  };
  log(`registered ${registered.length} in ${registration.seconds} s (${refused} refused)`);

  // When the last journey ends, from the numbers alone (a sandbox number is its own record).
  const shares = DEFAULT_SHARES;
  const outcomes: Record<string, number> = {};
  let lastEventAt = 0;
  for (const r of registered) {
    const journey = journeyOf(r.trackingNumber, { shares });
    if (!journey) throw new Error(`${r.trackingNumber} is not a sandbox number`);
    outcomes[journey.outcome] = (outcomes[journey.outcome] ?? 0) + 1;
    const last = journey.events.at(-1);
    if (last) {
      lastEventAt = Math.max(lastEventAt, realInstant(journey.labelTime, last.offsetMinutes, SANDBOX_SPEED));
    }
  }
  log(`the last journey ends ${seconds(lastEventAt - Date.now())} s from now; following the flow …`);

  // Done: every journey over, nothing waiting anywhere, and no new event for 15 s (the slowest poll cadence
  // of a moving parcel here). Until then, a line every 10 s.
  const unsettled = async () => ({
    payloads: await sqlCount(sql`SELECT count(*) AS n FROM raw_payloads WHERE state = 'pending'`),
    outbox: await sqlCount(sql`SELECT count(*) AS n FROM outbox WHERE relayed_at IS NULL`),
    messages: await sqlCount(
      sql`SELECT count(*) AS n FROM notifications WHERE status IN ('pending', 'sending')`,
    ),
    webhooks: await sqlCount(
      sql`SELECT count(*) AS n FROM webhook_deliveries WHERE status IN ('pending', 'sending')`,
    ),
  });
  let quietSince = Date.now();
  let events = -1;
  let flowDrained = false;
  for (let tick = 0; Date.now() - flowStart < FLOW_TIMEOUT_MS; tick++) {
    await pause(1000);
    const now = await sqlCount(sql`SELECT count(*) AS n FROM tracking_events`);
    if (now !== events) quietSince = Date.now();
    events = now;
    const left = await unsettled();
    if (tick % 10 === 0) {
      log(
        `  ${now.toLocaleString('en')} events, ${smtp.arrivals.length} emails, waiting: ${JSON.stringify(left)}`,
      );
    }
    const idle = Object.values(left).every((n) => n === 0);
    if (idle && Date.now() > lastEventAt && Date.now() - quietSince > 15_000) {
      flowDrained = true;
      break;
    }
  }
  const flowMs = Date.now() - flowStart;
  if (analyzer) clearInterval(analyzer);
  const cpuAfter = await cpuSnapshot();
  const cpu = Object.fromEntries(
    Object.entries(cpuAfter).map(([k, v]) => [
      k,
      Math.round(v - (cpuBefore[k as keyof typeof cpuBefore] ?? 0)),
    ]),
  ) as Record<keyof typeof cpuAfter, number>;

  const flow = await flowFigures(db, smtp, hooks);
  log(
    `flow: ${flow.events} events in ${flow.eventSeconds} s (${flow.eventsPerSecond.toFixed(0)}/s, peak ${flow.peakEventsPerSecond}/s), event → email p50 ${flow.emailLatency.p50Ms} ms, p99 ${flow.emailLatency.p99Ms} ms`,
  );

  // 2) At rest with the flow's orders stored: intake, tracking read and search, each next to a bare route.
  const parcelDocuments = await documentsOf(registered.slice(0, 2000).map((r) => r.trackingNumber));
  let webhookSequence = 0;
  const push = (): LoadRequest => {
    const body = parcelDocuments[webhookSequence % parcelDocuments.length] as string;
    webhookSequence++;
    const id = `msg_bench_${webhookSequence}`;
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      method: 'POST',
      path: `/webhooks/sandbox/${connection.id}`,
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': standardSignature(carrierSecret, id, timestamp, Buffer.from(body)),
      },
      body,
    };
  };
  const randomNumber = () =>
    (registered[Math.floor(Math.random() * registered.length)] as Registered).trackingNumber;
  const read = (): LoadRequest => ({
    path: `/v1/tracking/${randomNumber()}`,
    headers: { authorization: `Bearer ${readKey}` },
  });
  const urls = { wismo: apiUrl, bare: `http://127.0.0.1:${bare.port}` };
  const intake = await compareWithBare('webhook intake', urls, push, (r) => ({ ...r, path: '/bare' }));
  // The worker normalizes what the intake rounds stored: reads are measured once it is idle again.
  for (let settled = false; !settled; ) {
    await pause(1000);
    settled = Object.values(await unsettled()).every((n) => n === 0);
  }
  const tracking = await compareWithBare('tracking read', urls, read, (r) => ({ ...r, path: '/bare' }));
  const search = await searchFigures(
    registered,
    SEARCH_QUERIES,
    async (path, key) => (await call(`${apiUrl}${path}`, 'GET', key)).status,
    { agent: agentKey, read: readKey },
  );
  const rss = {
    apiMb: await peakRssMb(api.pid),
    workerMb: await peakRssMb(worker.pid),
    bareMb: await peakRssMb(bare.pid),
    sandboxMb: await peakRssMb(sandbox.pid),
  };

  const summary = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    shipments: SHIPMENTS,
    sandboxSpeed: SANDBOX_SPEED,
    pollSpeedup: POLL_SPEEDUP,
    autovacuum,
    registration,
    outcomes,
    flow: { ...flow, drained: flowDrained, seconds: seconds(flowMs), cpuSeconds: cpu },
    intake,
    tracking,
    search,
    rss,
    settings: { connections: Number(process.env.BENCH_CONNECTIONS ?? 50), rounds: ROUNDS, seconds: DURATION },
  };
  await writeResults('pipeline', summary, pipelineReport(summary));
} finally {
  await Promise.allSettled([api.stop(), worker.stop(), bare.stop(), sandbox.stop()]);
  await client.close();
  await smtp.close();
  await hooks.close();
  await db.destroy();
}

/** CPU seconds so far of each process, this one (sinks, client) and the whole machine (with Postgres, Redis). */
async function cpuSnapshot() {
  const own = process.cpuUsage();
  return {
    api: (await cpuSeconds(api.pid)) ?? 0,
    worker: (await cpuSeconds(worker.pid)) ?? 0,
    sandbox: (await cpuSeconds(sandbox.pid)) ?? 0,
    benchmark: (own.user + own.system) / 1e6,
    machine: (await machineBusySeconds()) ?? 0,
  };
}

/** The sandbox's current documents for some numbers, as the bodies of its pushes. */
async function documentsOf(numbers: readonly string[]): Promise<string[]> {
  const bodies: string[] = [];
  for (let i = 0; i < numbers.length; i += 100) {
    const answer = (await expectOk(
      'sandbox tracking',
      call(`${sandboxUrl}/v1/tracking`, 'POST', SANDBOX_KEY, { trackingNumbers: numbers.slice(i, i + 100) }),
    )) as { results: unknown[] };
    for (const doc of answer.results) bodies.push(JSON.stringify({ type: 'tracking.updated', data: doc }));
  }
  return bodies;
}
