import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleSessions } from '../src/console/session.js';
import {
  bearer,
  createMerchant,
  createTestApp,
  orderNumber,
  type TestApp,
  type TestMerchant,
  trackingNumber,
} from './helpers/context.js';

// The agent console's sessions and their protections, request by request (the browser test drives it as an
// agent would): who may sign in, what the cookie is, that forms need the session's token and this origin,
// that a revoked key ends its sessions, and that an agent sees their own merchant's orders only.

let t: TestApp;
let m: TestMerchant;
let other: TestMerchant;
const ORIGIN = 'http://localhost:3000';

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_BASE_URL: ORIGIN });
  m = await createMerchant(t.deps, 'Console Store');
  other = await createMerchant(t.deps, 'Other Store');
});
afterAll(() => t.close());

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

async function signIn(key: string, headers: Record<string, string> = { origin: ORIGIN }) {
  return t.app.inject({
    method: 'POST',
    url: '/console/sign-in',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: form({ key }),
  });
}

async function session(key = m.keys.agent): Promise<{ cookie: string; csrf: string }> {
  const res = await signIn(key);
  expect(res.statusCode, res.body).toBe(303);
  const cookie = `wismo_console=${res.cookies.find((c) => c.name === 'wismo_console')?.value}`;
  const page = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie } });
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  expect(csrf).not.toBe('');
  return { cookie, csrf };
}

async function createOrder(merchant: TestMerchant, customer: object = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: bearer(merchant.keys.write),
    payload: {
      orderNumber: orderNumber('C'),
      customer,
      shipments: [{ carrier: 'ups', trackingNumber: trackingNumber() }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; orderNumber: string; shipments: { id: string }[] };
}

describe('agent console sessions', () => {
  it('shows the sign-in form, and signs an agent key in with an HttpOnly, SameSite=Strict cookie', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/console' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['content-security-policy']).not.toMatch(/script-src/);
    expect(page.body).toContain('name="key"');

    const res = await signIn(m.keys.agent);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/console');
    const cookie = res.cookies.find((c) => c.name === 'wismo_console');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.maxAge).toBe(8 * 3600);
    // The key never reaches the cookie or the page.
    expect(cookie?.value).not.toContain(m.keys.agent);
    const { cookie: c } = await session();
    const home = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie: c } });
    expect(home.body).not.toContain(m.keys.agent);
    expect(home.body).toContain('Console Store');
  });

  it('refuses keys that are wrong, lack the agent scope, or are posted from another site', async () => {
    const wrong = await signIn('wsk_live_not_a_key');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('not valid');
    expect(wrong.cookies).toHaveLength(0);
    for (const key of [m.keys.write, m.keys.read]) {
      const res = await signIn(key);
      expect(res.statusCode).toBe(403);
      expect(res.cookies).toHaveLength(0);
    }
    // An admin key implies the agent scope.
    expect((await signIn(m.keys.admin)).statusCode).toBe(303);
    // Login CSRF: a form on another site, or no origin at all, signs nobody in.
    expect((await signIn(m.keys.agent, { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await signIn(m.keys.agent, {})).statusCode).toBe(403);
  });

  it('rejects forged, tampered and expired cookies', async () => {
    const { cookie } = await session();
    const value = cookie.split('=')[1] as string;
    const parts = value.split('.');
    const tampered = [parts[0], parts[1], String(Number(parts[2]) + 86_400), parts[3], parts[4]].join('.');
    for (const bad of ['wismo_console=v1.x.1.y.z', `wismo_console=${tampered}`, 'wismo_console=']) {
      const page = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie: bad } });
      expect(page.body).toContain('name="key"');
    }
    const order = await createOrder(m);
    const page = await t.app.inject({
      method: 'GET',
      url: `/console/orders/${order.id}`,
      headers: { cookie: 'wismo_console=v1.x.1.y.z' },
    });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/console');
  });

  it('needs the session’s form token and this origin for every post', async () => {
    const { cookie, csrf } = await session();
    const order = await createOrder(m);
    const url = `/console/orders/${order.id}/shipments/${order.shipments[0]?.id}/refresh`;
    const post = (fields: Record<string, string>, headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: form(fields),
      });
    expect((await post({}, { origin: ORIGIN })).statusCode).toBe(403);
    expect((await post({ csrf: 'x'.repeat(43) }, { origin: ORIGIN })).statusCode).toBe(403);
    expect((await post({ csrf }, { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await post({ csrf }, {})).statusCode).toBe(403);
    // Another session's token is not this one's.
    const second = await session();
    expect(second.csrf).not.toBe(csrf);
    expect((await post({ csrf: second.csrf }, { origin: ORIGIN })).statusCode).toBe(403);
    // With both, the refresh is tried (UPS has no connection here) and the order page says why.
    const ok = await post({ csrf }, { referer: `${ORIGIN}/console/orders/${order.id}` });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/console/orders/${order.id}?refreshed=unpollable`);
    const page = await t.app.inject({
      method: 'GET',
      url: ok.headers.location as string,
      headers: { cookie },
    });
    expect(page.body).toContain('no carrier connection');
  });

  it('ends every session of a revoked key, and signs the browser out', async () => {
    const key = await t.deps.services.apiKeys.create(m.id, ['agent'], 'temp agent');
    const { cookie, csrf } = await session(key.key);
    expect(
      (await t.app.inject({ method: 'GET', url: '/console?q=abc', headers: { cookie } })).body,
    ).toContain('Orders matching');
    await t.deps.services.apiKeys.revoke(key.prefix);
    const after = await t.app.inject({ method: 'GET', url: '/console?q=abc', headers: { cookie } });
    expect(after.body).toContain('name="key"');

    const s = await session();
    const out = await t.app.inject({
      method: 'POST',
      url: '/console/sign-out',
      headers: { cookie: s.cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ csrf: s.csrf }),
    });
    expect(out.statusCode).toBe(303);
    expect(out.cookies.find((c) => c.name === 'wismo_console')?.value).toBe('');
    void csrf;
  });

  it('shows an agent their own merchant’s orders only', async () => {
    const mine = await createOrder(m, { name: 'Zofia Nowak', email: 'zofia@example.pl' });
    const theirs = await createOrder(other, { name: 'Zofia Nowak', email: 'zofia@example.pl' });
    const { cookie } = await session();
    const found = await t.app.inject({
      method: 'GET',
      url: '/console?q=zofia%40example.pl',
      headers: { cookie },
    });
    expect(found.body).toContain(mine.orderNumber);
    expect(found.body).not.toContain(theirs.orderNumber);
    const page = await t.app.inject({
      method: 'GET',
      url: `/console/orders/${mine.id}`,
      headers: { cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('zofia@example.pl');
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/console/orders/${theirs.id}`,
      headers: { cookie },
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('zofia@example.pl');
    const bad = await t.app.inject({ method: 'GET', url: '/console/orders/not-an-id', headers: { cookie } });
    expect(bad.statusCode).toBe(404);
    expect(bad.headers['content-type']).toMatch(/text\/html/);
    const payload = await t.app.inject({
      method: 'GET',
      url: '/console/raw-payloads/999999999',
      headers: { cookie },
    });
    expect(payload.statusCode).toBe(404);
  });

  it('shows analytics for the period asked, and says which field is wrong', async () => {
    const { cookie } = await session();
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
    const page = await get('/console/analytics?from=2026-11-01&to=2026-12-01');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('value="2026-11-01"');
    const backwards = await get('/console/analytics?from=2026-12-01&to=2026-11-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toMatch(/\bto\b/);
    const odd = await get('/console/analytics?groupBy=planet');
    expect(odd.statusCode).toBe(400);
    expect(odd.body).toContain('groupBy');
    const anonymous = await t.app.inject({ method: 'GET', url: '/console/analytics' });
    expect(anonymous.statusCode).toBe(303);
  });

  it('lets an operator key in for the queue dashboard only', async () => {
    const operator = await t.deps.services.apiKeys.create(m.id, ['operator'], 'operations');
    const { cookie } = await session(operator.key);
    const home = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie } });
    expect(home.body).toContain('href="/admin/queues"');
    expect(home.body).not.toContain('role="search"');
    const order = await createOrder(m, { email: 'hidden@example.com' });
    for (const url of [`/console/orders/${order.id}`, '/console/analytics', '/console/raw-payloads/1']) {
      const page = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(page.statusCode, url).toBe(403);
      expect(page.body).not.toContain('hidden@example.com');
    }
    // A merchant's admin is an agent here, and no operator: no dashboard link.
    const admin = await session(m.keys.admin);
    const adminHome = await t.app.inject({
      method: 'GET',
      url: '/console',
      headers: { cookie: admin.cookie },
    });
    expect(adminHome.body).toContain('role="search"');
    expect(adminHome.body).not.toContain('href="/admin/queues"');
  });

  it('ends a session when its time is up', async () => {
    const past = new ConsoleSessions(
      t.deps.config.encryptionKey,
      t.deps.services.apiKeys,
      3_600_000,
      false,
      () => Date.now() - 2 * 3_600_000,
    );
    const signed = await past.signIn(m.keys.agent);
    if (signed === null || signed === 'forbidden') throw new Error('the agent key should sign in');
    // Genuine (the same key signs it), but an hour past its expiry.
    expect(await past.read(signed.cookie)).not.toBeNull();
    const page = await t.app.inject({
      method: 'GET',
      url: '/console',
      headers: { cookie: `wismo_console=${signed.cookie}` },
    });
    expect(page.body).toContain('name="key"');
  });

  it('answers odd requests with console pages, and its own failures without leaking them', async () => {
    const { cookie, csrf } = await session();
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
    const missing = await get('/console/no-such-page');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/text\/html/);
    const repeated = await get('/console/analytics?from=2026-11-01&from=2026-11-02');
    expect(repeated.statusCode).toBe(400);
    expect(repeated.body).toContain('from');
    const odd = await get(`/console/orders/${(await createOrder(m)).id}?refreshed=constructor`);
    expect(odd.statusCode).toBe(200);
    expect(odd.body).not.toContain('role="status"');
    const long = await signIn('x'.repeat(500));
    expect(long.statusCode).toBe(401);
    expect(long.body).toContain('not valid');
    // Another merchant's shipment cannot be refreshed through this merchant's session.
    const theirs = await createOrder(other);
    const refresh = await t.app.inject({
      method: 'POST',
      url: `/console/orders/${theirs.id}/shipments/${theirs.shipments[0]?.id}/refresh`,
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ csrf }),
    });
    expect(refresh.statusCode).toBe(404);
    // A failure of ours is a page with the request id to quote, not JSON and not the error.
    const search = t.deps.services.search;
    const original = search.search.bind(search);
    search.search = async () => {
      throw new Error('boom: connection string postgres://secret');
    };
    try {
      const failed = await get('/console?q=anna');
      expect(failed.statusCode).toBe(500);
      expect(failed.headers['content-type']).toMatch(/text\/html/);
      expect(failed.body).toContain(String(failed.headers['x-request-id']));
      expect(failed.body).not.toContain('secret');
    } finally {
      search.search = original;
    }
  });

  it('escapes what shoppers typed', async () => {
    const order = await createOrder(m, { name: '<script>alert(1)</script>', email: 'x@example.com' });
    const { cookie } = await session();
    const page = await t.app.inject({
      method: 'GET',
      url: `/console/orders/${order.id}`,
      headers: { cookie },
    });
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const search = await t.app.inject({
      method: 'GET',
      url: `/console?q=${encodeURIComponent('"><img src=x>')}`,
      headers: { cookie },
    });
    expect(search.body).not.toContain('"><img src=x>');
  });
});
