import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { type RunningWorkers, startWorkers } from '../src/queue/workers.js';
import {
  bearer,
  createMerchant,
  createTestApp,
  orderNumber,
  type TestApp,
  type TestMerchant,
} from './helpers/context.js';
import { type Isolated, isolatedDatabase } from './helpers/isolated-database.js';
import { waitFor } from './helpers/polling.js';
import { type Started, startProcess } from './helpers/processes.js';
import { type SmsProviderOptions, startSmsProvider } from './helpers/sms-provider.js';
import { type SmtpSinkOptions, startSmtpSink } from './helpers/smtp-sink.js';

// Sends that fail, and a worker that dies while sending: passing failures retry, permanent ones stop with
// the reason, and a crash neither loses a message nor sends one twice.

let iso: Isolated;
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  iso = await isolatedDatabase();
});
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
});
afterAll(async () => {
  await iso?.drop();
});

async function setup(env: Record<string, string>, opts: { workers: boolean }) {
  const t: TestApp = await createTestApp({
    ...iso.env,
    OUTBOX_RELAY: opts.workers ? 'true' : 'false',
    RELAY_TICK: '50ms',
    NOTIFY_RETRY_BASE: '100ms',
    ...env,
  });
  cleanup.push(() => t.close());
  let workers: RunningWorkers | null = null;
  if (opts.workers) {
    workers = await startWorkers(t.deps);
    cleanup.push(() => (workers as RunningWorkers).close());
  }
  const m = await createMerchant(t.deps, 'Retry Store');
  await patch(t, m, { quietHours: null, milestones: { confirmed: { email: true, sms: true } } });
  return { t, m };
}

async function patch(t: TestApp, m: TestMerchant, change: object) {
  const res = await t.app.inject({
    method: 'PATCH',
    url: '/v1/settings/notifications',
    headers: bearer(m.keys.admin),
    payload: change,
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** An order the storefront confirms: one confirmation per enabled channel. */
async function confirmedOrder(t: TestApp, m: TestMerchant, customer: object) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: bearer(m.keys.write),
    payload: { orderNumber: orderNumber('F'), customer },
  });
  const order = res.json() as { id: string };
  await t.app.inject({
    method: 'POST',
    url: `/v1/orders/${order.id}/milestones`,
    headers: bearer(m.keys.write),
    payload: { milestone: 'confirmed' },
  });
  return order;
}

async function rows(deps: Deps, orderId: string) {
  return deps.db
    .selectFrom('notifications')
    .select(['id', 'channel', 'status', 'status_reason', 'attempts', 'last_error', 'provider_id'])
    .where('order_id', '=', orderId)
    .orderBy('channel')
    .execute();
}

const done = (r: { status: string }[], n: number) =>
  r.length === n && r.every((x) => x.status !== 'pending' && x.status !== 'sending');

/** A provider and a sink that behave as told, the real workers, and an order confirmed by email and SMS. */
async function confirmOnBothChannels(
  smsOptions: SmsProviderOptions,
  sinkOptions: SmtpSinkOptions,
  customer: object,
) {
  const sms = await startSmsProvider(smsOptions);
  const sink = await startSmtpSink(sinkOptions);
  cleanup.push(
    () => sink.close(),
    () => sms.close(),
  );
  const env = {
    SMTP_URL: sink.url,
    SMS_API_URL: sms.url,
    SMS_ACCOUNT_SID: 'AC1',
    SMS_AUTH_TOKEN: 'token-1',
    SMS_FROM: '+15005550006',
  };
  const { t, m } = await setup(env, { workers: true });
  const order = await confirmedOrder(t, m, customer);
  const final = await waitFor(async () => {
    const r = await rows(t.deps, order.id);
    return done(r, 2) && r;
  });
  return { sms, sink, final };
}

describe('failing sends', () => {
  it('retries passing failures (SMS 5xx and 429, SMTP 451) and sends once they pass', async () => {
    let rejected = 0;
    const { sms, sink, final } = await confirmOnBothChannels(
      { script: [500, 429, 201] },
      { reject: () => (rejected++ < 1 ? { code: 451, message: '4.3.0 Try again later' } : null) },
      { email: 'retry@example.com', phone: '+48500100300', smsConsent: true },
    );
    expect(final.map((r) => [r.channel, r.status, r.attempts])).toEqual([
      ['email', 'sent', 2],
      ['sms', 'sent', 3],
    ]);
    expect(sink.messages).toHaveLength(1);
    // The provider saw three requests with one idempotency key, and made one message.
    expect(sms.requests).toHaveLength(3);
    expect(new Set(sms.requests.map((r) => r.idempotencyToken)).size).toBe(1);
    expect(sms.messages).toHaveLength(1);
  });

  it('stops at a permanent refusal and records why (SMS 400, SMTP 550)', async () => {
    const { sms, sink, final } = await confirmOnBothChannels(
      { invalidNumbers: ['+48500100301'] },
      { reject: (to) => (to.startsWith('nobody@') ? { code: 550, message: '5.1.1 No such user' } : null) },
      { email: 'nobody@example.com', phone: '+48500100301', smsConsent: true },
    );
    expect(final.map((r) => [r.channel, r.status, r.attempts])).toEqual([
      ['email', 'failed', 1],
      ['sms', 'failed', 1],
    ]);
    expect(final[0]?.status_reason).toContain('550');
    expect(final[1]?.status_reason).toContain('21211');
    await new Promise((r) => setTimeout(r, 500));
    expect(sms.requests).toHaveLength(1);
    expect(sink.messages).toHaveLength(0);
  });

  it('sends every message exactly once when the worker is killed in the middle of sending', async () => {
    // The sink takes its time to accept, so the kill lands while messages are on the wire.
    const sink = await startSmtpSink({ acceptDelayMs: 1500 });
    cleanup.push(() => sink.close());
    const { t, m } = await setup({ SMTP_URL: sink.url }, { workers: false });
    await patch(t, m, { milestones: { confirmed: { email: true, sms: false } } });
    const env = {
      ...iso.env,
      SMTP_URL: sink.url,
      OUTBOX_RELAY: 'true',
      RELAY_TICK: '50ms',
      SEND_LEASE: '3s',
      JOB_LOCK_MS: '2000',
      SWEEP_AFTER_MS: '1000',
      SWEEP_INTERVAL_MS: '1000',
      LOG_LEVEL: 'info',
    };
    const first: Started = startProcess('src/worker.ts', env);
    cleanup.push(async () => first.child.kill('SIGKILL'));
    await first.waitFor('workers started');

    const orders = [];
    for (let i = 0; i < 12; i++) orders.push(await confirmedOrder(t, m, { email: `buyer${i}@example.com` }));
    const ids = orders.map((o) => o.id);
    const states = () =>
      t.deps.db.selectFrom('notifications').select(['id', 'status']).where('order_id', 'in', ids).execute();
    // Some are being sent (the sink holds them), none accepted yet: kill the worker there.
    await waitFor(async () => (await states()).filter((r) => r.status === 'sending').length >= 3);
    await new Promise((r) => setTimeout(r, 400));
    expect(sink.messages).toHaveLength(0);
    first.child.kill('SIGKILL');
    await first.exited;
    // The messages on the wire were never accepted: their client died before the sink's 250.
    await waitFor(async () => sink.dropped.length >= 1, 5_000);

    const second = startProcess('src/worker.ts', env);
    cleanup.push(async () => {
      second.child.kill('SIGTERM');
      await second.exited;
    });
    await waitFor(async () => (await states()).every((r) => r.status === 'sent'), 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    const to = sink.messages.map((x) => x.to[0]);
    expect(to.sort()).toEqual(orders.map((_, i) => `buyer${i}@example.com`).sort());
    expect(new Set(sink.messages.map((x) => x.messageId)).size).toBe(12);
  });
});
