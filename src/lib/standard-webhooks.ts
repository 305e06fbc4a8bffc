import { createHmac } from 'node:crypto';
import { decodeBase64, safeEqual } from '../carriers/support/signature.js';

// The Standard Webhooks scheme (standardwebhooks.com): HMAC-SHA256 over `id.timestamp.body` with the base64
// key after the `whsec_` prefix, sent as space-separated `v1,<base64>` signatures. The reference package
// (`standardwebhooks`) converts the body to a string before signing, which alters bytes that are not UTF-8,
// and reads the wall clock itself; this keeps the raw bytes and takes the clock as an argument. Tests check
// both against each other.

export const STANDARD_WEBHOOKS_TOLERANCE_SECONDS = 5 * 60;
const PREFIX = 'whsec_';

export type StandardVerdict =
  | { ok: true }
  | {
      ok: false;
      reason:
        | 'missing_signature'
        | 'malformed_signature'
        | 'bad_signature'
        | 'stale_timestamp'
        | 'future_timestamp';
      detail: string;
    };

export function standardWebhookKey(secret: string): Buffer | null {
  const key = decodeBase64(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret);
  return key && key.length > 0 ? key : null;
}

function signedContent(id: string, timestamp: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), body]);
}

/** The `webhook-signature` value for one secret: `v1,<base64>`. */
export function standardSignature(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: Buffer,
): string {
  const key = standardWebhookKey(secret);
  if (!key) throw new Error('a Standard Webhooks secret is "whsec_" followed by base64');
  const mac = createHmac('sha256', key)
    .update(signedContent(id, String(timestampSeconds), body))
    .digest();
  return `v1,${mac.toString('base64')}`;
}

export function verifyStandardWebhook(
  headers: Readonly<Record<string, string | undefined>>,
  body: Buffer,
  secrets: readonly string[],
  now: Date,
): StandardVerdict {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signature = headers['webhook-signature'];
  const missing = [
    ['webhook-id', id],
    ['webhook-timestamp', timestamp],
    ['webhook-signature', signature],
  ]
    .filter(([, v]) => !v)
    .map(([n]) => n);
  if (missing.length > 0) {
    return { ok: false, reason: 'missing_signature', detail: `Missing header ${missing.join(', ')}.` };
  }
  if (!/^\d{1,12}$/.test(timestamp as string)) {
    return {
      ok: false,
      reason: 'malformed_signature',
      detail: 'webhook-timestamp must be whole seconds since 1970.',
    };
  }
  const age = Math.floor(now.getTime() / 1000) - Number(timestamp);
  if (age > STANDARD_WEBHOOKS_TOLERANCE_SECONDS) {
    return {
      ok: false,
      reason: 'stale_timestamp',
      detail: `webhook-timestamp is ${age} s old; at most ${STANDARD_WEBHOOKS_TOLERANCE_SECONDS} s is accepted.`,
    };
  }
  if (-age > STANDARD_WEBHOOKS_TOLERANCE_SECONDS) {
    return {
      ok: false,
      reason: 'future_timestamp',
      detail: `webhook-timestamp is ${-age} s in the future; at most ${STANDARD_WEBHOOKS_TOLERANCE_SECONDS} s is accepted.`,
    };
  }
  const given = (signature as string)
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => decodeBase64(s.slice(3)))
    .filter((b): b is Buffer => b !== null && b.length === 32);
  if (given.length === 0) {
    return {
      ok: false,
      reason: 'malformed_signature',
      detail: 'webhook-signature holds no "v1,<base64 HMAC-SHA256>" signature.',
    };
  }
  const content = signedContent(id as string, timestamp as string, body);
  // Every key against every signature, without stopping at the first match (constant time per secret).
  let matched = false;
  for (const secret of secrets) {
    const key = standardWebhookKey(secret);
    if (!key) continue;
    const mac = createHmac('sha256', key).update(content).digest();
    for (const g of given) matched = safeEqual(mac, g) || matched;
  }
  return matched
    ? { ok: true }
    : { ok: false, reason: 'bad_signature', detail: 'No webhook-signature matches an active secret.' };
}
