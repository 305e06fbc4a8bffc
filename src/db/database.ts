import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type Database = Kysely<DB>;

// DATE columns are calendar days (promised dates, EDDs): keep them as 'YYYY-MM-DD' strings. pg's default
// turns them into a Date at local midnight, which shifts the day in any zone west of UTC.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
// bigint identities fit comfortably in a double for the lifetime of any store; numbers are easier to use.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export function createPool(connectionString: string, max: number): pg.Pool {
  return new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // Bound every statement so one bad query cannot hold a connection (and a request) forever.
    statement_timeout: 15_000,
    application_name: 'wismo',
  });
}

export function createDb(pool: pg.Pool): Database {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
