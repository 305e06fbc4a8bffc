import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { WebhookDelivery } from '../webhook.js';

// The building blocks of webhook signature schemes. Every comparison is constant-time over decoded bytes, and
// every active secret is tried without stopping early, so timing tells nothing about which secret or how
// many bytes matched.

export function hmac(algorithm: 'sha256' | 'sha1', key: string | Buffer, data: Buffer | string): Buffer {
  return createHmac(algorithm, key).update(data).digest();
}

export function sha256(data: Buffer | string): Buffer {
  return createHash('sha256').update(data).digest();
}

/** Constant-time equality; different lengths are unequal (length is not secret: digests have fixed sizes). */
export function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function decodeHex(value: string): Buffer | null {
  return /^(?:[0-9a-fA-F]{2})+$/.test(value) ? Buffer.from(value, 'hex') : null;
}

export function decodeBase64(value: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return null;
  return Buffer.from(value, 'base64');
}

/** True when `given` equals the digest any secret yields. All secrets are always computed. */
export function matchesAnySecret(
  secrets: readonly string[],
  digest: (secret: string) => Buffer,
  given: Buffer,
): boolean {
  let matched = false;
  for (const secret of secrets) matched = safeEqual(digest(secret), given) || matched;
  return matched;
}

/** Same, for a shared value sent as is (a credential header, a URL token): hashed first so lengths agree. */
export function equalsAnySecret(secrets: readonly string[], given: string): boolean {
  return matchesAnySecret(secrets, (s) => sha256(s), sha256(given));
}

export function header(delivery: WebhookDelivery, name: string): string | undefined {
  const v = delivery.headers[name];
  return v === undefined || v === '' ? undefined : v;
}

/** 32 random bytes, URL-safe: for secrets wismo issues and for URL tokens. */
export function randomSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** The body's JSON, or null: event ids are read from it when the sender puts them there. */
export function jsonBody(delivery: WebhookDelivery): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(delivery.body.toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const KIB = 1024;
export const MIB = 1024 * KIB;
