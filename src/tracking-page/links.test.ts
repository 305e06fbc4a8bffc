import { describe, expect, it } from 'vitest';
import { TrackingLinks } from './links.js';

const key = Buffer.alloc(32, 7);
const orderId = '0b6f2c1e-8d3a-4f7b-9c2d-1e5a6b7c8d9e';
const day = 86_400_000;

describe('TrackingLinks', () => {
  const links = new TrackingLinks(key, 'https://track.example.com', 30 * day);
  const now = new Date('2026-12-05T12:00:00Z');

  it('round-trips the order id and expiry in a short URL-safe token', () => {
    const token = links.token(orderId, now);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,60}$/);
    // At least the lifetime, to the end of that UTC day: the link is the same all day.
    expect(links.verify(token, now)).toEqual({ orderId, expiresAt: new Date('2027-01-05T00:00:00Z') });
    expect(links.token(orderId, new Date('2026-12-05T23:59:00Z'))).toBe(token);
    expect(links.url(orderId, now)).toBe(`https://track.example.com/t/${token}`);
  });

  it('refuses expired, altered, foreign and malformed tokens', () => {
    const token = links.token(orderId, now);
    expect(links.verify(token, new Date(now.getTime() + 31 * day))).toBe(null);
    expect(links.verify(links.token(orderId, now, 3_600_000), new Date(now.getTime() + 13 * 3_600_000))).toBe(
      null,
    );
    const raw = Buffer.from(token, 'base64url');
    raw[5] = (raw[5] ?? 0) ^ 1;
    expect(links.verify(raw.toString('base64url'), now)).toBe(null);
    const other = new TrackingLinks(Buffer.alloc(32, 8), 'https://x', 30 * day);
    expect(other.verify(token, now)).toBe(null);
    expect(links.verify('', now)).toBe(null);
    expect(links.verify('not a token!', now)).toBe(null);
    expect(links.verify(token.slice(0, -2), now)).toBe(null);
  });
});
