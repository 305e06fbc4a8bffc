import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { sandboxTrackingNumber } from '../src/carriers/sandbox/format.js';
import { RawPayloadsRepository } from '../src/intake/raw-payloads.repository.js';
import { QUEUES } from '../src/queue/queues.js';
import { type RunningWorkers, startWorkers } from '../src/queue/workers.js';
import { createMerchant, createTestApp, orderNumber, type TestApp } from './helpers/context.js';
import { type Started, startProcess } from './helpers/processes.js';
import { TcpProxy } from './helpers/tcp-proxy.js';
import { createConnection, post, standardHeaders, waitProcessed } from './helpers/webhooks.js';

// What the intake promises when something behind it fails: nothing is acknowledged before it is durable,
// and nothing acknowledged is lost. Postgres and Redis are made to disappear for one app through a TCP proxy
// (the shared servers stay up for the other tests); the worker is a real process, killed mid-job.

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn().catch(() => undefined);
});

/** The normalize queue under a prefix, to look at its jobs (closed after the test). */
function normalizeQueueOf(prefix: string): Queue {
  const queue = new Queue(QUEUES.normalize, { connection: { url: inject('redisUrl') }, prefix });
  cleanup.push(() => queue.close());
  return queue;
}

/** A queue prefix of this test alone (under the run's, so the run's teardown removes it). */
const ownPrefix = () => `${inject('queuePrefix')}-${randomBytes(3).toString('hex')}`;

async function sandboxSetup(t: TestApp, code: number) {
  const m = await createMerchant(t.deps);
  const number = sandboxTrackingNumber(code);
  const { order } = await t.deps.services.orders.upsert(m.id, {
    orderNumber: orderNumber(),
    shipments: [{ carrier: 'sandbox', trackingNumber: number }],
  });
  const { connection, view } = await createConnection(t.deps, m.id, 'sandbox');
  const secret = view.newSecret?.secret as string;
  const delivery = (id: string, eventCode = 'PU') => {
    const body = JSON.stringify({
      type: 'tracking.updated',
      data: {
        trackingNumber: number,
        events: [{ code: eventCode, description: 'Picked up', occurredAt: '2026-11-20T10:00:00Z' }],
      },
    });
    return { url: `/webhooks/sandbox/${connection.id}`, body, headers: standardHeaders(secret, body, id) };
  };
  return { merchant: m, number, order, connection, delivery };
}

async function rows(t: TestApp, connectionId: string) {
  return t.deps.db
    .selectFrom('raw_payloads')
    .select(['id', 'state', 'attempts', 'dedupe_key', 'normalize_job'])
    .where('connection_id', '=', connectionId)
    .orderBy('id')
    .execute();
}

async function shipmentStatus(t: TestApp, merchantId: string, number: string) {
  const s = await t.deps.db
    .selectFrom('shipments')
    .select('status')
    .where('merchant_id', '=', merchantId)
    .where('tracking_number', '=', number)
    .executeTakeFirstOrThrow();
  return s.status;
}

describe('webhook intake when Postgres is down', () => {
  it('answers 503 with Retry-After, writes nothing, and stores the retried delivery once', async () => {
    const proxy = new TcpProxy('127.0.0.1', Number(new URL(inject('databaseUrl')).port || 5432));
    await proxy.start();
    cleanup.push(() => proxy.stop());
    // The app under test reaches Postgres only through the proxy; the test reads through its own pool.
    const direct = await createTestApp();
    cleanup.push(() => direct.close());
    const t = await createTestApp({ DATABASE_URL: proxy.url(inject('databaseUrl')) });
    cleanup.push(() => t.close());
    const s = await sandboxSetup(direct, 7001);

    // The connection is cached by the first delivery, so the outage hits the write, not the lookup.
    const warm = s.delivery('msg_warm', 'LC');
    expect((await post(t.app, warm.url, warm.body, warm.headers)).statusCode).toBe(200);

    await proxy.stop();
    const d = s.delivery('msg_outage');
    const res = await post(t.app, d.url, d.body, d.headers);
    expect(res.statusCode, res.body).toBe(503);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).not.toMatch(/ECONNREFUSED|Connection terminated|stack/i);
    // An unknown connection cannot be looked up either: 503, not a 404 the sender would give up on.
    const unknown = await post(t.app, `/webhooks/sandbox/${randomUUIDv4()}`, d.body, d.headers);
    expect(unknown.statusCode).toBe(503);
    expect((await rows(direct, s.connection.id)).map((r) => r.dedupe_key)).toEqual(['event:msg_warm']);

    // The sender retries the same delivery once Postgres is back: stored once, answered 200.
    await proxy.start();
    const retried = await post(t.app, d.url, d.body, d.headers);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json().duplicate).toBe(false);
    expect((await rows(direct, s.connection.id)).map((r) => r.dedupe_key)).toEqual([
      'event:msg_warm',
      'event:msg_outage',
    ]);
  });
});

describe('webhook intake when Redis is down', () => {
  it('still answers 200, and the sweeper hands the payload to the workers once Redis is back', async () => {
    const proxy = new TcpProxy('127.0.0.1', Number(new URL(inject('redisUrl')).port || 6379));
    await proxy.start();
    cleanup.push(() => proxy.stop());
    const prefix = ownPrefix();
    const overrides = {
      REDIS_URL: proxy.url(inject('redisUrl')),
      QUEUE_PREFIX: prefix,
      SWEEP_AFTER_MS: '1000',
      SWEEP_INTERVAL_MS: '1000',
    };
    const t = await createTestApp(overrides);
    cleanup.push(() => t.close());
    const s = await sandboxSetup(t, 7002);

    await proxy.stop();
    const d = s.delivery('msg_no_redis');
    const res = await post(t.app, d.url, d.body, d.headers);
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await rows(t, s.connection.id);
    expect(row?.state).toBe('pending');

    // Redis comes back; the worker's sweeper finds the payload still pending and enqueues it.
    await proxy.start();
    const workers: RunningWorkers = await startWorkers(t.deps);
    cleanup.push(() => workers.close());
    const [done] = await waitProcessed(t.deps, s.connection.id, 1, 20_000);
    expect(done?.state).toBe('processed');
    expect(await shipmentStatus(t, s.merchant.id, s.number)).toBe('in_transit');
    const queue = normalizeQueueOf(prefix);
    // The job that carried it was queued by the sweeper (the intake never reached Redis).
    const jobs = await queue.getJobs(['completed', 'active', 'waiting']);
    expect(jobs.some((j) => (j.data.payloadIds as number[]).includes(row?.id as number))).toBe(true);
  });
});

describe('the sweeper', () => {
  it('leaves a payload whose job is waiting alone, and queues again one whose job was lost', async () => {
    const prefix = ownPrefix();
    // No workers on this prefix: jobs stay where the intake put them.
    const t = await createTestApp({ QUEUE_PREFIX: prefix });
    cleanup.push(() => t.close());
    const s = await sandboxSetup(t, 7004);
    const d = s.delivery('msg_backlog');
    expect((await post(t.app, d.url, d.body, d.headers)).statusCode).toBe(200);
    const [row] = await rows(t, s.connection.id);
    const key = row?.normalize_job as string;
    const queue = normalizeQueueOf(prefix);
    const job = await queue.getJob(key);
    expect(job?.data.payloadIds).toEqual([row?.id]);

    // The sweep covers every pending payload of the database (other tests' too), so only this payload's
    // jobs are looked at. Waiting behind a backlog is not stranded: it is not queued twice.
    const jobsOf = async (id: number) =>
      (await queue.getJobs(['waiting'])).filter((j) => (j.data.payloadIds as number[]).includes(id));
    await t.deps.services.rawPayloads.sweep(0);
    expect((await jobsOf(row?.id as number)).map((j) => j.id)).toEqual([key]);

    // The job is lost (a Redis failover without persistence): the sweep queues it again, same id.
    await job?.remove();
    expect(await jobsOf(row?.id as number)).toEqual([]);
    const second = await t.deps.services.rawPayloads.sweep(0);
    expect(second.swept).toBeGreaterThanOrEqual(1);
    expect((await jobsOf(row?.id as number)).map((j) => j.id)).toEqual([key]);
  });
});

describe('the sweeper, job by job', () => {
  it('takes a job whole, however the oldest payloads cut it', async () => {
    const t = await createTestApp({ QUEUE_PREFIX: ownPrefix() });
    cleanup.push(() => t.close());
    const s = await sandboxSetup(t, 7005);
    const ids: number[] = [];
    for (const [i, key] of ['j-whole', 'j-whole', 'j-whole'].entries()) {
      const row = await t.deps.db
        .insertInto('raw_payloads')
        .values({
          merchant_id: s.merchant.id,
          carrier_code: 'sandbox',
          source: 'push',
          body: Buffer.from('{}'),
          dedupe_key: `whole-${Math.random()}`,
          normalize_job: `${key}-${s.connection.id}`,
          // Older than anything else in the database: the oldest pending payload of all is this job's first.
          received_at: new Date(Date.UTC(2000, 0, 1, 0, 0, i)),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    // The oldest payload of all is enough to bring its whole job back.
    const found = await new RawPayloadsRepository(t.deps.db).stranded(0, 1);
    expect(found.filter((f) => f.jobKey === `j-whole-${s.connection.id}`).map((f) => f.id)).toEqual(ids);
    await t.deps.db.deleteFrom('raw_payloads').where('id', 'in', ids).execute();
  });

  it('gives a payload left pending by a finished job a job of its own', async () => {
    const prefix = ownPrefix();
    const t = await createTestApp({ QUEUE_PREFIX: prefix });
    cleanup.push(() => t.close());
    const s = await sandboxSetup(t, 7006);
    const d = s.delivery('msg_left_behind');
    expect((await post(t.app, d.url, d.body, d.headers)).statusCode).toBe(200);
    const [row] = await rows(t, s.connection.id);
    const key = row?.normalize_job;
    const queue = normalizeQueueOf(prefix);
    // Its job finishes in Redis (a worker that completes it without normalizing), the payload still pending.
    const done = new Promise<void>((resolve) => {
      const worker = new Worker(QUEUES.normalize, async () => 'done', {
        connection: { url: inject('redisUrl') },
        prefix,
      });
      worker.on('completed', () => {
        void worker.close().then(resolve);
      });
    });
    await done;
    expect(await queue.getJobState(key as string)).toBe('completed');

    await t.deps.services.rawPayloads.sweep(0);
    const rekeyed = (await rows(t, s.connection.id))[0]?.normalize_job;
    expect(rekeyed).not.toBe(key);
    expect((await queue.getJob(rekeyed as string))?.data.payloadIds).toEqual([row?.id]);
  });
});

describe('a worker killed between commit and processing', () => {
  it('leaves the payload pending and whole; a restarted worker processes it', async () => {
    const prefix = ownPrefix();
    const env = {
      DATABASE_URL: inject('databaseUrl'),
      QUEUE_PREFIX: prefix,
      JOB_LOCK_MS: '2000',
      SWEEP_AFTER_MS: '1000',
      SWEEP_INTERVAL_MS: '1000',
      LOG_LEVEL: 'info',
    };
    const t = await createTestApp({ QUEUE_PREFIX: prefix });
    cleanup.push(() => t.close());
    const s = await sandboxSetup(t, 7003);

    // Hold the order's row lock, so the worker's normalize transaction waits mid-job.
    const blocker = new pg.Client({ connectionString: inject('databaseUrl') });
    await blocker.connect();
    cleanup.push(() => blocker.end());
    await blocker.query('BEGIN');
    const locked = await blocker.query('SELECT id FROM orders WHERE id = $1 FOR UPDATE', [s.order.id]);
    expect(locked.rowCount).toBe(1);

    const first: Started = startProcess('src/worker.ts', env);
    cleanup.push(async () => first.child.kill('SIGKILL'));
    await first.waitFor('workers started');
    const d = s.delivery('msg_killed');
    expect((await post(t.app, d.url, d.body, d.headers)).statusCode).toBe(200);

    // The worker has claimed the payload (one attempt counted) and is stuck on the lock: kill it there.
    const until = Date.now() + 15_000;
    while ((await rows(t, s.connection.id))[0]?.attempts !== 1) {
      if (Date.now() > until) throw new Error(`the worker never took the job:\n${first.output().stdout}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    await blocker.query('ROLLBACK');
    const [left] = await rows(t, s.connection.id);
    expect(left?.state).toBe('pending');
    expect(await shipmentStatus(t, s.merchant.id, s.number)).toBe('pending');

    const second = startProcess('src/worker.ts', env);
    cleanup.push(async () => {
      second.child.kill('SIGTERM');
      await second.exited;
    });
    const [done] = await waitProcessed(t.deps, s.connection.id, 1, 30_000);
    expect(done?.state).toBe('processed');
    expect(await shipmentStatus(t, s.merchant.id, s.number)).toBe('in_transit');
    const events = await t.deps.db
      .selectFrom('tracking_events')
      .select('id')
      .where('raw_payload_id', '=', done?.id as number)
      .execute();
    expect(events).toHaveLength(1);
  });
});

function randomUUIDv4(): string {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
