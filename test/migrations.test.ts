import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, createPool, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

const run = promisify(execFile);
const name = `wismo_migr_${randomBytes(4).toString('hex')}`;
const adminUrl = inject('adminDatabaseUrl');
const url = new URL(adminUrl);
url.pathname = `/${name}`;
let db: Database;

async function admin(text: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(text).finally(() => c.end());
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${name}`);
  db = createDb(createPool(url.toString(), 2));
});
afterAll(async () => {
  await db.destroy();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe('migrations', () => {
  it('apply to an empty database, then run again as a no-op', async () => {
    const first = await migrateToLatest(db);
    expect(first.applied[0]).toBe('0001_init');
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`.execute(
      db,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'api_keys',
        'carrier_connections',
        'idempotency_keys',
        'merchants',
        'orders',
        'outbox',
        'raw_payloads',
        'shipments',
        'tracking_events',
      ]),
    );
    const columnsBefore = await sql`SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY 1, 2`.execute(db);

    const second = await migrateToLatest(db);
    expect(second.applied).toEqual([]);
    const columnsAfter = await sql`SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY 1, 2`.execute(db);
    expect(columnsAfter.rows).toEqual(columnsBefore.rows);
  });

  it('match the committed Kysely table types (npm run db:types regenerates them)', async () => {
    await migrateToLatest(db);
    // kysely-codegen --verify exits non-zero when src/db/schema.ts differs from what the database implies.
    const result = await run('npx', ['kysely-codegen', '--verify', '--url', url.toString()], {
      encoding: 'utf8',
    }).catch((e: { stdout: string; stderr: string; code: number }) => e);
    expect('code' in result ? `${result.stdout}${result.stderr}` : '').toBe('');
  });

  it('enforce the rules the code relies on', async () => {
    await migrateToLatest(db);
    const [m] = (
      await sql<{
        id: string;
      }>`INSERT INTO merchants (slug, name) VALUES ('m-one', 'One') RETURNING id`.execute(db)
    ).rows;
    const merchantId = m?.id;
    await expect(
      sql`INSERT INTO api_keys (merchant_id, prefix, secret_hash, scopes) VALUES (${merchantId}, 'p1', '\\x00', ARRAY['root'])`.execute(
        db,
      ),
    ).rejects.toThrow(/check constraint/);
    await sql`INSERT INTO orders (merchant_id, order_number) VALUES (${merchantId}, 'A-1')`.execute(db);
    await expect(
      sql`INSERT INTO orders (merchant_id, order_number) VALUES (${merchantId}, 'A-1')`.execute(db),
    ).rejects.toThrow(/unique/);
    await expect(
      sql`INSERT INTO orders (merchant_id, order_number, status) VALUES (${merchantId}, 'A-2', 'lost')`.execute(
        db,
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
