import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SecretBox } from '../src/lib/secret-box.js';
import { type RunningWorkers, startWorkers } from '../src/queue/workers.js';
import {
  bearer,
  createMerchant,
  createTestApp,
  orderNumber,
  type TestApp,
  type TestMerchant,
  trackingNumber,
} from './helpers/context.js';
import { type Isolated, isolatedDatabase } from './helpers/isolated-database.js';
import { carrierNews, type Receiver, startReceiver } from './helpers/notifications.js';
import { waitFor } from './helpers/polling.js';
import { type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';
import { createConnection } from './helpers/webhooks.js';

// Merchant webhooks end to end: a local endpoint verifies every delivery with the official standardwebhooks
// library; retries, 4xx, 410, pause and resume, replay, the retry window, and SSRF at registration and at
// send time.

let iso: Isolated;
let t: TestApp;
let workers: RunningWorkers;
let sink: SmtpSink;
let receiver: Receiver;
let m: TestMerchant;
let connectionId: string;
let endpointId: string;

beforeAll(async () => {
  iso = await isolatedDatabase();
  sink = await startSmtpSink();
  receiver = await startReceiver();
  t = await createTestApp({
    ...iso.env,
    OUTBOX_RELAY: 'true',
    RELAY_TICK: '50ms',
    SMTP_URL: sink.url,
    MERCHANT_WEBHOOK_RETRY_BASE: '100ms',
    MERCHANT_WEBHOOK_RETRY_WINDOW: '3s',
    MERCHANT_WEBHOOK_TIMEOUT: '2s',
    // The local receiver only, by its IP: names that resolve to loopback stay refused.
    MERCHANT_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
  });
  workers = await startWorkers(t.deps);
  m = await createMerchant(t.deps, 'Hook Store');
  connectionId = (await createConnection(t.deps, m.id, 'easypost', { webhookSecret: 'secret-easypost-2' }))
    .connection.id;
  await api('PATCH', '/v1/settings/notifications', { operationsEmail: 'ops@hook.example' });
  const created = await api('POST', '/v1/webhook-endpoints', {
    url: receiver.url,
    description: 'orders system',
  });
  expect(created.statusCode, created.body).toBe(201);
  endpointId = created.json().id;
  receiver.secret = created.json().secret;
});
afterAll(async () => {
  await workers?.close();
  await t?.close();
  await sink?.close();
  await receiver?.close();
  await iso?.drop();
});
beforeEach(() => {
  receiver.received.length = 0;
  receiver.answers.length = 0;
  receiver.requests = 0;
});

function api(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: bearer(m.keys.admin) });
}

async function deliveries(id = endpointId) {
  const res = await api('GET', `/v1/webhook-endpoints/${id}/deliveries?limit=200`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as {
    id: number;
    eventId: string;
    type: string;
    status: string;
    attempts: number;
    lastStatusCode: number | null;
    lastError: string | null;
  }[];
}

async function lastDeliveryId(): Promise<number> {
  return (await deliveries())[0]?.id ?? 0;
}

async function orderWithParcel() {
  const order = await api('POST', '/v1/orders', {
    orderNumber: orderNumber('W'),
    shipments: [{ carrier: 'ups', trackingNumber: trackingNumber() }],
  });
  expect(order.statusCode, order.body).toBe(201);
  return order.json() as { id: string; shipments: { id: string; trackingNumber: string }[] };
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('merchant webhooks', () => {
  it('delivers every change as a signed event with a stable id and a per-shipment sequence', async () => {
    const order = await orderWithParcel();
    const parcel = order.shipments[0] as { id: string; trackingNumber: string };
    await carrierNews(t.deps, m.id, connectionId, parcel.trackingNumber, [
      { status: 'in_transit', at: ago(60) },
    ]);
    await carrierNews(t.deps, m.id, connectionId, parcel.trackingNumber, [
      { status: 'in_transit', at: ago(60) },
      { status: 'delivered', at: ago(1) },
    ]);
    const got = await waitFor(async () => receiver.received.length >= 6 && receiver.received);
    // Deliveries run in parallel and may arrive in any order: the sequence is how a receiver orders them.
    got.sort((a, b) => a.body.sequence - b.body.sequence);
    const forParcel = got.filter(
      (r) => r.body.data.shipmentId === parcel.id && r.body.type.startsWith('shipment.'),
    );
    expect(forParcel.map((r) => [r.body.type, r.body.data.status, r.body.sequence])).toEqual([
      ['shipment.created', 'pending', 1],
      ['shipment.status_changed', 'in_transit', 2],
      ['shipment.status_changed', 'delivered', 3],
    ]);
    const forOrder = got.filter((r) => r.body.type === 'order.status_changed');
    expect(forOrder.map((r) => [r.body.data.status, r.body.sequence])).toEqual([
      ['shipped', 1],
      ['in_transit', 2],
      ['delivered', 3],
    ]);
    // The webhook-id is the event id, unique per event.
    expect(got.every((r) => r.id === r.body.id)).toBe(true);
    expect(new Set(got.map((r) => r.id)).size).toBe(got.length);
    // The outcome is written after the receiver answered: it may trail the receiver by a moment.
    await waitFor(async () => (await deliveries()).filter((d) => d.status === 'delivered').length >= 6);
  });

  it('retries 5xx with back-off, and fails a 4xx at once (a replay sends it again)', async () => {
    const mark = await lastDeliveryId();
    receiver.answers.push(500, 503);
    await orderWithParcel();
    // Two events (shipment created, order shipped), two refusals between them: five requests in all.
    const mine = await waitFor(async () => {
      const rows = (await deliveries()).filter((d) => d.id > mark);
      return rows.length === 2 && rows.every((d) => d.status === 'delivered') && rows;
    });
    expect(mine.reduce((n, d) => n + d.attempts, 0)).toBe(4);
    expect(receiver.requests).toBe(4);

    const before = await lastDeliveryId();
    receiver.answers.push(400, 400);
    const second = await orderWithParcel();
    const refused = await waitFor(async () => {
      const rows = (await deliveries()).filter((d) => d.id > before);
      return rows.length === 2 && rows.every((d) => d.status === 'failed') && rows;
    });
    expect(refused.map((d) => [d.attempts, d.lastStatusCode])).toEqual([
      [1, 400],
      [1, 400],
    ]);
    expect(refused[0]?.lastError).toContain('HTTP 400');
    const event = refused.find((d) => d.type === 'shipment.created')?.eventId ?? '';
    const replay = await api('POST', `/v1/webhook-endpoints/${endpointId}/replay`, { eventId: event });
    expect(replay.statusCode, replay.body).toBe(202);
    expect(replay.json()).toEqual({ queued: 1, more: false });
    const again = await waitFor(async () => receiver.received.find((r) => r.id === event));
    expect(again.body.data.orderId).toBe(second.id);
  });

  it('holds events while paused, sends them on resume, and replays a time range', async () => {
    const paused = await api('POST', `/v1/webhook-endpoints/${endpointId}/pause`);
    expect(paused.json().state).toBe('paused');
    const since = new Date().toISOString();
    const order = await orderWithParcel();
    await waitFor(async () => (await deliveries()).filter((d) => d.status === 'held').length >= 2);
    expect(receiver.received.filter((r) => r.body.data.orderId === order.id)).toHaveLength(0);

    const resumed = await api('POST', `/v1/webhook-endpoints/${endpointId}/resume`);
    expect(resumed.json()).toMatchObject({ state: 'enabled', stateReason: null });
    await waitFor(async () => receiver.received.filter((r) => r.body.data.orderId === order.id).length >= 2);

    const before = receiver.received.length;
    const replay = await api('POST', `/v1/webhook-endpoints/${endpointId}/replay`, { from: since });
    expect(replay.json().queued).toBeGreaterThanOrEqual(2);
    await waitFor(async () => receiver.received.length >= before + 2);
    const replayed = receiver.received.slice(before).map((r) => r.body.data.orderId);
    expect(replayed).toContain(order.id);
  });

  it('resumes a delivery that was waiting for its retry when the endpoint was paused', async () => {
    const mark = await lastDeliveryId();
    receiver.answers.push(503, 503);
    const order = await orderWithParcel();
    await waitFor(
      async () => (await deliveries()).filter((d) => d.id > mark && d.lastStatusCode === 503).length === 2,
    );
    await api('POST', `/v1/webhook-endpoints/${endpointId}/pause`);
    await waitFor(
      async () => (await deliveries()).filter((d) => d.id > mark && d.status === 'held').length === 2,
    );
    expect(receiver.received.filter((r) => r.body.data.orderId === order.id)).toHaveLength(0);
    await api('POST', `/v1/webhook-endpoints/${endpointId}/resume`);
    await waitFor(async () => receiver.received.filter((r) => r.body.data.orderId === order.id).length === 2);
  });

  it('never sends one merchant’s events to another merchant’s endpoint', async () => {
    const other = await createMerchant(t.deps, 'Other Store');
    const otherReceiver = await startReceiver();
    try {
      const created = await t.app.inject({
        method: 'POST',
        url: '/v1/webhook-endpoints',
        headers: bearer(other.keys.admin),
        payload: { url: otherReceiver.url },
      });
      expect(created.statusCode).toBe(201);
      const order = await orderWithParcel();
      await waitFor(
        async () => receiver.received.filter((r) => r.body.data.orderId === order.id).length === 2,
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(otherReceiver.requests).toBe(0);
    } finally {
      await otherReceiver.close();
    }
  });

  it('disables an endpoint that answers 410 Gone; resume sends what was held', async () => {
    const mark = await lastDeliveryId();
    receiver.answers.push(410, 410);
    const order = await orderWithParcel();
    const endpoint = await waitFor(async () => {
      const e = (await api('GET', `/v1/webhook-endpoints/${endpointId}`)).json();
      return e.state === 'disabled' && e;
    });
    expect(endpoint.stateReason).toContain('410');
    // Held from now on: the next order's events wait.
    const next = await orderWithParcel();
    await waitFor(
      async () => (await deliveries()).filter((d) => d.id > mark && d.status === 'held').length >= 2,
    );
    expect(receiver.received.filter((r) => r.body.data.orderId === next.id)).toHaveLength(0);
    await api('POST', `/v1/webhook-endpoints/${endpointId}/resume`);
    await waitFor(async () => receiver.received.filter((r) => r.body.data.orderId === next.id).length === 2);
    const gone = (await deliveries()).filter((d) => d.id > mark && d.lastStatusCode === 410);
    expect(gone.length).toBeGreaterThanOrEqual(1);
    expect(gone.every((d) => d.status === 'failed')).toBe(true);
    expect(order.id).not.toBe(next.id);
  });

  it('disables an endpoint that keeps failing for the whole retry window and tells the merchant', async () => {
    receiver.answers.push(...Array(200).fill(502));
    await orderWithParcel();
    const endpoint = await waitFor(async () => {
      const e = (await api('GET', `/v1/webhook-endpoints/${endpointId}`)).json();
      return e.state === 'disabled' && e;
    }, 20_000);
    expect(endpoint.stateReason).toContain('kept failing');
    const failed = (await deliveries()).find((d) => d.status === 'failed' && d.lastStatusCode === 502);
    expect(failed?.attempts).toBeGreaterThan(2);
    const mail = await waitFor(async () => sink.messages.find((x) => x.to.includes('ops@hook.example')));
    expect(mail.subject).toContain('Webhook endpoint disabled');
    expect(mail.text).toContain(`/v1/webhook-endpoints/${endpointId}/resume`);
    receiver.answers.length = 0;
    await api('POST', `/v1/webhook-endpoints/${endpointId}/resume`);
  });

  it('refuses private, loopback and link-local destinations at registration', async () => {
    for (const url of [
      'http://localhost/hooks',
      'http://10.0.0.7/hooks',
      'http://192.168.1.10/hooks',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/hooks',
      'http://[::ffff:127.0.0.1]/hooks',
      'http://0x0a.0.0.1/hooks',
      'ftp://93.184.216.34/hooks',
      'https://user:pass@93.184.216.34/hooks',
    ]) {
      const res = await api('POST', '/v1/webhook-endpoints', { url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0]).toMatchObject({ in: 'body', field: 'url' });
    }
    const moved = await api('PATCH', `/v1/webhook-endpoints/${endpointId}`, { url: 'http://10.1.2.3/x' });
    expect(moved.statusCode).toBe(400);
    expect((await api('GET', `/v1/webhook-endpoints/${endpointId}`)).json().url).toBe(receiver.url);
  });

  it('refuses at send time a destination that has come to resolve to a private address', async () => {
    // Registered while it was public (written directly: the registration check is the test above).
    const port = new URL(receiver.url).port;
    const sneaky = await t.deps.db
      .insertInto('webhook_endpoints')
      .values({
        merchant_id: m.id,
        url: `http://localhost:${port}/hooks`,
        secret_encrypted: new SecretBox(t.deps.config.encryptionKey).seal(
          'whsec_c25lYWt5LXNlY3JldC1vZi10aGUtdGVzdA==',
        ),
        event_types: ['shipment.created'],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      await orderWithParcel();
      const refused = await waitFor(async () =>
        (await deliveries(sneaky.id)).find((d) => d.lastError !== null),
      );
      expect(refused.lastError).toMatch(/refused: .*127\.0\.0\.1.*private address/);
      expect(refused.status).not.toBe('delivered');
      // Nothing but the real endpoint's deliveries reached the receiver (the other would fail its check).
      expect(receiver.requests).toBe(receiver.received.length);
    } finally {
      await api('DELETE', `/v1/webhook-endpoints/${sneaky.id}`);
    }
  });
});
