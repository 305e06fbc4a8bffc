import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DASHBOARD_CSP } from '../src/http/bull-board.js';
import { launchBrowser, screenshot } from './helpers/browser.js';
import { bearer, createMerchant, createTestApp, type TestApp, type TestMerchant } from './helpers/context.js';

// The queue dashboard at /admin/queues: an operator tool, open to admin keys only. It shows every queue of
// the deployment, whichever merchant a job belongs to: there is no per-merchant view to test for leaks across
// tenants here, and no merchant's key but an admin one gets in at all.

let t: TestApp;
let m: TestMerchant;
/** The deployment's operator: only the CLI mints such keys; a merchant's admin scope does not reach here. */
let operator: string;

beforeAll(async () => {
  // A queue prefix of this file's own: the actions tried here (pausing a queue) touch no other file's jobs.
  t = await createTestApp({ QUEUE_PREFIX: `${inject('queuePrefix')}-board` });
  m = await createMerchant(t.deps, 'Board Store');
  operator = (await t.deps.services.apiKeys.create(m.id, ['operator'], 'operations')).key;
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, key?: string) => t.app.inject({ url, headers: key ? bearer(key) : {} });

describe('the queue dashboard', () => {
  it('asks for an API key, as problem+json', async () => {
    for (const url of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/images/logo.svg']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json()).toMatchObject({ status: 401, code: 'unauthorized' });
    }
    const wrong = await get('/admin/queues', 'wismo_nope_not-a-key');
    expect(wrong.statusCode).toBe(401);
  });

  it('turns away keys without the operator scope, a merchant’s admin included, as problem+json', async () => {
    for (const key of [m.keys.admin, m.keys.agent, m.keys.write, m.keys.read]) {
      const res = await get('/admin/queues/api/queues', key);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 403, code: 'forbidden' });
      // Nothing of the queues themselves.
      expect(res.body).not.toMatch(/poll-|normalize|maintenance/);
    }
  });

  it('shows the page to an admin, under its own content security policy', async () => {
    const res = await get('/admin/queues', operator);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<base href="/admin/queues/"');
    expect(res.headers['content-security-policy']).toBe(DASHBOARD_CSP);
    expect(res.headers['cache-control']).toBe('no-store');
    // Its scripts are files of this origin, which the policy allows, and they are served.
    const scripts = [...res.body.matchAll(/<script[^>]*src="([^"]+)"/g)].map((s) => s[1] as string);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).toMatch(/^static\//);
      const file = await get(`/admin/queues/${src}`, operator);
      expect(file.statusCode, src).toBe(200);
      expect(file.headers['content-type']).toMatch(/javascript/);
    }
    expect(res.body).not.toMatch(/<script(?![^>]*(src=|type="application\/json"))[^>]*>/);
  });

  it('lists every wismo queue, the per-carrier poll queues included', async () => {
    const res = await get('/admin/queues/api/queues', operator);
    expect(res.statusCode, res.body).toBe(200);
    const names = (res.json() as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'maintenance',
        'merchant-webhooks',
        'normalize',
        'notifications',
        'poll-sandbox',
        'poll-ups',
        'poll-fedex',
      ]),
    );
    expect(names.filter((n) => n.startsWith('poll-')).length).toBeGreaterThanOrEqual(3);
  });

  it('lets the operator act on a queue, and no one else', async () => {
    const put = (url: string, key: string) =>
      t.app.inject({ method: 'PUT', url: `/admin/queues/api/queues/poll-ups/${url}`, headers: bearer(key) });
    const paused = async () => {
      const res = await get('/admin/queues/api/queues', operator);
      return (res.json() as { queues: { name: string; isPaused: boolean }[] }).queues.find(
        (q) => q.name === 'poll-ups',
      )?.isPaused;
    };
    expect((await put('pause', m.keys.agent)).statusCode).toBe(403);
    expect((await put('pause', m.keys.admin)).statusCode).toBe(403);
    expect(await paused()).toBe(false);
    expect((await put('pause', operator)).statusCode).toBeLessThan(300);
    expect(await paused()).toBe(true);
    expect((await put('resume', operator)).statusCode).toBeLessThan(300);
    expect(await paused()).toBe(false);
  });

  it('leaves the API’s own headers as they were', async () => {
    const res = await get('/healthz');
    expect(res.headers['content-security-policy']).not.toBe(DASHBOARD_CSP);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('stays out of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/docs/json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/admin'))).toEqual([]);
  });

  it('is not there without Redis', async () => {
    const { createDeps } = await import('../src/deps.js');
    const { createLogger } = await import('../src/logger.js');
    const noRedis = await createTestApp(
      {},
      createDeps(t.deps.config, createLogger('silent'), { redis: false }),
    );
    try {
      expect((await noRedis.app.inject({ url: '/admin/queues', headers: bearer(operator) })).statusCode).toBe(
        404,
      );
    } finally {
      await noRedis.close();
    }
  });
});

describe('the queue dashboard through an agent console session', () => {
  async function consoleCookie(key: string): Promise<string> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/console/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' },
      payload: new URLSearchParams({ key }).toString(),
    });
    expect(res.statusCode, res.body).toBe(303);
    return `wismo_console=${res.cookies.find((c) => c.name === 'wismo_console')?.value}`;
  }

  it('opens for a session of an operator key, not of a merchant admin’s or an agent’s', async () => {
    const session = await consoleCookie(operator);
    const ok = await t.app.inject({ url: '/admin/queues/api/queues', headers: { cookie: session } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('merchant-webhooks');
    for (const key of [m.keys.admin, m.keys.agent]) {
      const refused = await t.app.inject({
        url: '/admin/queues/api/queues',
        headers: { cookie: await consoleCookie(key) },
      });
      expect(refused.statusCode).toBe(403);
    }
    // Actions through a session must come from this origin, as the console's own forms must.
    const act = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'PUT',
        url: '/admin/queues/api/queues/poll-ups/pause',
        headers: { cookie: session, ...headers },
      });
    expect((await act({ origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await act({})).statusCode).toBe(403);
    expect((await act({ origin: 'http://localhost:3000' })).statusCode).toBeLessThan(300);
    await t.app.inject({
      method: 'PUT',
      url: '/admin/queues/api/queues/poll-ups/resume',
      headers: bearer(operator),
    });
    const forged = await t.app.inject({
      url: '/admin/queues/api/queues',
      headers: { cookie: 'wismo_console=v1.x.1.y.z' },
    });
    expect(forged.statusCode).toBe(401);
  });
});

describe('the queue dashboard in a browser', () => {
  it('loads and lists the queues under its content security policy', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const browser = await launchBrowser();
    try {
      // A browser sends no bearer key: the operator signs in to the agent console with an admin key, and
      // the console's session opens the dashboard.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/admin/queues`);
      expect(await page.locator('body').textContent()).toContain('unauthorized');
      await page.goto(`${base}/console`);
      await page.locator('input[name="key"]').fill(operator);
      await Promise.all([
        page.waitForURL(`${base}/console`),
        page.locator('input[name="key"]').press('Enter'),
      ]);
      const blocked: string[] = [];
      page.on('console', (msg) => {
        if (/Content.Security.Policy/i.test(msg.text())) blocked.push(msg.text());
      });
      page.on('pageerror', (err) => blocked.push(err.message));
      // Google's fonts are out of reach here; the page must not wait for them.
      await page.route(/fonts\.(googleapis|gstatic)\.com/, (route) => route.abort());
      await page.goto(`${base}/admin/queues`);
      await page.getByText('poll-sandbox').first().waitFor({ timeout: 15_000 });
      await page.getByText('merchant-webhooks').first().waitFor();
      // The overview's cards come from the dashboard's API, fetched by its scripts through the guard.
      await page
        .getByText(/^\d+ Jobs?$/)
        .first()
        .waitFor({ timeout: 15_000 });
      await screenshot(page, 'queue-dashboard');
      expect(blocked).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
