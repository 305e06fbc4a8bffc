import { expect } from 'vitest';
import { sandboxTrackingNumber } from '../../src/carriers/sandbox/format.js';
import { bearer, orderNumber, type TestApp, type TestMerchant } from './context.js';
import type { Answer, Asked } from './fake-carrier.js';

// Shared by the polling tests: shipments in bulk through the API, sandbox answers, waiting for a state.

let serial = Math.floor(Math.random() * 1e9);

/** `count` shipments of `carrier` (50 to an order, the most an order takes); their ids and numbers. */
export async function seedShipments(
  t: TestApp,
  m: TestMerchant,
  count: number,
  carrier = 'sandbox',
  numberOf: (i: number) => string = () => sandboxTrackingNumber(serial++),
): Promise<{ id: string; trackingNumber: string }[]> {
  const out: { id: string; trackingNumber: string }[] = [];
  for (let i = 0; i < count; i += 50) {
    const n = Math.min(50, count - i);
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: bearer(m.keys.write),
      payload: {
        orderNumber: orderNumber('S'),
        shipments: Array.from({ length: n }, (_, k) => ({ carrier, trackingNumber: numberOf(i + k) })),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    out.push(...(res.json() as { shipments: { id: string; trackingNumber: string }[] }).shipments);
  }
  return out;
}

/** The numbers a sandbox batch request asked for. */
export const askedNumbers = (a: Asked): string[] =>
  a.body ? ((JSON.parse(a.body) as { trackingNumbers?: string[] }).trackingNumbers ?? []) : [];

/** A sandbox batch answer: each number with the given events (code, ISO time). */
export function sandboxAnswer(
  asked: Asked,
  events: (n: string) => { code: string; at: string }[] = () => [
    { code: 'PU', at: new Date(Date.now() - 3_600_000).toISOString() },
  ],
  extra: (n: string) => Record<string, unknown> = () => ({}),
): Answer {
  return {
    body: JSON.stringify({
      results: askedNumbers(asked).map((n) => ({
        trackingNumber: n,
        ...extra(n),
        events: events(n).map((e) => ({ code: e.code, description: e.code, occurredAt: e.at })),
      })),
    }),
  };
}

export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  ms = 15_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
