import { decodeHex, header, hmac, MIB, matchesAnySecret } from '../support/signature.js';
import { ok, reject, type WebhookScheme } from '../webhook.js';

// Shippo documents three ways to trust its tracking webhooks: its IP ranges, a self-generated token in the
// URL, and HMAC (enabled by Shippo on request). The token is the documented default here. The HMAC form,
// `Shippo-Auth-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, is what Shippo's integrations
// implement but its format is not on the public page, so it is an opt-in (docs/carriers.md). Shippo says its
// tracking webhooks are not idempotent and carry no event id: repeats are caught by the body's hash.

export const SHIPPO_TOLERANCE_SECONDS = 5 * 60;

function parse(value: string): { t: string; v1: Buffer[] } | null {
  let t: string | null = null;
  const v1: Buffer[] = [];
  for (const part of value.split(',')) {
    const [k, v] = part.trim().split('=', 2);
    if (k === 't' && v && /^\d{1,12}$/.test(v)) t = v;
    if (k === 'v1' && v) {
      const d = decodeHex(v);
      if (d?.length === 32) v1.push(d);
    }
  }
  return t && v1.length > 0 ? { t, v1 } : null;
}

export const webhook: WebhookScheme = {
  description: 'Shippo-Auth-Signature: t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">',
  docs: 'https://docs.goshippo.com/tracking/webhook-security',
  setup:
    'Add the webhook (Settings → API → Webhooks, event track_updated) with the webhook URL and its token. With webhookAuth "signature", ask Shippo to enable HMAC and give wismo the secret it issues.',
  note: 'Shippo documents the URL token (its “self-generated token”) and says HMAC is enabled on request without publishing the header format; the format here is what Shippo integrations implement. Shippo is said to keep the original t on retries, so retries more than 5 minutes late would be refused under "signature": the URL token, the default, has no such window.',
  confirmed: false,
  secretIssuedBy: 'sender',
  contentTypes: ['application/json'],
  maxBodyBytes: 2 * MIB,
  keepHeaders: ['shippo-auth-signature', 'user-agent'],
  verify(delivery, secrets) {
    const value = header(delivery, 'shippo-auth-signature');
    if (!value) return reject('missing_signature', 'Missing header Shippo-Auth-Signature.');
    const parsed = parse(value);
    if (!parsed) {
      return reject('malformed_signature', 'Shippo-Auth-Signature must be "t=<seconds>,v1=<64 hex digits>".');
    }
    const age = Math.floor(delivery.now.getTime() / 1000) - Number(parsed.t);
    if (age > SHIPPO_TOLERANCE_SECONDS) {
      return reject(
        'stale_timestamp',
        `The signature is ${age} s old; at most ${SHIPPO_TOLERANCE_SECONDS} s is accepted.`,
      );
    }
    if (-age > SHIPPO_TOLERANCE_SECONDS) {
      return reject(
        'future_timestamp',
        `The signature is ${-age} s in the future; at most ${SHIPPO_TOLERANCE_SECONDS} s is accepted.`,
      );
    }
    const signed = Buffer.concat([Buffer.from(`${parsed.t}.`, 'utf8'), delivery.body]);
    let matched = false;
    for (const given of parsed.v1)
      matched = matchesAnySecret(secrets, (s) => hmac('sha256', s, signed), given) || matched;
    return matched ? ok : reject('bad_signature', 'Shippo-Auth-Signature does not match an active secret.');
  },
};
