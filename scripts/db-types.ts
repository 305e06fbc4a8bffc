// Regenerates src/db/schema.ts (Kysely table types) from the migrations: applies them to a scratch
// database and introspects it with kysely-codegen (.kysely-codegenrc.json). A test fails when it is stale.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, createPool } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

const admin = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `wismo_codegen_${randomBytes(4).toString('hex')}`;
const url = new URL(admin);
url.pathname = `/${name}`;

async function adminQuery(sql: string) {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

await adminQuery(`CREATE DATABASE ${name}`);
try {
  const db = createDb(createPool(url.toString(), 1));
  await migrateToLatest(db);
  await db.destroy();
  execFileSync('npx', ['kysely-codegen', '--url', url.toString(), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
} finally {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
