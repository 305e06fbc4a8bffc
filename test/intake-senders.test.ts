import { createHash, createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxTrackingNumber } from '../src/carriers/sandbox/format.js';
import { type RunningWorkers, startWorkers } from '../src/queue/workers.js';
import { EXPECTED, FIXTURES_DIR } from './helpers/carrier-fixtures.js';
import { createMerchant, createTestApp, orderNumber, type TestApp } from './helpers/context.js';
import { post, standardHeaders, waitProcessed } from './helpers/webhooks.js';

// Every pushing sender's authentication, over HTTP, as the sender's documentation describes it. The
// signatures here are computed from those descriptions, independently of the code under test (the sandbox
// is signed by the reference Standard Webhooks package). Each sender's delivery must become events and a
// status; missing, wrong, truncated and (where timestamped) stale or future signatures must store nothing.

let t: TestApp;
let workers: RunningWorkers;
beforeAll(async () => {
  t = await createTestApp();
  workers = await startWorkers(t.deps);
});
afterAll(async () => {
  await workers.close();
  await t.close();
});

const fixture = (path: string) => JSON.parse(readFileSync(join(FIXTURES_DIR, path), 'utf8'));
const hmac = (key: string | Buffer, data: string | Buffer) => createHmac('sha256', key).update(data).digest();
const JSON_TYPE = { 'content-type': 'application/json' };

interface Sender {
  carrier: string;
  /** The shipment the delivery is about, as the storefront registered it. */
  shipment: { carrier: string; trackingNumber: string };
  /** The secret where the sender issues it; otherwise wismo generates one. */
  senderSecret?: string;
  webhookAuth?: 'signature';
  body(): string;
  sign(secret: string, body: string, now: Date): Record<string, string>;
  /** The header a rejection test removes or spoils. */
  signatureHeader: string;
  expected: { status: string; events: number };
  timestamped?: boolean;
  /** False where the proof is a shared value, not a signature over the body (UPS's credential). */
  coversBody?: boolean;
  /** A secret of the right form that is not the connection's. */
  foreignSecret?: string;
}

const SENDERS: Sender[] = [
  {
    carrier: 'aftership',
    shipment: { carrier: 'fedex', trackingNumber: '111111111111' },
    senderSecret: 'aftership-webhook-secret-1',
    body: () =>
      JSON.stringify({
        event: 'tracking_update',
        event_id: randomUUID(),
        is_tracking_first_tag: false,
        msg: fixture('aftership_sdk_java/aftership/GetTrackingResult.json').data.tracking,
        ts: 1_700_000_000,
      }),
    sign: (secret, body) => ({
      ...JSON_TYPE,
      'aftership-hmac-sha256': hmac(secret, body).toString('base64'),
    }),
    signatureHeader: 'aftership-hmac-sha256',
    // The tracking lists 14 checkpoints; two share code, time and place, and are one event.
    expected: { status: 'delivered', events: 13 },
  },
  {
    carrier: 'ups',
    shipment: { carrier: 'ups', trackingNumber: '1Z204W4R0308071865' },
    body: () =>
      JSON.stringify({
        trackingNumber: '1Z204W4R0308071865',
        localActivityDate: '20240423',
        localActivityTime: '095004',
        gmtActivityDate: '20240423',
        gmtActivityTime: '135004',
        activityLocation: { city: 'CHARLOTTE', stateProvince: 'NC', postalCode: '28209', country: 'US' },
        activityStatus: { type: 'D', code: 'FS', description: 'Delivered', descriptionCode: '011' },
        scheduledDeliveryDate: '',
        actualDeliveryDate: '20240423',
        actualDeliveryTime: '095004',
      }),
    sign: (secret) => ({ ...JSON_TYPE, credential: secret, 'user-agent': 'UPSPubSubTrackingService' }),
    signatureHeader: 'credential',
    expected: { status: 'delivered', events: 1 },
    coversBody: false,
  },
  {
    carrier: 'fedex',
    shipment: { carrier: 'fedex', trackingNumber: '738488882438' },
    body: () => JSON.stringify(fixture('karrio/fedex/InconsistentDateTimeResponse.json')),
    sign: (secret, body) => ({ ...JSON_TYPE, 'fdx-signature': hmac(secret, body).toString('base64') }),
    signatureHeader: 'fdx-signature',
    expected: { status: 'delivered', events: 17 },
  },
  {
    carrier: 'seventeentrack',
    shipment: { carrier: 'fedex', trackingNumber: '1234567890987654321' },
    senderSecret: '17track-api-security-key',
    webhookAuth: 'signature',
    body: () =>
      JSON.stringify({
        event: 'TRACKING_UPDATED',
        data: fixture('py17track/17track/gettrackinfo_success_response.json').data.accepted[0],
      }),
    sign: (secret, body) => ({
      ...JSON_TYPE,
      sign: createHash('sha256').update(`${body}/${secret}`).digest('hex'),
    }),
    signatureHeader: 'sign',
    expected: { status: 'delivered', events: 4 },
  },
  {
    carrier: 'shippo',
    shipment: { carrier: 'usps', trackingNumber: '9205590164917337534322' },
    senderSecret: 'shippo-hmac-secret-1',
    webhookAuth: 'signature',
    body: () =>
      JSON.stringify({
        event: 'track_updated',
        test: false,
        data: fixture('shippo_python_client/shippo/test_get_status.interaction0.response.json'),
      }),
    sign: (secret, body, now) => {
      const ts = Math.floor(now.getTime() / 1000);
      return {
        ...JSON_TYPE,
        'shippo-auth-signature': `t=${ts},v1=${hmac(secret, `${ts}.${body}`).toString('hex')}`,
      };
    },
    signatureHeader: 'shippo-auth-signature',
    expected: { status: 'delivered', events: 11 },
    timestamped: true,
  },
  {
    carrier: 'easypost',
    shipment: { carrier: 'ups', trackingNumber: 'EZ4000000004' },
    body: () =>
      readFileSync(join(FIXTURES_DIR, 'easypost_examples/easypost/tracking_webhook_response.json'), 'utf8'),
    sign: (secret, body) => ({
      ...JSON_TYPE,
      'x-hmac-signature': `hmac-sha256-hex=${hmac(secret.normalize('NFKD'), body).toString('hex')}`,
    }),
    signatureHeader: 'x-hmac-signature',
    expected: { status: 'delivered', events: 6 },
  },
  {
    carrier: 'sandbox',
    shipment: { carrier: 'sandbox', trackingNumber: sandboxTrackingNumber(5150) },
    body: () =>
      JSON.stringify({
        type: 'tracking.updated',
        data: {
          trackingNumber: sandboxTrackingNumber(5150),
          events: [
            { code: 'PU', description: 'Picked up', occurredAt: '2026-11-20T10:00:00+01:00' },
            { code: 'OD', description: 'Out for delivery', occurredAt: '2026-11-21T08:00:00+01:00' },
          ],
        },
      }),
    sign: (secret, body, now) => standardHeaders(secret, body, `msg_${randomUUID()}`, now),
    signatureHeader: 'webhook-signature',
    expected: { status: 'out_for_delivery', events: 2 },
    timestamped: true,
    foreignSecret: `whsec_${Buffer.alloc(24, 7).toString('base64')}`,
  },
];

async function setUp(sender: Sender) {
  const m = await createMerchant(t.deps);
  await t.deps.services.orders.upsert(m.id, { orderNumber: orderNumber(), shipments: [sender.shipment] });
  const { connection, view } = await t.deps.services.carrierConnections.create({
    merchantId: m.id,
    carrier: sender.carrier,
    webhookSecret: sender.senderSecret,
    webhookAuth: sender.webhookAuth,
  });
  expect(view.webhook?.auth).toBe('signature');
  const secret = sender.senderSecret ?? (view.newSecret?.secret as string);
  expect(secret).toBeTruthy();
  return { merchant: m, connection, secret, url: `/webhooks/${sender.carrier}/${connection.id}` };
}

async function stored(connectionId: string) {
  return t.deps.db
    .selectFrom('raw_payloads')
    .select('id')
    .where('connection_id', '=', connectionId)
    .execute();
}

async function shipmentState(merchantId: string, trackingNumber: string) {
  const s = await t.deps.db
    .selectFrom('shipments')
    .select(['id', 'status'])
    .where('merchant_id', '=', merchantId)
    .where('tracking_number', '=', trackingNumber)
    .executeTakeFirstOrThrow();
  const events = await t.deps.db
    .selectFrom('tracking_events')
    .select('id')
    .where('shipment_id', '=', s.id)
    .execute();
  return { status: s.status, events: events.length };
}

describe.each(SENDERS)('$carrier webhooks', (sender) => {
  it('a correctly signed delivery becomes events and the expected status', async () => {
    const { merchant, connection, secret, url } = await setUp(sender);
    const body = sender.body();
    const res = await post(t.app, url, body, sender.sign(secret, body, new Date()));
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await waitProcessed(t.deps, connection.id, 1);
    expect(row?.state, row?.last_error ?? '').toBe('processed');
    expect(await shipmentState(merchant.id, sender.shipment.trackingNumber)).toEqual(sender.expected);
  });

  it('a missing, wrong, truncated or foreign signature, or an altered body, is 401 and stores nothing', async () => {
    const { connection, secret, url } = await setUp(sender);
    const body = sender.body();
    const good = sender.sign(secret, body, new Date());
    const value = good[sender.signatureHeader] as string;
    const { [sender.signatureHeader]: _, ...missing } = good;
    const cases: [string, Record<string, string>, string][] = [
      ['missing', missing, body],
      ['truncated', { ...good, [sender.signatureHeader]: value.slice(0, -6) }, body],
      ['another secret', sender.sign(sender.foreignSecret ?? `${secret}-not`, body, new Date()), body],
      ['empty', { ...good, [sender.signatureHeader]: '' }, body],
    ];
    if (sender.coversBody !== false) cases.push(['altered body', good, body.replace('{', '{ ')]);
    if (sender.timestamped) {
      cases.push(['stale', sender.sign(secret, body, new Date(Date.now() - 6 * 60_000)), body]);
      cases.push(['future', sender.sign(secret, body, new Date(Date.now() + 6 * 60_000)), body]);
    }
    for (const [name, headers, payload] of cases) {
      const res = await post(t.app, url, payload, headers);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(401);
      expect(res.json().code, name).toBe('invalid_signature');
      if (name === 'stale') expect(res.json().detail).toMatch(/old/);
      if (name === 'future') expect(res.json().detail).toMatch(/future/);
    }
    expect(await stored(connection.id)).toEqual([]);
  });

  it('accepts deliveries signed with either of two active secrets (rotation)', async () => {
    const { merchant, connection, secret, url } = await setUp(sender);
    const next = await t.deps.services.carrierConnections.addWebhookSecret(
      merchant.id,
      connection.id,
      sender.senderSecret ? `${sender.senderSecret}-next` : undefined,
    );
    const nextSecret = sender.senderSecret
      ? `${sender.senderSecret}-next`
      : (next.newSecret?.secret as string);
    for (const s of [secret, nextSecret]) {
      const body = sender.body();
      const res = await post(t.app, url, body, sender.sign(s, body, new Date()));
      expect(res.statusCode, res.body).toBe(200);
    }
  });
});

describe('senders whose scheme is not confirmed', () => {
  it.each([
    ['dhl_unified', 'subscription.push'],
    ['shippo', 'track_updated'],
    ['seventeentrack', 'TRACKING_UPDATED'],
  ])('%s connections default to a secret token in the URL', async (carrier) => {
    const m = await createMerchant(t.deps);
    const { view } = await t.deps.services.carrierConnections.create({ merchantId: m.id, carrier });
    expect(view.webhook?.auth).toBe('url_token');
    const token = view.newSecret?.secret as string;
    expect(view.newSecret?.webhookUrl).toBe(`http://localhost:3000/webhooks/${carrier}/${view.id}/${token}`);
    expect(view.webhook?.url).toBe(`http://localhost:3000/webhooks/${carrier}/${view.id}/{token}`);
    const body = JSON.stringify({ event: 'x' });
    const path = `/webhooks/${carrier}/${view.id}`;
    expect((await post(t.app, `${path}/${token}`, body, JSON_TYPE)).statusCode).toBe(200);
    const wrong = await post(t.app, `${path}/${token.slice(0, -1)}x`, body, JSON_TYPE);
    expect(wrong.statusCode).toBe(401);
    // Without its token the URL is not one this connection has.
    expect((await post(t.app, path, body, JSON_TYPE)).statusCode).toBe(404);
  });

  it('DHL pushes shipments to its token URL and they become events', async () => {
    const m = await createMerchant(t.deps);
    const doc = fixture('karrio/dhl_universal/TrackingResponseJSON.json');
    const number = doc.shipments[0].id as string;
    await t.deps.services.orders.upsert(m.id, {
      orderNumber: orderNumber(),
      shipments: [{ carrier: 'dhl_unified', trackingNumber: number }],
    });
    const { connection, view } = await t.deps.services.carrierConnections.create({
      merchantId: m.id,
      carrier: 'dhl_unified',
    });
    const body = JSON.stringify({ scope: 'subscription.push', self: 'https://api-eu.dhl.com/sub/1', ...doc });
    const res = await post(t.app, new URL(view.newSecret?.webhookUrl as string).pathname, body, JSON_TYPE);
    expect(res.statusCode, res.body).toBe(200);
    await waitProcessed(t.deps, connection.id, 1);
    expect(await shipmentState(m.id, number)).toEqual({ status: 'info_received', events: 1 });
  });

  it('a sender that signs nothing cannot be given signature authentication', async () => {
    const m = await createMerchant(t.deps);
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/carrier-connections',
      headers: { authorization: `Bearer ${m.keys.admin}` },
      payload: { carrier: 'dhl_unified', webhookAuth: 'signature' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        field: 'webhookAuth',
        reason: 'only url_token is available for this carrier',
      }),
    ]);
  });
});

describe('the real EasyPost webhook fixtures over HTTP', () => {
  const webhooks = EXPECTED.filter((e) => e.kind === 'webhook');
  it('covers every webhook fixture', () => {
    expect(webhooks.map((w) => w.file).sort()).toEqual([
      'easypost_examples/easypost/event-body.json',
      'easypost_examples/easypost/event_example.json',
      'easypost_examples/easypost/tracking-webhook.json',
      'easypost_examples/easypost/tracking_webhook_response.json',
    ]);
  });

  it.each(webhooks)('$file', async (entry) => {
    const m = await createMerchant(t.deps);
    const underlying = /^(\w+) via easypost$/.exec(entry.carrier)?.[1] ?? 'easypost';
    if (entry.tracking_number) {
      await t.deps.services.orders.upsert(m.id, {
        orderNumber: orderNumber(),
        shipments: [{ carrier: underlying, trackingNumber: entry.tracking_number }],
      });
    }
    const { connection, view } = await t.deps.services.carrierConnections.create({
      merchantId: m.id,
      carrier: 'easypost',
    });
    // The file's bytes as they are (the signature covers them); only event-body.json's published signature
    // was made over the file without its final newline.
    const raw = readFileSync(join(FIXTURES_DIR, entry.file), 'utf8');
    const body = entry.file.endsWith('event-body.json') ? raw.replace(/\n$/, '') : raw;
    const secret = view.newSecret?.secret as string;
    const signature = `hmac-sha256-hex=${hmac(secret.normalize('NFKD'), body).toString('hex')}`;
    const res = await post(t.app, `/webhooks/easypost/${connection.id}`, body, {
      ...JSON_TYPE,
      'x-hmac-signature': signature,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await waitProcessed(t.deps, connection.id, 1);
    // An Event without a Tracker is read and about no parcel: processed, not failed.
    expect(row?.state, row?.last_error ?? '').toBe('processed');
    if (entry.tracking_number) {
      expect(await shipmentState(m.id, entry.tracking_number)).toEqual({
        status: entry.expected_final_status,
        events: entry.expected_event_count,
      });
    }
  });
});
