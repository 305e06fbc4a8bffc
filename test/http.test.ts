import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps } from '../src/deps.js';
import { createLogger } from '../src/logger.js';
import {
  bearer,
  createMerchant,
  createTestApp,
  type TestApp,
  type TestMerchant,
  testConfig,
} from './helpers/context.js';

let t: TestApp;
let m: TestMerchant;

beforeAll(async () => {
  t = await createTestApp({ CORS_ORIGINS: 'https://shop.example.com' });
  m = await createMerchant(t.deps);
});
afterAll(() => t.close());

describe('cross-cutting HTTP', () => {
  it('sends helmet security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });

  it('allows CORS for configured storefront origins only', async () => {
    const preflight = (origin: string) =>
      t.app.inject({
        method: 'OPTIONS',
        url: '/v1/tracking/1Z999',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
    const allowed = await preflight('https://shop.example.com');
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example.com');
    expect(allowed.headers['access-control-allow-headers']).toMatch(/authorization/);
    const denied = await preflight('https://evil.example.net');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('keeps a sane caller request id and makes one otherwise', async () => {
    const kept = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'shop-req-42' },
    });
    expect(kept.headers['x-request-id']).toBe('shop-req-42');
    const replaced = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const problem = await t.app.inject({
      method: 'GET',
      url: '/v1/orders',
      headers: { 'x-request-id': 'trace-7' },
    });
    expect(problem.json().requestId).toBe('trace-7');
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found', instance: '/v1/nothing-here' });
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(json.statusCode).toBe(200);
    expect(json.json().openapi).toBe('3.1.0');
    const ui = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toMatch(/swagger/i);
  });
});

describe('health', () => {
  it('is alive and ready when Postgres and Redis answer', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
  });

  it('is not ready, with 503, when Redis or Postgres is unreachable, and says which', async () => {
    const noRedis = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await noRedis.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', checks: { postgres: 'ok', redis: 'unavailable' } });
    } finally {
      await noRedis.close();
    }
    const noPostgres = await createTestApp({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/wismo' });
    try {
      const res = await noPostgres.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json().checks).toEqual({ postgres: 'unavailable', redis: 'ok' });
    } finally {
      await noPostgres.close();
    }
  });

  it('answers API calls with 503 and Retry-After while Postgres is unreachable', async () => {
    const down = await createTestApp({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/wismo' });
    try {
      const res = await down.app.inject({ method: 'GET', url: '/v1/orders', headers: bearer(m.keys.write) });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json().code).toBe('unavailable');
      expect(res.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    } finally {
      await down.close();
    }
  });
});

describe('rate limiting', () => {
  it('limits each key separately and answers 429 with Retry-After', async () => {
    const limited = await createTestApp({ RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' });
    try {
      const other = await createMerchant(limited.deps);
      const call = (key: string) =>
        limited.app.inject({ method: 'GET', url: '/v1/orders', headers: bearer(key) });
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await call(other.keys.write)).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      const res = await call(other.keys.write);
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      // Another key of the same merchant has its own budget; health checks are never limited.
      expect((await call(other.keys.agent)).statusCode).toBe(200);
      for (let i = 0; i < 5; i++)
        expect((await limited.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('input no client should send', () => {
  it('is the client’s 400, never our 500: deep nesting, NUL in a body or in the URL', async () => {
    const t = await createTestApp();
    try {
      const m = await createMerchant(t.deps);
      const post = (payload: string) =>
        t.app.inject({
          method: 'POST',
          url: '/v1/orders',
          headers: { ...bearer(m.keys.write), 'content-type': 'application/json' },
          payload,
        });
      const deep = await post(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
      expect(deep.statusCode).toBe(400);
      expect(deep.json()).toMatchObject({ code: 'malformed_json', errors: [{ in: 'body' }] });
      const nul = await post('{"orderNumber":"A\\u0000B"}');
      expect(nul.statusCode).toBe(400);
      expect(nul.json().detail).toMatch(/NUL/);
      for (const url of ['/v1/tracking/AB%00CD', '/v1/search?q=an%00na', '/v1/orders/by-number/A%00']) {
        const res = await t.app.inject({ method: 'GET', url, headers: bearer(m.keys.agent) });
        expect(res.statusCode, url).toBe(400);
      }
      const page = await t.app.inject({ method: 'GET', url: '/track/a%00b' });
      expect(page.statusCode).toBe(404);
      expect(page.headers['content-type']).toMatch(/text\/html/);
    } finally {
      await t.close();
    }
  });
});

describe('logs', () => {
  it('never hold API keys or shopper PII', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const config = testConfig({ LOG_LEVEL: 'trace' });
    const logger = createLogger('trace', sink);
    const logged = await createTestApp({}, createDeps(config, logger));
    try {
      const other = await createMerchant(logged.deps);
      await logged.app.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { ...bearer(other.keys.write), 'idempotency-key': 'secret-idem' },
        payload: {
          orderNumber: 'LOG-1',
          customer: { name: 'Zofia Secret', email: 'zofia@example.pl', phone: '+48601000111' },
        },
      });
      logger.info(
        { customer: { name: 'Zofia Secret' }, order: { email: 'zofia@example.pl', phone: '+48601000111' } },
        'debug dump',
      );
      // A webhook URL authenticated by token carries its secret: right or wrong, it is masked.
      const { view } = await logged.deps.services.carrierConnections.create({
        merchantId: other.id,
        carrier: 'dhl_unified',
      });
      const token = view.newSecret?.secret as string;
      for (const t of [token, `${token}x`]) {
        await logged.app.inject({
          method: 'POST',
          url: `/webhooks/dhl_unified/${view.id}/${t}`,
          headers: { 'content-type': 'application/json' },
          payload: '{"shipments":[]}',
        });
      }
      // What agents search for is a shopper's contact or name.
      for (const url of [
        '/v1/search?q=zofia%40example.pl',
        '/console?q=Zofia%20Secret',
        '/v1/search?limit=5&q=%2B48601000111',
      ]) {
        await logged.app.inject({ method: 'GET', url, headers: bearer(other.keys.agent) });
      }
      const all = lines.join('');
      expect(all).toContain('/v1/search?q=[redacted]');
      expect(all).toContain('/console?q=[redacted]');
      expect(all).not.toMatch(/zofia%40|Zofia%20Secret|%2B48601000111/);
      expect(all).toContain(`/webhooks/dhl_unified/${view.id}/[redacted]`);
      expect(all).not.toContain(token);
      expect(all).toContain('debug dump');
      expect(all).toContain('/v1/orders');
      expect(all).not.toContain(other.keys.write);
      expect(all).not.toContain('zofia@example.pl');
      expect(all).not.toContain('+48601000111');
      expect(all).not.toContain('Zofia Secret');
    } finally {
      await logged.close();
    }
  });
});
