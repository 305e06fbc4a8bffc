import { decodeBase64, header, hmac, jsonBody, MIB, matchesAnySecret } from '../support/signature.js';
import { ok, reject, type WebhookScheme } from '../webhook.js';

// AfterShip Tracking signs each webhook with the secret shown in its admin (Settings → Webhooks): the base64
// HMAC-SHA256 of the raw body, in `aftership-hmac-sha256`. Older organizations of AfterShip's other products
// send `am-webhook-signature: hmac-sha256=<base64>`, the same digest; both are read. The body's `event_id`
// (a UUID, the same on every retry) names the event. `ts` is not signed, so there is no replay window:
// repeats are caught by the event id instead.

const LEGACY_PREFIX = 'hmac-sha256=';

export const webhook: WebhookScheme = {
  description: 'aftership-hmac-sha256: base64 HMAC-SHA256 of the raw body with the AfterShip webhook secret',
  docs: 'https://www.aftership.com/docs/tracking/webhook/webhook-signature',
  setup:
    'Add the webhook URL in AfterShip (Settings → Webhooks), then give wismo the webhook secret AfterShip shows there.',
  note: 'AfterShip retries failed deliveries with the same event_id; `ts` is not signed, so there is no replay window, and a replayed body is stored once by its event id.',
  confirmed: true,
  secretIssuedBy: 'sender',
  contentTypes: ['application/json'],
  maxBodyBytes: 2 * MIB,
  keepHeaders: ['aftership-hmac-sha256', 'am-webhook-signature', 'user-agent'],
  verify(delivery, secrets) {
    const legacy = header(delivery, 'am-webhook-signature');
    const given =
      header(delivery, 'aftership-hmac-sha256') ??
      (legacy?.startsWith(LEGACY_PREFIX) ? legacy.slice(LEGACY_PREFIX.length) : legacy);
    if (!given) return reject('missing_signature', 'Missing header aftership-hmac-sha256.');
    const digest = decodeBase64(given);
    if (digest?.length !== 32) {
      return reject(
        'malformed_signature',
        'aftership-hmac-sha256 must be a base64 HMAC-SHA256 (44 characters).',
      );
    }
    return matchesAnySecret(secrets, (s) => hmac('sha256', s, delivery.body), digest)
      ? ok
      : reject('bad_signature', 'aftership-hmac-sha256 does not match an active secret.');
  },
  eventId(delivery) {
    const id = jsonBody(delivery)?.event_id;
    return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : null;
  },
};
