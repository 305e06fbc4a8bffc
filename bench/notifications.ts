// npm run bench:notifications (the fourth part of npm run bench): shopper messages and merchant webhooks.
// A real worker process (src/worker.ts) relays outbox rows and sends; a real SMTP server (smtp-server) and a
// local HTTP receiver in this process take what it sends.
// 1) Throughput: BENCH_NOTIFY_MESSAGES outbox events committed at once; messages per second from the first
//    commit to the last message accepted, for email (SMTP sink) and for signed webhooks (local receiver),
//    each next to the floor of a plain client sending the same number straight to the same sink.
// 2) Latency at BENCH_NOTIFY_RATE events a second for BENCH_NOTIFY_SECONDS: each event a transaction of its
//    own (as a normalization commits a status change), from that commit (the outbox row's timestamp) to the
//    email accepted by the sink; p50 and p99.
// Writes bench/results/notifications.{json,md}. Not a test: the machine should be quiet.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { request } from 'undici';
import { loadConfig } from '../src/config.js';
import { createDb, createPool } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createDeps } from '../src/deps.js';
import { createLogger } from '../src/logger.js';
import { seed } from './seed.js';
import { benchEnv, clearQueues, log, median, startProcess, writeResults } from './support.js';

const MESSAGES = Number(process.env.BENCH_NOTIFY_MESSAGES ?? 5000);
const RATE = Number(process.env.BENCH_NOTIFY_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_NOTIFY_SECONDS ?? 20);
const DB_NAME = 'wismo_bench_notifications';
const QUEUE_PREFIX = 'wismo-bench-notifications';

// The sink: accepts every message, notes when (by the Message-ID, which is the notification's id).
const accepted = new Map<string, number>();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (c: Buffer) => {
      if (head.length < 4096) head += c.toString('latin1');
    });
    stream.on('end', () => {
      const id = /^Message-ID:\s*<([^@>]+)@/im.exec(head)?.[1] ?? `unknown-${accepted.size}`;
      accepted.set(id, Date.now());
      callback(null, 'OK');
    });
  },
});
await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

// The merchant's endpoint: counts deliveries (signatures are checked by the tests, not here).
let hooks = 0;
let lastHookAt = 0;
const receiver = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    hooks++;
    lastHookAt = Date.now();
    res.writeHead(204).end();
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

const env = {
  ...(await benchEnv(DB_NAME, QUEUE_PREFIX)),
  SMTP_URL: smtpUrl,
  MERCHANT_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
  POLL_SCHEDULER: 'false',
};
const config = loadConfig(env);
const redis = new Redis(config.redisUrl);
await clearQueues(redis, QUEUE_PREFIX);

// One parcel per event: the email phase, the webhook phase, the latency phase.
const orders = 2 * MESSAGES + RATE * SECONDS;
log(`seeding ${orders.toLocaleString('en')} orders into ${DB_NAME} …`);
const db = createDb(createPool(config.databaseUrl, 8));
await migrateToLatest(db);
const deps = createDeps(config, createLogger('warn'));
const merchant = await deps.services.merchants.create({ name: 'Bench Store', slug: 'bench' });
await seed(db, merchant.id, orders, 2);
// Parcels A are out for delivery: the events below announce it, and a message about it is not stale.
await sql`UPDATE shipments SET status = 'out_for_delivery' WHERE tracking_number LIKE 'BENCH%A'`.execute(db);
await deps.services.notifications.updateSettings(merchant.id, {
  quietHours: null,
  milestones: { out_for_delivery: { email: true, sms: false } },
});
const parcels = (
  await sql<{ id: string; order_id: string }>`
    SELECT id, order_id FROM shipments WHERE tracking_number LIKE 'BENCH%A' ORDER BY tracking_number`.execute(
    db,
  )
).rows;

let next = 0;
function events(n: number) {
  const part = parcels.slice(next, next + n);
  next += n;
  return part.map((p) => ({
    merchant_id: merchant.id,
    topic: 'shipment.status_changed',
    dedupe_key: `bench:${p.id}:ofd`,
    payload: JSON.stringify({
      shipmentId: p.id,
      orderId: p.order_id,
      status: 'out_for_delivery',
      previousStatus: 'in_transit',
    }),
  }));
}

const worker = await startProcess('src/worker.ts', env, null);
process.on('exit', () => void worker.stop());
// The floor: a plain pooled nodemailer client (the pool size wismo uses) sending MESSAGES to the same sink.
async function smtpFloor(): Promise<number> {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: config.notifications.email.maxConnections,
  });
  const started = Date.now();
  let i = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (i < MESSAGES) {
        i++;
        await transport.sendMail({
          from: 'a@bench.example',
          to: 'b@bench.example',
          subject: 'floor',
          text: 'x',
          html: '<p>x</p>',
        });
      }
    }),
  );
  transport.close();
  return MESSAGES / ((Date.now() - started) / 1000);
}
// The floor for webhooks: plain undici POSTs of the same size, MERCHANT_WEBHOOK_CONCURRENCY at once.
async function hookFloor(): Promise<number> {
  const body = JSON.stringify({ id: 'x', type: 'shipment.status_changed', data: { pad: 'x'.repeat(300) } });
  const started = Date.now();
  let i = 0;
  await Promise.all(
    Array.from({ length: config.merchantWebhooks.concurrency }, async () => {
      while (i < MESSAGES) {
        i++;
        const r = await request(hookUrl, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
        });
        await r.body.dump();
      }
    }),
  );
  return MESSAGES / ((Date.now() - started) / 1000);
}

async function until(probe: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

log('throughput: email …');
accepted.clear();
const emailFloor = await smtpFloor();
accepted.clear();
let started = Date.now();
await db.insertInto('outbox').values(events(MESSAGES)).execute();
await until(() => accepted.size >= MESSAGES, 600_000);
const emailRate = MESSAGES / ((Math.max(...accepted.values()) - started) / 1000);

log('throughput: merchant webhooks …');
await deps.services.notifications.updateSettings(merchant.id, {
  milestones: { out_for_delivery: { email: false } },
});
const webhookFloor = await hookFloor();
hooks = 0;
await deps.services.webhookEndpoints.create(merchant.id, { url: hookUrl });
started = Date.now();
await db.insertInto('outbox').values(events(MESSAGES)).execute();
await until(() => hooks >= MESSAGES, 600_000);
const webhookRate = MESSAGES / ((lastHookAt - started) / 1000);

log(`latency: ${RATE} events/s for ${SECONDS} s …`);
await deps.services.notifications.updateSettings(merchant.id, {
  milestones: { out_for_delivery: { email: true } },
});
accepted.clear();
const committed = new Map<string, number>();
const t0 = Date.now();
for (let s = 0; s < SECONDS * 10; s++) {
  // A tenth of a second's events, each committed on its own, spread over that tenth.
  const batch = events(RATE / 10);
  await Promise.all(
    batch.map(async (e, k) => {
      await new Promise((r) => setTimeout(r, (k * 100) / batch.length));
      await db.insertInto('outbox').values(e).execute();
      committed.set(JSON.parse(e.payload).shipmentId, Date.now());
    }),
  );
  const wait = t0 + (s + 1) * 100 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
const offered = (RATE * SECONDS) / ((Date.now() - t0) / 1000);
await until(() => accepted.size >= RATE * SECONDS, 120_000);
// Message-IDs are notification ids; map them to their shipments, and their commit times.
const ids = [...accepted.keys()];
const rows = await db
  .selectFrom('notifications')
  .select(['id', 'shipment_id'])
  .where('id', 'in', ids)
  .execute();
const latencies = rows
  .map((r) => (accepted.get(r.id) ?? 0) - (committed.get(r.shipment_id ?? '') ?? 0))
  .sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
const p50 = median(latencies);
const p99 = pct(99);

await worker.stop();
await deps.close();
await db.destroy();
redis.disconnect();
smtp.close();
receiver.close();

const summary = {
  messages: MESSAGES,
  email: { perSecond: emailRate, floorPerSecond: emailFloor, ratio: emailRate / emailFloor },
  webhooks: { perSecond: webhookRate, floorPerSecond: webhookFloor, ratio: webhookRate / webhookFloor },
  latency: { rate: RATE, offered, seconds: SECONDS, count: latencies.length, p50, p99, targetP99: 1000 },
  cpus: os.cpus().length,
  node: process.version,
  at: new Date().toISOString(),
};
const md = `| sending (1 worker process; ${MESSAGES.toLocaleString('en')} events committed at once) | per second | plain client, same sink | ratio |
| --- | ---: | ---: | ---: |
| email to a local SMTP server (pool of ${config.notifications.email.maxConnections}) | ${emailRate.toFixed(0)} | ${emailFloor.toFixed(0)} | **${(emailRate / emailFloor).toFixed(2)}** |
| signed webhooks to a local receiver | ${webhookRate.toFixed(0)} | ${webhookFloor.toFixed(0)} | **${(webhookRate / webhookFloor).toFixed(2)}** |

At ${RATE} events a second for ${SECONDS} s (offered ${offered.toFixed(0)}/s, each its own transaction), from the commit of the status change to the email accepted by the SMTP server: p50 **${p50.toFixed(0)} ms**, p99 **${p99.toFixed(0)} ms** (target p99 ≤ 1,000 ms), ${latencies.length.toLocaleString('en')} messages.

${os.cpus().length} CPUs, Node ${process.version}; ${summary.at}.
`;
await writeResults('notifications', summary, md);
