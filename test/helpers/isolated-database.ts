import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, createPool } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

// A database and queue prefix of a test file's own, for tests that run the polling scheduler: it claims
// every due shipment of its database, so in the run's shared one it would take other files' shipments.

export interface Isolated {
  env: { DATABASE_URL: string; QUEUE_PREFIX: string };
  drop(): Promise<void>;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function isolatedDatabase(): Promise<Isolated> {
  const suffix = randomBytes(4).toString('hex');
  const shared = new URL(inject('databaseUrl'));
  const name = `${shared.pathname.slice(1)}_${suffix}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(shared);
  url.pathname = `/${name}`;
  const db = createDb(createPool(url.toString(), 1));
  await migrateToLatest(db);
  await db.destroy();
  return {
    // Under the run's prefix, so the run's teardown clears these queues too.
    env: { DATABASE_URL: url.toString(), QUEUE_PREFIX: `${inject('queuePrefix')}-${suffix}` },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
