import { createHmac } from 'node:crypto';
import { safeEqual } from '../carriers/support/signature.js';
import { deriveKey } from '../lib/secret-box.js';

// Signed links to an order's tracking page (`/t/<token>`), as messages carry them: scoped to one order,
// expiring, and unguessable without the key. The token holds the order id and the expiry, MAC'd with a key
// derived from ENCRYPTION_KEY, so a link needs no table and survives restarts; rotating the key voids links.
// Layout: version (1) | order id (16) | expiry in Unix seconds (4) | HMAC-SHA256 truncated to 16 bytes.

const VERSION = 1;
const MAC_BYTES = 16;
const BODY_BYTES = 1 + 16 + 4;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export class TrackingLinks {
  private readonly key: Buffer;

  constructor(
    encryptionKey: Buffer,
    private readonly baseUrl: string,
    private readonly ttlMs: number,
  ) {
    this.key = deriveKey(encryptionKey, 'wismo tracking links');
  }

  /** A token for the order, valid for ttlMs (the configured lifetime of links in messages by default). */
  token(orderId: string, now = new Date(), ttlMs = this.ttlMs): string {
    const body = Buffer.alloc(BODY_BYTES);
    body[0] = VERSION;
    Buffer.from(orderId.replaceAll('-', ''), 'hex').copy(body, 1);
    // Expiry rounded up to the end of a UTC day (of an hour, for short-lived links): the same order's link is
    // the same all day (an API read twice answers the same), and it lives at least ttlMs.
    const step = ttlMs >= 2 * DAY_MS ? DAY_MS : HOUR_MS;
    const expires = Math.ceil((now.getTime() + ttlMs) / step) * step;
    body.writeUInt32BE(Math.floor(expires / 1000), 17);
    return Buffer.concat([body, this.mac(body)]).toString('base64url');
  }

  url(orderId: string, now = new Date()): string {
    return `${this.baseUrl}/t/${this.token(orderId, now)}`;
  }

  /** The order a token grants, or null when it was altered, signed with another key, or has expired. */
  verify(token: string, now = new Date()): { orderId: string; expiresAt: Date } | null {
    const read = this.read(token);
    return read && read.expiresAt > now ? read : null;
  }

  /** The order a genuine token names, expired or not (an expired link still says whose page it was). */
  read(token: string): { orderId: string; expiresAt: Date } | null {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(token)) return null;
    const raw = Buffer.from(token, 'base64url');
    // One spelling per token: base64url's last character carries spare bits that decoding ignores.
    if (raw.length !== BODY_BYTES + MAC_BYTES || raw[0] !== VERSION || raw.toString('base64url') !== token) {
      return null;
    }
    const body = raw.subarray(0, BODY_BYTES);
    if (!safeEqual(this.mac(body), raw.subarray(BODY_BYTES))) return null;
    const expiresAt = new Date(body.readUInt32BE(17) * 1000);
    const hex = body.subarray(1, 17).toString('hex');
    const orderId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return { orderId, expiresAt };
  }

  private mac(body: Buffer): Buffer {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, MAC_BYTES);
  }
}
