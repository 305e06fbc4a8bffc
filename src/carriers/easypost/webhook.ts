import {
  decodeHex,
  header,
  hmac,
  jsonBody,
  MIB,
  matchesAnySecret,
  randomSecret,
} from '../support/signature.js';
import { ok, reject, type WebhookScheme } from '../webhook.js';

// EasyPost signs with the webhook secret set when the webhook was created: X-Hmac-Signature is
// "hmac-sha256-hex=" and the hex HMAC-SHA256 of the raw body, keyed with the secret in Unicode NFKD form
// (what every EasyPost client library's validateWebhook does). The body's `id` (evt_…) is the event id.

const PREFIX = 'hmac-sha256-hex=';

export const webhook: WebhookScheme = {
  description:
    'X-Hmac-Signature: "hmac-sha256-hex=" + hex HMAC-SHA256 of the raw body, secret NFKD-normalized',
  docs: 'https://docs.easypost.com/guides/webhooks-guide#hmac-validation',
  setup:
    'Create the webhook (Dashboard → Webhooks, or POST /v2/webhooks) with the webhook URL and the secret wismo generated as webhook_secret.',
  confirmed: true,
  secretIssuedBy: 'wismo',
  contentTypes: ['application/json'],
  maxBodyBytes: 2 * MIB,
  keepHeaders: ['x-hmac-signature', 'x-timestamp', 'x-path', 'user-agent'],
  verify(delivery, secrets) {
    const given = header(delivery, 'x-hmac-signature');
    if (!given) return reject('missing_signature', 'Missing header X-Hmac-Signature.');
    const digest = given.startsWith(PREFIX) ? decodeHex(given.slice(PREFIX.length)) : null;
    if (digest?.length !== 32) {
      return reject('malformed_signature', 'X-Hmac-Signature must be "hmac-sha256-hex=" and 64 hex digits.');
    }
    const matched = matchesAnySecret(
      secrets,
      (s) => hmac('sha256', Buffer.from(s.normalize('NFKD'), 'utf8'), delivery.body),
      digest,
    );
    return matched ? ok : reject('bad_signature', 'X-Hmac-Signature does not match an active secret.');
  },
  eventId(delivery) {
    const id = jsonBody(delivery)?.id;
    return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : null;
  },
  newSecret: () => randomSecret(),
};
