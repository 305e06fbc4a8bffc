import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueStatsReader } from '../src/http/metrics.routes.js';
import { pollQueueName, QUEUES } from '../src/queue/queues.js';
import { type RunningWorkers, startWorkers } from '../src/queue/workers.js';
import {
  bearer,
  createMerchant,
  createTestApp,
  orderNumber,
  type TestApp,
  type TestMerchant,
} from './helpers/context.js';
import { FakeCarrier } from './helpers/fake-carrier.js';
import { type Isolated, isolatedDatabase } from './helpers/isolated-database.js';
import { type Receiver, startReceiver } from './helpers/notifications.js';
import { sandboxAnswer, seedShipments, waitFor } from './helpers/polling.js';
import { startProcess } from './helpers/processes.js';
import { type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';
import { TcpProxy } from './helpers/tcp-proxy.js';

// /metrics as Prometheus scrapes it: HTTP durations by route pattern, queue depths and finished totals read
// from Redis at scrape time (and a scrape that survives Redis going away), carrier request latency, shopper
// message and merchant webhook outcomes, job outcomes, and a worker process's own /metrics listener.
// A database and queue prefix of this file's own: the depths counted here are only this file's jobs.

let iso: Isolated;
let t: TestApp;
let m: TestMerchant;
let fake: FakeCarrier;
let sink: SmtpSink;
let receiver: Receiver;
let redis: Redis;
let workers: RunningWorkers | undefined;

beforeAll(async () => {
  iso = await isolatedDatabase();
  fake = await new FakeCarrier().start();
  sink = await startSmtpSink();
  receiver = await startReceiver();
  t = await createTestApp({
    ...iso.env,
    CARRIER_API_URLS: `sandbox=${fake.url}`,
    OUTBOX_RELAY: 'true',
    RELAY_TICK: '50ms',
    SMTP_URL: sink.url,
    MERCHANT_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
  });
  m = await createMerchant(t.deps, 'Metrics Store');
  redis = new Redis(t.deps.config.redisUrl, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await workers?.close();
  await t?.close();
  redis?.disconnect();
  await fake?.close();
  await sink?.close();
  await receiver?.close();
  await iso?.drop();
});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition. */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const l of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[l[1] as string] = l[2] as string;
    }
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the one sample of `name` with (at least) these labels, or undefined. */
function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    ?.value;
}

async function scrape(app = t.app): Promise<{ text: string; samples: Sample[] }> {
  const res = await app.inject({ url: '/metrics' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  return { text: res.body, samples: parse(res.body) };
}

describe('/metrics', () => {
  it('times requests by route pattern and status, never by the raw URL', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: bearer(m.keys.write),
      payload: { orderNumber: orderNumber('M') },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({ url: `/v1/orders/${id}`, headers: bearer(m.keys.read) });
      expect(res.statusCode).toBe(200);
    }
    expect((await t.app.inject({ url: `/v1/orders/${id}` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/no/such/path/${id}` })).statusCode).toBe(404);

    const { text, samples } = await scrape();
    const name = 'wismo_http_request_duration_seconds_count';
    const byRoute = { method: 'GET', route: '/v1/orders/:orderId' };
    expect(value(samples, name, { ...byRoute, status_code: '200' })).toBe(3);
    expect(value(samples, name, { ...byRoute, status_code: '401' })).toBe(1);
    expect(value(samples, name, { method: 'POST', route: '/v1/orders', status_code: '201' })).toBe(1);
    expect(value(samples, name, { route: 'unmatched', status_code: '404' })).toBe(1);
    expect(
      value(samples, 'wismo_http_request_duration_seconds_bucket', {
        ...byRoute,
        status_code: '200',
        le: '+Inf',
      }),
    ).toBe(3);
    // Neither the order's id nor the unmatched path makes a label.
    expect(text).not.toContain(id);
    expect(text).not.toContain('/no/such/path');
    // The process's own figures come along.
    expect(value(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('reads queue depths from Redis at scrape time', async () => {
    const prefix = t.deps.config.queuePrefix;
    const normalize = new Queue(QUEUES.normalize, { connection: redis, prefix });
    const poll = new Queue(pollQueueName('sandbox'), { connection: redis, prefix });
    try {
      await normalize.addBulk([1, 2, 3].map((n) => ({ name: 'normalize', data: { payloadIds: [n] } })));
      await normalize.add('normalize', { payloadIds: [4] }, { delay: 3_600_000 });
      await poll.add('poll', {
        claim: 'c',
        merchantId: m.id,
        connectionId: 'x',
        carrier: 'sandbox',
        items: [],
      });

      const { samples } = await scrape();
      const depth = (queue: string, state: string) => value(samples, 'wismo_queue_depth', { queue, state });
      expect(depth('normalize', 'waiting')).toBe(3);
      expect(depth('normalize', 'delayed')).toBe(1);
      expect(depth('normalize', 'active')).toBe(0);
      expect(depth('poll-sandbox', 'waiting')).toBe(1);
      expect(depth('notifications', 'waiting')).toBe(0);
      // Every poll queue is listed, whether or not it ever had a job.
      expect(depth('poll-ups', 'failed')).toBe(0);
      expect(value(samples, 'wismo_queue_stats_up')).toBe(1);

      await normalize.drain(true);
      expect(
        value((await scrape()).samples, 'wismo_queue_depth', { queue: 'normalize', state: 'waiting' }),
      ).toBe(0);
    } finally {
      await normalize.obliterate({ force: true });
      await poll.obliterate({ force: true });
      await normalize.close();
      await poll.close();
    }
  });

  it('times carrier requests per carrier and outcome', async () => {
    await t.deps.services.carrierConnections.create({
      merchantId: m.id,
      carrier: 'sandbox',
      credentials: { apiKey: 'k' },
    });
    const [ok, down] = await seedShipments(t, m, 2);
    const refresh = (id: string) =>
      t.app.inject({ method: 'POST', url: `/v1/shipments/${id}/refresh`, headers: bearer(m.keys.agent) });
    fake.answer = (a) => sandboxAnswer(a);
    expect((await refresh(ok?.id as string)).statusCode).toBe(200);
    fake.answer = () => ({ status: 502, body: 'bad gateway' });
    expect((await refresh(down?.id as string)).statusCode).toBe(502);

    const { text, samples } = await scrape();
    const name = 'wismo_carrier_request_duration_seconds_count';
    expect(value(samples, name, { carrier: 'sandbox', outcome: 'answered' })).toBe(1);
    expect(value(samples, name, { carrier: 'sandbox', outcome: 'unavailable' })).toBe(1);
    expect(
      value(samples, 'wismo_carrier_request_duration_seconds_sum', { outcome: 'answered' }),
    ).toBeGreaterThan(0);
    expect(value(samples, 'wismo_carrier_polls_total', { carrier: 'sandbox', outcome: 'unavailable' })).toBe(
      1,
    );
    expect(text).not.toContain(ok?.trackingNumber);
  });

  it('counts shopper messages, merchant webhook deliveries and job outcomes', async () => {
    workers = await startWorkers(t.deps);
    const endpoint = await t.app.inject({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      headers: bearer(m.keys.admin),
      payload: { url: receiver.url },
    });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    receiver.secret = endpoint.json().secret;
    const order = await t.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: bearer(m.keys.write),
      payload: { orderNumber: orderNumber('M'), customer: { name: 'Ola', email: 'ola@example.com' } },
    });
    expect(order.statusCode, order.body).toBe(201);
    const confirmed = await t.app.inject({
      method: 'POST',
      url: `/v1/orders/${order.json().id}/milestones`,
      headers: bearer(m.keys.write),
      payload: { milestone: 'confirmed' },
    });
    expect(confirmed.statusCode, confirmed.body).toBeLessThan(300);

    const { samples } = await waitFor(async () => {
      const s = await scrape();
      const sent = value(s.samples, 'wismo_notifications_total', { channel: 'email', outcome: 'sent' });
      const delivered = value(s.samples, 'wismo_merchant_webhook_deliveries_total', { outcome: 'delivered' });
      // A job completes a moment after its last message went out.
      const jobs = [QUEUES.notifications, QUEUES.merchantWebhooks].map(
        (queue) => value(s.samples, 'wismo_worker_jobs_total', { queue, outcome: 'completed' }) ?? 0,
      );
      return (sent ?? 0) >= 1 && (delivered ?? 0) >= 1 && jobs.every((n) => n >= 1) && s;
    });
    expect(sink.messages.some((msg) => msg.to.includes('ola@example.com'))).toBe(true);
    expect(receiver.received.length).toBeGreaterThanOrEqual(1);
    // The jobs that sent them, counted by this process's workers and by BullMQ in Redis.
    for (const queue of [QUEUES.notifications, QUEUES.merchantWebhooks]) {
      expect(
        value(samples, 'wismo_worker_jobs_total', { queue, outcome: 'completed' }),
      ).toBeGreaterThanOrEqual(1);
      const finished = await waitFor(async () => {
        const n = value((await scrape()).samples, 'wismo_queue_jobs_finished_total', {
          queue,
          outcome: 'completed',
        });
        return (n ?? 0) >= 1 && n;
      });
      expect(finished).toBeGreaterThanOrEqual(1);
    }
  });

  it('tells a failed attempt that will be retried from a job that failed for good', async () => {
    const queue = new Queue(QUEUES.maintenance, { connection: redis, prefix: t.deps.config.queuePrefix });
    try {
      // The maintenance worker refuses job names it does not know.
      await queue.add('no-such-task', {}, { attempts: 1 });
      await queue.add('no-such-task', {}, { attempts: 2, backoff: { type: 'fixed', delay: 3_600_000 } });
      const samples = await waitFor(async () => {
        const s = (await scrape()).samples;
        const labels = (outcome: string) => ({ queue: QUEUES.maintenance, outcome });
        return (
          (value(s, 'wismo_worker_jobs_total', labels('failed')) ?? 0) >= 1 &&
          (value(s, 'wismo_worker_jobs_total', labels('retried')) ?? 0) >= 1 &&
          s
        );
      });
      // BullMQ counts only the failure that was final.
      expect(
        value(samples, 'wismo_queue_jobs_finished_total', { queue: QUEUES.maintenance, outcome: 'failed' }),
      ).toBe(1);
    } finally {
      await queue.close();
    }
  });

  it('answers at once without queue figures while Redis is away', async () => {
    const proxy = new TcpProxy('127.0.0.1', Number(new URL(t.deps.config.redisUrl).port || 6379));
    await proxy.start();
    const other = await createTestApp({ ...iso.env, REDIS_URL: proxy.url(t.deps.config.redisUrl) });
    try {
      expect(value((await scrape(other.app)).samples, 'wismo_queue_stats_up')).toBe(1);
      await proxy.stop();
      const started = Date.now();
      const { samples } = await scrape(other.app);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(value(samples, 'wismo_queue_stats_up')).toBe(0);
      expect(samples.some((s) => s.name === 'wismo_queue_depth')).toBe(false);
      expect(
        value(samples, 'wismo_http_request_duration_seconds_count', { route: '/metrics' }),
      ).toBeGreaterThan(0);
    } finally {
      await proxy.stop();
      await other.close();
    }
  });

  it('gives up on a Redis that does not answer after the scrape timeout', async () => {
    const hanging = {
      name: 'normalize',
      getJobCounts: () => new Promise(() => {}),
      getMetrics: () => new Promise(() => {}),
    } as unknown as Queue;
    const started = Date.now();
    await expect(queueStatsReader([hanging], 100)()).rejects.toThrow(/timed out/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('a worker process', () => {
  it('serves its own /metrics on METRICS_PORT, without the api’s queue figures', async () => {
    const p = startProcess('src/worker.ts', {
      ...iso.env,
      HOST: '127.0.0.1',
      METRICS_PORT: '0',
    });
    try {
      const out = await p.waitFor('worker metrics at /metrics');
      const line = out.split('\n').find((l) => l.includes('worker metrics at /metrics')) as string;
      const port = (JSON.parse(line) as { port: number }).port;
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('# TYPE wismo_worker_jobs_total counter');
      expect(text).toContain('# TYPE wismo_carrier_request_duration_seconds histogram');
      expect(text).not.toContain('wismo_queue_depth');
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      p.child.kill('SIGTERM');
      expect((await p.exited).code).toBe(0);
    }
  });
});
