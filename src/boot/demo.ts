import type { Logger } from 'pino';
import type { Deps } from '../deps.js';
import { type SandboxCarrier, startSandboxCarrier } from '../sandbox-carrier/index.js';
import { DEMO_MERCHANT } from './prepare.js';

// What `npm start` adds on a developer's machine: the sandbox carrier running inside the process, the demo
// merchant connected to it (API key for polls, a webhook for pushes), and a few demo orders whose parcels
// move through their journeys in minutes, half of them pushed by the sandbox and all of them polled.

const CONNECTION_NAME = 'Demo sandbox carrier';
const SANDBOX_API_KEY = 'sandbox-demo-key';
/** Fewer demo shipments still moving than this, and a new batch of demo orders is placed. */
const DEMO_ORDERS = 8;

// One shopper per language wismo writes in, and one whose language falls back to the merchant's.
const SHOPPERS = [
  {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+447700900123',
    smsConsent: true,
    locale: 'en-GB',
    timeZone: 'Europe/London',
  },
  {
    name: 'Kasia Nowak',
    email: 'kasia@example.pl',
    phone: '+48500100200',
    smsConsent: true,
    locale: 'pl',
    timeZone: 'Europe/Warsaw',
  },
  { name: 'Иван Петров', email: 'ivan@example.ru', locale: 'ru', timeZone: 'Europe/Moscow' },
  { name: '田中 由紀', email: 'yuki@example.jp', locale: 'ja-JP', timeZone: 'Asia/Tokyo' },
  { name: 'Siti Aminah', email: 'siti@example.my', locale: 'ms-MY', timeZone: 'Asia/Kuala_Lumpur' },
  { name: 'Jean Dupont', email: 'jean@example.fr', locale: 'fr', timeZone: 'Europe/Paris' },
];
const ITEMS = [
  { sku: 'MUG-01', name: 'Enamel mug', quantity: 2 },
  { sku: 'TEE-M', name: 'Organic T-shirt (M)', quantity: 1 },
  { sku: 'BAG-TOTE', name: 'Canvas tote bag', quantity: 1 },
  { sku: 'CANDLE-3', name: 'Soy candle, set of 3', quantity: 1 },
];

export async function startDemo(deps: Deps, logger: Logger): Promise<SandboxCarrier> {
  const { config, services } = deps;
  const sandbox = await startSandboxCarrier({
    host: '127.0.0.1',
    port: config.sandboxCarrier.port,
    speed: config.sandboxCarrier.speed,
    apiKeys: [SANDBOX_API_KEY],
    logger,
  });
  try {
    const merchant = await services.merchants.get(DEMO_MERCHANT.slug);
    const connections = await services.carrierConnections.list(merchant.id);
    let view = connections.find((c) => c.carrier === 'sandbox' && c.name === CONNECTION_NAME);
    if (!view) {
      view = (
        await services.carrierConnections.create({
          merchantId: merchant.id,
          carrier: 'sandbox',
          name: CONNECTION_NAME,
          credentials: { apiKey: SANDBOX_API_KEY },
        })
      ).view;
    }
    const connection = await services.carrierConnections.get(merchant.id, view.id);
    const secret = connection.webhookSecrets[0]?.secret;
    if (secret) sandbox.subscribe(`${config.publicBaseUrl}/webhooks/sandbox/${connection.id}`, secret);

    const moving = await services.shipments.countMoving(merchant.id, 'sandbox');
    if (moving < DEMO_ORDERS / 2) await placeDemoOrders(deps, merchant.id, sandbox);
    logger.info(
      `sandbox carrier at ${sandbox.url} (speed ${config.sandboxCarrier.speed}): demo parcels move in minutes; see them with GET /v1/orders`,
    );
    if (!config.notifications.email.smtpUrl) {
      logger.info(
        `no SMTP_URL: shopper emails are written to ${config.notifications.email.mailboxDir} (.eml files), SMS to its sms/ folder`,
      );
    }
    return sandbox;
  } catch (err) {
    await sandbox.close();
    throw err;
  }
}

async function placeDemoOrders(deps: Deps, merchantId: string, sandbox: SandboxCarrier): Promise<void> {
  // Half pushed by the sandbox (and polled), half only polled: both paths show in the demo.
  const parcels = [
    ...sandbox.createParcels(DEMO_ORDERS / 2, true),
    ...sandbox.createParcels(DEMO_ORDERS / 2, false),
  ];
  const stamp = Date.now().toString(36).toUpperCase();
  for (const [i, parcel] of parcels.entries()) {
    const shopper = SHOPPERS[i % SHOPPERS.length] as (typeof SHOPPERS)[number];
    const item = ITEMS[i % ITEMS.length] as (typeof ITEMS)[number];
    // As a storefront does it: the order, its confirmation, then the parcel; each is a message to the shopper.
    const { order } = await deps.services.orders.upsert(merchantId, {
      orderNumber: `DEMO-${stamp}-${i + 1}`,
      placedAt: new Date().toISOString(),
      customer: shopper,
      items: [item],
    });
    await deps.services.orders.addMilestone(merchantId, order.id, 'confirmed', undefined);
    await deps.services.orders.attachShipment(merchantId, order.id, {
      carrier: 'sandbox',
      trackingNumber: parcel.trackingNumber,
    });
  }
}
