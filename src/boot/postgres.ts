import pg from 'pg';
import { redactUrl } from '../config.js';
import { StartupError } from './startup-error.js';

// Start-up checks that turn driver errors into one sentence a newcomer can act on: what failed, where we
// looked, how to fix it.

interface PgError extends Error {
  code?: string;
}

function where(url: URL): string {
  return `${url.hostname}:${url.port || '5432'}`;
}

function explain(err: PgError, databaseUrl: string): StartupError {
  const url = new URL(databaseUrl);
  const at = `Postgres at ${where(url)} (DATABASE_URL=${redactUrl(databaseUrl)})`;
  const code = err.code ?? '';
  if (
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code) ||
    /timeout/i.test(err.message)
  ) {
    return new StartupError(
      `Cannot reach ${at}: ${err.message}. Start Postgres (for example: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, or docker compose up -d postgres) or set DATABASE_URL to a server that is running.`,
      { cause: err },
    );
  }
  if (code === '28P01' || code === '28000') {
    return new StartupError(
      `${at} refused the login for user "${decodeURIComponent(url.username)}": ${err.message}. Put the right user and password in DATABASE_URL.`,
      { cause: err },
    );
  }
  return new StartupError(`${at} failed: ${err.message}`, { cause: err });
}

async function withClient<T>(connectionString: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Makes sure the database in DATABASE_URL exists and answers; creates it (through the server's
 * maintenance database) when it is missing and creation is allowed.
 */
export async function ensureDatabase(databaseUrl: string, create: boolean): Promise<{ created: boolean }> {
  try {
    await withClient(databaseUrl, (c) => c.query('SELECT 1'));
    return { created: false };
  } catch (e) {
    const err = e as PgError;
    if (err.code !== '3D000') throw explain(err, databaseUrl);
  }
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!create) {
    throw new StartupError(
      `Database "${name}" does not exist on Postgres at ${where(url)}. Create it (createdb ${name}) or set CREATE_DATABASE=true.`,
    );
  }
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  try {
    await withClient(admin.toString(), async (c) => {
      const ident = await c.query<{ q: string }>('SELECT quote_ident($1) AS q', [name]);
      await c.query(`CREATE DATABASE ${ident.rows[0]?.q}`);
    });
  } catch (e) {
    const err = e as PgError;
    // Another replica created it between our check and our CREATE: that is what we wanted.
    if (err.code === '42P04') return { created: false };
    if (err.code === '42501') {
      throw new StartupError(
        `User "${decodeURIComponent(url.username)}" may not create database "${name}" on Postgres at ${where(url)}. Create it once (createdb ${name}) or use a user with CREATEDB.`,
        { cause: err },
      );
    }
    throw explain(err, databaseUrl);
  }
  return { created: true };
}
