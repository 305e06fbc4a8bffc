import { verifyStandardWebhook } from '../../lib/standard-webhooks.js';
import { header, MIB, randomSecret } from '../support/signature.js';
import { ok, reject, type WebhookScheme } from '../webhook.js';

// The sandbox carrier signs with Standard Webhooks, like a well-behaved modern sender; the webhook-id is its
// event id, so a redelivery is recognised even if the body were re-serialized.

export const webhook: WebhookScheme = {
  description:
    'Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature "v1,<base64 HMAC-SHA256>"',
  docs: 'https://www.standardwebhooks.com/',
  setup: 'The sandbox carrier is given the URL and the secret when it is started for a merchant.',
  confirmed: true,
  secretIssuedBy: 'wismo',
  contentTypes: ['application/json'],
  maxBodyBytes: MIB,
  keepHeaders: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
  verify(delivery, secrets) {
    const verdict = verifyStandardWebhook(delivery.headers, delivery.body, secrets, delivery.now);
    return verdict.ok ? ok : reject(verdict.reason, verdict.detail);
  },
  eventId: (delivery) => header(delivery, 'webhook-id') ?? null,
  newSecret: () => `whsec_${Buffer.from(randomSecret(), 'base64url').toString('base64')}`,
};
