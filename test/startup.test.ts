import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startProcess as start } from './helpers/processes.js';

// The process entries as an operator runs them: real processes, real Postgres and Redis.

const adminUrl = inject('adminDatabaseUrl');
const scratch = `wismo_start_${randomBytes(4).toString('hex')}`;
const scratchUrl = new URL(adminUrl);
scratchUrl.pathname = `/${scratch}`;

afterAll(async () => {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`).finally(() => c.end());
});

describe('starting wismo', () => {
  it('stops on bad configuration with one line per problem', async () => {
    const r = await start('src/server.ts', { PORT: 'abc', REDIS_URL: 'localhost:6379' }).exited;
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(
      lines
        .slice(1)
        .map((l) => l.trim().split(':')[0])
        .sort(),
    ).toEqual(['PORT', 'REDIS_URL']);
  });

  it('says when Postgres cannot be reached, where it looked and how to fix it', async () => {
    const r = await start('src/server.ts', { DATABASE_URL: 'postgres://wismo:s3cret@127.0.0.1:1/wismo' })
      .exited;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^wismo cannot start: Cannot reach Postgres at 127\.0\.0\.1:1 \(DATABASE_URL=postgres:\/\/wismo:\*\*\*@127\.0\.0\.1:1\/wismo\)/,
    );
    expect(r.stderr).toMatch(/Start Postgres .* or set DATABASE_URL/);
    expect(r.stderr).not.toContain('s3cret');
  });

  it('says when Redis cannot be reached', async () => {
    const r = await start('src/worker.ts', {
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: 'redis://127.0.0.1:1',
    }).exited;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^wismo cannot start: Cannot reach Redis at 127\.0\.0\.1:1 \(REDIS_URL=redis:\/\/127\.0\.0\.1:1\)/,
    );
    expect(r.stderr).toMatch(/Start Redis .* or set REDIS_URL/);
  });

  it('creates a missing database, migrates it, serves, and shuts down gracefully on SIGTERM', async () => {
    const sandboxPort = await freePort();
    const p = start('src/start.ts', {
      DATABASE_URL: scratchUrl.toString(),
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO_MERCHANT: 'true',
      SANDBOX_CARRIER_PORT: String(sandboxPort),
    });
    let port: string | undefined;
    for (let i = 0; i < 200 && !port; i++) {
      await new Promise((r) => setTimeout(r, 100));
      port = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(p.output().stdout)?.[1];
    }
    expect(port, p.output().stdout + p.output().stderr).toBeDefined();
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(p.output().stdout).toContain('created the database');
    expect(p.output().stdout).toContain('applied migrations');
    expect(p.output().stdout).toContain('created the demo merchant');

    const c = new pg.Client({ connectionString: scratchUrl.toString() });
    await c.connect();
    const demo = await c.query("SELECT slug FROM merchants WHERE slug = 'demo'").finally(() => c.end());
    expect(demo.rowCount).toBe(1);

    // The sandbox carrier runs for the demo merchant, whose demo orders are placed on it.
    for (let i = 0; i < 100 && !p.output().stdout.includes('demo parcels move'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(p.output().stdout).toContain(`sandbox carrier at http://127.0.0.1:${sandboxPort}`);
    expect((await fetch(`http://127.0.0.1:${sandboxPort}/health`)).status).toBe(200);
    const d = new pg.Client({ connectionString: scratchUrl.toString() });
    await d.connect();
    const orders = await d
      .query("SELECT count(*)::int AS n FROM shipments WHERE carrier_code = 'sandbox'")
      .finally(() => d.end());
    expect(orders.rows[0].n).toBe(8);

    p.child.kill('SIGTERM');
    const r = await p.exited;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('shutting down');
  });

  it('runs the worker process with a heartbeat a container health check can read', async () => {
    const file = join(tmpdir(), `wismo-heartbeat-${process.pid}-${Date.now()}`);
    const p = start('src/worker.ts', { DATABASE_URL: inject('databaseUrl'), WORKER_HEARTBEAT_FILE: file });
    let beat: string | undefined;
    for (let i = 0; i < 150 && !beat; i++) {
      await new Promise((r) => setTimeout(r, 100));
      beat = await readFile(file, 'utf8').catch(() => undefined);
    }
    expect(beat, p.output().stdout + p.output().stderr).toBeDefined();
    expect(Date.now() - new Date(beat ?? 0).getTime()).toBeLessThan(10_000);
    expect(p.output().stdout).toContain('workers started');
    p.child.kill('SIGTERM');
    expect((await p.exited).code).toBe(0);
    await rm(file, { force: true });
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}
