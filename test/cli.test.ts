import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIXTURES_DIR } from './helpers/carrier-fixtures.js';
import { bearer, createTestApp, type TestApp } from './helpers/context.js';

const run = promisify(execFile);
const env = {
  ...process.env,
  DATABASE_URL: inject('databaseUrl'),
  LOG_LEVEL: 'warn',
  DEMO_MERCHANT: 'false',
  NODE_ENV: 'test',
};

async function wismo(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      env,
      encoding: 'utf8',
    });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.code };
  }
}

let t: TestApp;
const slug = `cli-${process.pid}-${Date.now().toString(36)}`;

beforeAll(async () => {
  // API key cache off, so a revocation from the CLI process shows at once in this process.
  t = await createTestApp({ API_KEY_CACHE_TTL_MS: '0' });
});
afterAll(() => t.close());

describe('npm run wismo', () => {
  it('explains itself', async () => {
    const help = await wismo('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/merchants/);
    expect(help.stdout).toMatch(/keys/);
    const keysHelp = await wismo('keys', 'create', '--help');
    expect(keysHelp.stdout).toMatch(/orders:write, tracking:read, agent, admin/);
  });

  it('creates a merchant and a key that works once, and revokes it', async () => {
    const merchant = await wismo('--json', 'merchants', 'create', 'CLI Store', '--slug', slug);
    expect(merchant.code).toBe(0);
    expect(JSON.parse(merchant.stdout)).toMatchObject({ slug, name: 'CLI Store' });

    const created = await wismo(
      '--json',
      'keys',
      'create',
      '--merchant',
      slug,
      '--scope',
      'orders:write,tracking:read',
      '--name',
      'backend',
    );
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout);
    expect(key.key).toMatch(/^wismo_[a-z0-9]{12}_/);
    expect(key.scopes).toEqual(['orders:write', 'tracking:read']);

    const order = await t.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: bearer(key.key),
      payload: { orderNumber: 'CLI-1' },
    });
    expect(order.statusCode).toBe(201);

    // The list shows prefixes, never the secret.
    const listed = await wismo('keys', 'list', '--merchant', slug);
    expect(listed.stdout).toContain(key.prefix);
    expect(listed.stdout).not.toContain(key.key);
    const stored = await t.deps.db
      .selectFrom('api_keys')
      .selectAll()
      .where('prefix', '=', key.prefix)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(key.key.split('_')[2]);

    const quiet = await wismo('keys', 'create', '--merchant', slug, '--scope', 'agent', '-q');
    expect(quiet.stdout.trim()).toMatch(/^wismo_[a-z0-9]{12}_[A-Za-z0-9]{32}$/);

    const revoked = await wismo('keys', 'revoke', key.prefix);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Revoked ${key.prefix}`);
    const after = await t.app.inject({ method: 'GET', url: '/v1/orders', headers: bearer(key.key) });
    expect(after.statusCode).toBe(401);
  });

  it('fails with one clear line and exit code 1', async () => {
    const unknownScope = await wismo('keys', 'create', '--merchant', slug, '--scope', 'root');
    expect(unknownScope.code).toBe(1);
    expect(unknownScope.stderr.trim()).toMatch(
      /^error: unknown scope "root"; choose one or more of orders:write/,
    );
    const noMerchant = await wismo('keys', 'create', '--merchant', 'no-such-merchant', '--scope', 'agent');
    expect(noMerchant.code).toBe(1);
    expect(noMerchant.stderr.trim()).toBe('error: merchant "no-such-merchant" was not found.');
    const duplicate = await wismo('merchants', 'create', 'Again', '--slug', slug);
    expect(duplicate.stderr).toMatch(/already exists/);
  });
});

describe('npm run wismo -- map / renormalize', () => {
  it('prints the canonical result of a real carrier payload: status, EDD, events in UTC with raw codes', async () => {
    const file = join(FIXTURES_DIR, 'active_shipping/canadapost/tracking_details_en.xml');
    const res = await wismo('map', '--carrier', 'canadapost', file);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.problems).toEqual([]);
    const s = out.shipments[0];
    expect(s).toMatchObject({
      trackingNumber: '1371134583769923',
      status: 'delivered',
      service: 'Xpresspost',
    });
    expect(s.events).toHaveLength(10);
    expect(s.events.at(-1)).toMatchObject({
      occurredAt: '2011-02-03T16:59:59.000Z',
      offsetSource: 'carrier',
      rawCode: '1496',
      status: 'delivered',
      decision: 'applied',
    });
  });

  it('refuses an unknown carrier or a missing file in one line', async () => {
    const unknown = await wismo('map', '--carrier', 'nope', 'x.json');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown carrier; one of: .*canadapost/);
    const missing = await wismo('map', '--carrier', 'sandbox', '/no/such/file.json');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('error: cannot read /no/such/file.json: ENOENT');
  });

  it('renormalizes stored payloads and reports what it did', async () => {
    const res = await wismo('--json', 'renormalize', '--carrier', 'sandbox', '--since', '2026-01-01');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({
      shipments: expect.any(Number),
      statusChanges: expect.any(Array),
    });
    const bad = await wismo('renormalize', '--since', 'yesterday-ish');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/not a date-time/);
  });
});
