import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb, createPool } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

// Each test run gets its own database and its own queue prefix on the machine's real Postgres and Redis,
// so runs never see each other's data and nothing is faked but the third parties.

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
    redisUrl: string;
    queuePrefix: string;
  }
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const database = `wismo_test_${runId}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const queuePrefix = `wismo-test-${runId}`;

  await admin(`CREATE DATABASE ${database}`);
  const pool = createPool(url.toString(), 2);
  const db = createDb(pool);
  await migrateToLatest(db);
  await db.destroy();

  project.provide('databaseUrl', url.toString());
  project.provide('adminDatabaseUrl', ADMIN_URL);
  project.provide('redisUrl', REDIS_URL);
  project.provide('queuePrefix', queuePrefix);

  return async () => {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    const redis = new Redis(REDIS_URL);
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  };
}
