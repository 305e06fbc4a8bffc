import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createMerchant,
  createTestApp,
  type TestApp,
  type TestMerchant,
  trackingNumber,
} from './helpers/context.js';

// Agent search on a small seeded store: each kind of input finds its order, partial and case-insensitive
// where that makes sense, the exact match first, and never another merchant's order.

let t: TestApp;
let m: TestMerchant;
let other: TestMerchant;
const orders: Record<string, { id: string; orderNumber: string; shipments: { trackingNumber: string }[] }> =
  {};

async function order(key: string, merchant: TestMerchant, body: object) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: bearer(merchant.keys.write),
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  orders[key] = res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  m = await createMerchant(t.deps, 'Search Store');
  other = await createMerchant(t.deps, 'Other Store');
  const stamp = Date.now().toString(36).toUpperCase();
  await order('anna', m, {
    orderNumber: `WS-${stamp}-1001`,
    customer: { name: 'Anna Kowalska', email: 'anna.kowalska@example.pl', phone: '+48500100200' },
    shipments: [{ carrier: 'ups', trackingNumber: trackingNumber() }],
  });
  await order('annabel', m, {
    orderNumber: `WS-${stamp}-1002`,
    customer: { name: 'Annabel Lee', email: 'annabel@example.com', phone: '+14155550123' },
  });
  await order('john', m, {
    orderNumber: `WS-${stamp}-2001`,
    customer: { name: 'John Kowalski', email: 'jk@example.com', phone: '+48600700800' },
    shipments: [{ carrier: 'ups', trackingNumber: trackingNumber() }],
  });
  // Another merchant's shopper with the same name and number pattern: never found by this merchant.
  await order('stranger', other, {
    orderNumber: `WS-${stamp}-1001`,
    customer: { name: 'Anna Kowalska', email: 'anna.kowalska@example.pl', phone: '+48500100200' },
  });
});
afterAll(() => t.close());

async function search(q: string, key = m.keys.agent) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/v1/search?q=${encodeURIComponent(q)}`,
    headers: bearer(key),
  });
  return res;
}
const ids = async (q: string) => (await search(q)).json().data.map((h: { orderId: string }) => h.orderId);
const id = (key: string) => orders[key]?.id;

describe('agent search', () => {
  it('finds an order by its number, exactly or in part, in any case, with a leading #', async () => {
    const number = orders.anna?.orderNumber ?? '';
    expect((await ids(number))[0]).toBe(id('anna'));
    expect((await ids(`#${number.toLowerCase()}`))[0]).toBe(id('anna'));
    const hits = (await search(number.slice(0, -2))).json().data;
    expect(hits.map((h: { orderId: string }) => h.orderId)).toEqual(
      expect.arrayContaining([id('anna'), id('annabel')]),
    );
    expect(hits[0]).toMatchObject({ matchedOn: 'order_number' });
  });

  it('finds by email, whole or part, in any case', async () => {
    const hits = (await search('ANNA.Kowalska@example.pl')).json().data;
    expect(hits[0]).toMatchObject({ orderId: id('anna'), matchedOn: 'email', score: 0.95 });
    expect(await ids('annabel@')).toEqual([id('annabel')]);
  });

  it('finds by phone digits however they are typed', async () => {
    for (const q of ['+48 500 100 200', '500-100-200', '0048500100200'.slice(4)]) {
      const hits = (await search(q)).json().data;
      expect(hits[0], q).toMatchObject({ orderId: id('anna'), matchedOn: 'phone' });
    }
  });

  it('finds by tracking number, exactly first', async () => {
    const number = orders.john?.shipments[0]?.trackingNumber ?? '';
    const hits = (await search(number.toLowerCase())).json().data;
    expect(hits[0]).toMatchObject({ orderId: id('john'), matchedOn: 'tracking_number', score: 1 });
    expect(hits[0].trackingNumbers).toEqual([number]);
  });

  it('finds by name, best match first, forgiving a typo', async () => {
    const exact = (await search('anna kowalska')).json().data;
    expect(exact[0]).toMatchObject({ orderId: id('anna'), matchedOn: 'name' });
    expect(exact.map((h: { orderId: string }) => h.orderId)).not.toContain(id('stranger'));
    const family = await ids('kowalsk');
    expect(family).toEqual(expect.arrayContaining([id('anna'), id('john')]));
    expect((await ids('Ana Kowalska'))[0]).toBe(id('anna'));
  });

  it('takes % and _ literally, answers nothing found with an empty list, and checks its input', async () => {
    expect((await search('%%%')).json().data).toEqual([]);
    expect((await search('zzqqxx')).json().data).toEqual([]);
    const short = await search('a');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ in: 'query', field: 'q' });
  });

  it('is for agents: storefront and writer keys are refused', async () => {
    expect((await search('anna', m.keys.read)).statusCode).toBe(403);
    expect((await search('anna', m.keys.write)).statusCode).toBe(403);
    expect((await search('anna', m.keys.admin)).statusCode).toBe(200);
  });
});
