import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningWorkers, startWorkers } from '../src/queue/workers.js';
import { TrackingLinks } from '../src/tracking-page/links.js';
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
import { carrierNews } from './helpers/notifications.js';
import { waitFor } from './helpers/polling.js';
import { type SmsProvider, startSmsProvider } from './helpers/sms-provider.js';
import { type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';
import { createConnection } from './helpers/webhooks.js';

// Proactive messages end to end, with the real relay and send workers: a real SMTP server receives the
// emails, a local Twilio-compatible server the SMS, a local merchant endpoint the signed webhooks.

let iso: Isolated;
let t: TestApp;
let workers: RunningWorkers;
let sink: SmtpSink;
let sms: SmsProvider;
let m: TestMerchant;
let connectionId: string;

beforeAll(async () => {
  iso = await isolatedDatabase();
  sink = await startSmtpSink();
  sms = await startSmsProvider();
  t = await createTestApp({
    ...iso.env,
    OUTBOX_RELAY: 'true',
    RELAY_TICK: '50ms',
    SMTP_URL: sink.url,
    SMS_API_URL: sms.url,
    SMS_ACCOUNT_SID: 'AC00000000000000000000000000000001',
    SMS_AUTH_TOKEN: 'test-token',
    SMS_FROM: '+15005550006',
    NOTIFY_RETRY_BASE: '200ms',
    MERCHANT_WEBHOOK_RETRY_BASE: '200ms',
    MERCHANT_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    PUBLIC_BASE_URL: 'https://track.example.com',
  });
  workers = await startWorkers(t.deps);
  m = await createMerchant(t.deps, 'Sklep Ani');
  connectionId = (await createConnection(t.deps, m.id, 'easypost', { webhookSecret: 'secret-easypost-1' }))
    .connection.id;
  // No quiet hours unless a test sets them: the time of day the suite runs at must not matter.
  await settings({ quietHours: null });
});
afterAll(async () => {
  await workers?.close();
  await t?.close();
  await sink?.close();
  await sms?.close();
  await iso?.drop();
});
beforeEach(() => {
  sink.messages.length = 0;
  sms.messages.length = 0;
  sms.requests.length = 0;
});

async function settings(change: object) {
  const res = await t.app.inject({
    method: 'PATCH',
    url: '/v1/settings/notifications',
    headers: bearer(m.keys.admin),
    payload: change,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function newOrder(customer: object, extra: object = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: bearer(m.keys.write),
    payload: {
      orderNumber: orderNumber('N'),
      customer,
      items: [{ sku: 'TENT-2', name: 'Namiot dwuosobowy', quantity: 1 }],
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; orderNumber: string };
}

async function attach(orderId: string, number = trackingNumber()) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/v1/orders/${orderId}/shipments`,
    headers: bearer(m.keys.write),
    payload: { carrier: 'ups', trackingNumber: number },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; trackingNumber: string };
}

async function log(orderId: string, key = m.keys.agent) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/v1/orders/${orderId}/notifications`,
    headers: bearer(key),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as {
    milestone: string;
    channel: string;
    status: string;
    statusReason: string | null;
    recipient: string;
    attempts: number;
    providerId: string | null;
    subject: string | null;
    notBefore: string;
    id: string;
  }[];
}

/** Waits until no message of the order is pending or being sent. */
async function settled(orderId: string, count: number) {
  return waitFor(async () => {
    const rows = await log(orderId);
    return (
      rows.length >= count && rows.every((r) => r.status !== 'pending' && r.status !== 'sending') && rows
    );
  });
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('shopper messages', () => {
  it('sends every milestone once per channel, in the shopper’s language, with a working tracking link', async () => {
    const order = await newOrder({
      name: 'Anna Kowalska',
      email: 'anna@example.pl',
      phone: '+48500100200',
      smsConsent: true,
      locale: 'pl-PL',
      timeZone: 'Europe/Warsaw',
    });
    await t.app.inject({
      method: 'POST',
      url: `/v1/orders/${order.id}/milestones`,
      headers: bearer(m.keys.write),
      payload: { milestone: 'confirmed' },
    });
    const parcel = await attach(order.id);
    await settled(order.id, 2);
    await carrierNews(
      t.deps,
      m.id,
      connectionId,
      parcel.trackingNumber,
      [{ status: 'in_transit', at: ago(60) }],
      {
        edd: '2026-12-09',
      },
    );
    await settled(order.id, 3);
    const ofd = [
      { status: 'in_transit' as const, at: ago(60) },
      { status: 'out_for_delivery' as const, at: ago(30) },
    ];
    await carrierNews(t.deps, m.id, connectionId, parcel.trackingNumber, ofd);
    await settled(order.id, 5);
    await carrierNews(t.deps, m.id, connectionId, parcel.trackingNumber, [
      ...ofd,
      { status: 'delivered', at: ago(5) },
    ]);
    const rows = await settled(order.id, 7);
    // The same news again (a carrier retrying its push) and a replay of history: nothing new is sent.
    await carrierNews(t.deps, m.id, connectionId, parcel.trackingNumber, [
      ...ofd,
      { status: 'delivered', at: ago(5) },
    ]);
    await t.deps.services.normalize.renormalize({ carrier: 'ups', since: new Date(Date.now() - 3_600_000) });
    await new Promise((r) => setTimeout(r, 500));

    expect(rows.map((r) => `${r.milestone}/${r.channel}/${r.status}`)).toEqual([
      'confirmed/email/sent',
      'shipped/email/sent',
      'in_transit/email/sent',
      'out_for_delivery/email/sent',
      'out_for_delivery/sms/sent',
      'delivered/email/sent',
      'delivered/sms/sent',
    ]);
    expect(await log(order.id)).toHaveLength(7);
    expect(sink.messages).toHaveLength(5);
    expect(sms.messages).toHaveLength(2);

    for (const mail of sink.messages) {
      expect(mail.to).toEqual(['anna@example.pl']);
      expect(mail.html).toContain('lang="pl"');
      expect(mail.from?.name).toBe('Sklep Ani');
      // The link in the email opens this order's page, and only this order's.
      const link = /https:\/\/track\.example\.com\/t\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? '';
      const granted = new TrackingLinks(t.deps.config.encryptionKey, 'https://track.example.com', 1).verify(
        link,
      );
      expect(granted?.orderId).toBe(order.id);
    }
    // Message-IDs are the rows' ids: stable across retries, one per message.
    const ids = sink.messages.map((x) => x.messageId);
    expect(new Set(ids).size).toBe(5);
    expect(ids).toContain(`<${rows[0]?.id}@wismo>`);
    // Polish dates: the in-transit email gives the estimate as a Polish date.
    const inTransit = sink.messages.find((x) => x.messageId === `<${rows[2]?.id}@wismo>`);
    expect(inTransit?.text).toContain('9 grudnia');
    expect(sms.messages.map((s) => s.to)).toEqual(['+48500100200', '+48500100200']);
    expect(sms.messages.every((s) => s.body.includes('https://track.example.com/t/'))).toBe(true);
    expect(rows.every((r) => r.providerId)).toBe(true);
  });

  it('masks recipients for keys without the agent scope', async () => {
    const order = await newOrder({ email: 'masked@example.com' });
    await attach(order.id);
    await settled(order.id, 1);
    expect((await log(order.id))[0]?.recipient).toBe('masked@example.com');
    expect((await log(order.id, m.keys.write))[0]?.recipient).toBe('m*****@example.com');
    expect((await log(order.id, m.keys.read))[0]?.recipient).toBe('m*****@example.com');
  });

  it('records why nothing was sent: no consent, no address, channel off', async () => {
    const order = await newOrder({ phone: '+48500100201', smsConsent: false });
    const parcel = await attach(order.id);
    await carrierNews(t.deps, m.id, connectionId, parcel.trackingNumber, [
      { status: 'out_for_delivery', at: ago(10) },
    ]);
    const rows = await settled(order.id, 3);
    expect(rows.map((r) => [r.milestone, r.channel, r.status, r.statusReason])).toEqual([
      ['shipped', 'email', 'skipped', 'the order has no email address'],
      ['out_for_delivery', 'email', 'skipped', 'the order has no email address'],
      ['out_for_delivery', 'sms', 'skipped', 'the shopper has not agreed to SMS'],
    ]);
    expect(sms.requests).toHaveLength(0);
  });

  it('holds SMS in the shopper’s quiet hours and skips a milestone that went stale meanwhile', async () => {
    // A quiet window around the present moment in the shopper's zone.
    const hour = new Date().getUTCHours();
    const hh = (h: number) => `${String((h + 24) % 24).padStart(2, '0')}:00`;
    await settings({ quietHours: { start: hh(hour - 1), end: hh(hour + 2) } });
    try {
      const order = await newOrder({
        email: 'night@example.com',
        phone: '+48500100202',
        smsConsent: true,
        timeZone: 'UTC',
      });
      const parcel = await attach(order.id);
      await carrierNews(t.deps, m.id, connectionId, parcel.trackingNumber, [
        { status: 'out_for_delivery', at: ago(10) },
      ]);
      const held = await waitFor(async () => {
        const rows = await log(order.id);
        const s = rows.find((r) => r.channel === 'sms');
        return rows.filter((r) => r.status === 'sent').length === 2 && s?.statusReason === 'quiet_hours' && s;
      });
      expect(held.status).toBe('pending');
      expect(new Date(held.notBefore).getUTCHours()).toBe((hour + 2) % 24);
      expect(sms.requests).toHaveLength(0);

      // Morning comes (the window is lifted), and the parcel was delivered before it: the held "out for
      // delivery" text is no longer true and is skipped. The window goes first, so the "delivered" SMS is not
      // held in turn (that would depend on which the relay saw first).
      await settings({ quietHours: null });
      await carrierNews(t.deps, m.id, connectionId, parcel.trackingNumber, [
        { status: 'out_for_delivery', at: ago(10) },
        { status: 'delivered', at: ago(1) },
      ]);
      await sql`UPDATE notifications SET not_before = now() WHERE id = ${held.id}`.execute(t.deps.db);
      expect((await t.deps.services.sender.send([held.id])).get(held.id)).toBe('skipped');
      const after = (await log(order.id)).find((r) => r.id === held.id);
      expect(after).toMatchObject({ status: 'skipped', statusReason: 'stale: it is delivered now' });
      // The delivered SMS itself goes out (quiet hours are over).
      await settled(order.id, 5);
      expect(sms.messages.map((s) => s.to)).toEqual(['+48500100202']);
    } finally {
      await settings({ quietHours: null });
    }
  });

  it('announces a delay once per estimate: passed estimate, a later one that passes too, a stall', async () => {
    const order = await newOrder({ email: 'late@example.com', timeZone: 'Europe/Warsaw' });
    const parcel = await attach(order.id);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await carrierNews(
      t.deps,
      m.id,
      connectionId,
      parcel.trackingNumber,
      [{ status: 'in_transit', at: ago(60) }],
      {
        edd: day(-1),
      },
    );
    await settled(order.id, 2);
    const shipment = async () =>
      (
        await t.app.inject({ method: 'GET', url: `/v1/shipments/${parcel.id}`, headers: bearer(m.keys.read) })
      ).json();
    expect((await shipment()).delayed).toBe(false);

    // The periodic check marks it, once: running it again changes nothing and sends nothing.
    expect((await t.deps.services.delays.run()).changed).toBeGreaterThanOrEqual(1);
    await t.deps.services.delays.run();
    let rows = await settled(order.id, 3);
    expect(await shipment()).toMatchObject({ delayed: true, delayReason: 'edd_passed' });
    expect(
      rows.filter((r) => r.milestone === 'delayed' && r.channel === 'email').map((r) => r.status),
    ).toEqual(['sent']);

    // The carrier moves the estimate later: no longer late; when that day passes too, late again, said again.
    await carrierNews(
      t.deps,
      m.id,
      connectionId,
      parcel.trackingNumber,
      [
        { status: 'in_transit', at: ago(60) },
        { status: 'in_transit', at: ago(30), city: 'Łódź' },
      ],
      { edd: day(1) },
    );
    expect((await shipment()).delayed).toBe(false);
    await t.deps.services.delays.run(new Date(Date.now() + 3 * 86_400_000));
    rows = await settled(order.id, 6);
    expect(
      rows.filter((r) => r.milestone === 'delayed' && r.channel === 'email').map((r) => r.status),
    ).toEqual(['sent', 'sent']);
    const order2 = await t.app.inject({
      method: 'GET',
      url: `/v1/orders/${order.id}`,
      headers: bearer(m.keys.read),
    });
    expect(order2.json().status).toBe('delayed');

    // Silent for two weeks: stalled, which a scan ends.
    const quiet = await newOrder({ email: 'quiet@example.com' });
    const silent = await attach(quiet.id);
    await carrierNews(t.deps, m.id, connectionId, silent.trackingNumber, [
      { status: 'in_transit', at: ago(14 * 24 * 60) },
    ]);
    await t.deps.services.delays.run();
    const stalled = await t.app.inject({
      method: 'GET',
      url: `/v1/shipments/${silent.id}`,
      headers: bearer(m.keys.read),
    });
    expect(stalled.json()).toMatchObject({ delayed: true, delayReason: 'stalled' });
    const quietRows = await settled(quiet.id, 4);
    expect(quietRows.map((r) => `${r.milestone}/${r.channel}/${r.status}`)).toEqual([
      'shipped/email/sent',
      'in_transit/email/sent',
      'delayed/email/sent',
      'delayed/sms/skipped',
    ]);
    const mail = sink.messages.find((x) => x.messageId === `<${quietRows[2]?.id}@wismo>`);
    expect(mail?.to).toEqual(['quiet@example.com']);
    expect(mail?.subject).toContain('delayed');
    await carrierNews(t.deps, m.id, connectionId, silent.trackingNumber, [
      { status: 'in_transit', at: ago(14 * 24 * 60) },
      { status: 'in_transit', at: ago(5), city: 'Kraków' },
    ]);
    const moving = await t.app.inject({
      method: 'GET',
      url: `/v1/shipments/${silent.id}`,
      headers: bearer(m.keys.read),
    });
    expect(moving.json()).toMatchObject({ delayed: false, delayReason: null });
  });

  it('tells a split order one message per order milestone when the merchant combines them', async () => {
    await settings({ splitOrders: 'combined' });
    try {
      const order = await newOrder(
        { email: 'split@example.com' },
        {
          items: [
            { sku: 'A', name: 'Tent', quantity: 1 },
            { sku: 'B', name: 'Stove', quantity: 1 },
          ],
        },
      );
      const first = await t.app.inject({
        method: 'POST',
        url: `/v1/orders/${order.id}/shipments`,
        headers: bearer(m.keys.write),
        payload: { carrier: 'ups', trackingNumber: trackingNumber(), items: [{ sku: 'A', quantity: 1 }] },
      });
      const second = await t.app.inject({
        method: 'POST',
        url: `/v1/orders/${order.id}/shipments`,
        headers: bearer(m.keys.write),
        payload: { carrier: 'ups', trackingNumber: trackingNumber(), items: [{ sku: 'B', quantity: 1 }] },
      });
      const numbers = [first.json().trackingNumber, second.json().trackingNumber];
      // The first parcel moves alone: the order is not in transit yet, so nothing is said.
      await carrierNews(t.deps, m.id, connectionId, numbers[0], [{ status: 'in_transit', at: ago(30) }]);
      await settled(order.id, 1);
      await carrierNews(t.deps, m.id, connectionId, numbers[1], [{ status: 'in_transit', at: ago(20) }]);
      const rows = await settled(order.id, 2);
      expect(rows.map((r) => `${r.milestone}/${r.channel}/${r.status}`)).toEqual([
        'shipped/email/sent',
        'in_transit/email/sent',
      ]);
      await new Promise((r) => setTimeout(r, 300));
      expect(await log(order.id)).toHaveLength(2);
    } finally {
      await settings({ splitOrders: 'per_shipment' });
    }
  });

  it('masks the recipient in the reasons a provider gave, for keys without the agent scope', async () => {
    const order = await newOrder({ email: 'quoted@example.com' });
    await t.deps.db
      .insertInto('notifications')
      .values({
        merchant_id: m.id,
        order_id: order.id,
        subject: `order:${order.id}`,
        milestone: 'packed',
        channel: 'email',
        recipient: 'quoted@example.com',
        locale: 'en',
        time_zone: 'UTC',
        status: 'failed',
        status_reason: 'RCPT TO rejected: 550 5.1.1 <quoted@example.com> unknown',
        last_error: 'RCPT TO rejected: 550 5.1.1 <quoted@example.com> unknown',
      })
      .execute();
    const agent = (await log(order.id)).find((r) => r.milestone === 'packed');
    expect(agent?.statusReason).toContain('quoted@example.com');
    const writer = (await log(order.id, m.keys.write)).find((r) => r.milestone === 'packed');
    expect(JSON.stringify(writer)).not.toContain('quoted@example.com');
    expect(writer?.statusReason).toContain('q*****@example.com');
  });
});
