import { spawn, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Redis } from 'ioredis';
import pg from 'pg';

// What the benchmarks share: scratch databases, wismo's processes started as an operator starts them, and
// autocannon loads summarized the same way.

export const ADMIN_URL =
  process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Seconds per route and round, and rounds: short rounds back to back, so drift on a shared machine cancels. */
export const DURATION = Number(process.env.BENCH_SECONDS ?? 6);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);

/**
 * The environment of wismo's processes under a benchmark: production mode, quiet logs (the routes' work is
 * measured, not logging), no demo merchant, and rate limits no benchmark key or connection can exhaust.
 */
export async function benchEnv(database: string, queuePrefix: string): Promise<Record<string, string>> {
  return {
    DATABASE_URL: await scratchDatabase(database),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    DEMO_MERCHANT: 'false',
    QUEUE_PREFIX: queuePrefix,
    ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    RATE_LIMIT_MAX: '10000000',
    WEBHOOK_RATE_LIMIT_MAX: '10000000',
  };
}

export const log = (s: string) => process.stdout.write(`${s}\n`);

/** Removes every Redis key under the prefix: jobs of an earlier run would point at rows that are gone. */
export async function clearQueues(redis: Redis, prefix: string): Promise<void> {
  for (let cursor = '0'; ; ) {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
    if (cursor === '0') break;
  }
}

export async function admin(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(text).finally(() => c.end());
}

/** A fresh scratch database; its URL. */
export async function scratchDatabase(name: string): Promise<string> {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

export interface BenchProcess {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** CPU time (user + system) a process has used so far, in seconds; null where /proc is absent. */
export async function cpuSeconds(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  // Fields after the command name (which may hold spaces, so it is skipped by its closing parenthesis).
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (!fields) return null;
  // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU time the whole machine has spent busy (every process, every core) since boot, in seconds. */
export async function machineBusySeconds(): Promise<number | null> {
  const stat = await readFile('/proc/stat', 'utf8').catch(() => null);
  const ticks = stat?.split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number);
  if (!ticks || ticks.length < 5) return null;
  // user nice system idle iowait irq softirq steal …: everything but idle and iowait is work.
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - (ticks[3] ?? 0) - (ticks[4] ?? 0)) / 100;
}

/** The most memory a process has held resident so far (Linux's VmHWM), in MB; null where /proc is absent. */
export async function peakRssMb(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const kb = status ? /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] : undefined;
  return kb ? Math.round(Number(kb) / 1024) : null;
}

/** Starts an entry in its own process and waits until `readyPath` answers (or, without one, a moment). */
export async function startProcess(
  entry: string,
  env: Record<string, string>,
  readyPath: string | null,
  nodeArgs: readonly string[] = [],
  /** The variable the entry reads its port from. */
  portVariable = 'PORT',
): Promise<BenchProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', [portVariable]: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const pid = child.pid as number;
  // A benchmark that dies must not leave its processes working on: a worker left behind takes the jobs
  // of the next run, which reuses the database's name and the queue prefix.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
    if (readyPath === null) {
      if (i === 30) return { port, pid, stop };
    } else {
      const ok = await fetch(`http://127.0.0.1:${port}${readyPath}`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return { port, pid, stop };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${entry} did not become ready`);
}

export interface Measure {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export interface LoadRequest {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** `seconds` of load at CONNECTIONS connections, each request made by `next()`. */
export async function load(url: string, next: () => LoadRequest, seconds: number): Promise<Measure> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => {
          const r = next();
          return {
            ...req,
            method: r.method ?? 'GET',
            path: r.path,
            headers: { ...req.headers, ...r.headers },
            body: r.body,
          };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The median of each figure over rounds; non-2xx and errors summed. */
export function medianMeasure(measures: readonly Measure[]): Measure {
  return {
    requestsPerSecond: median(measures.map((m) => m.requestsPerSecond)),
    p50: median(measures.map((m) => m.p50)),
    p99: median(measures.map((m) => m.p99)),
    non2xx: measures.reduce((n, m) => n + m.non2xx, 0),
    errors: measures.reduce((n, m) => n + m.errors, 0),
  };
}

export const row = (name: string, m: Measure) =>
  `| ${name} | ${m.requestsPerSecond.toFixed(0)} | ${m.p50} | ${m.p99} | ${m.non2xx} |`;

/**
 * Writes bench/results/<name>.{json,md}, puts the table in README.md between its `<!-- bench:<name> -->`
 * markers (where the README has them), and prints it.
 */
export async function writeResults(name: string, summary: unknown, md: string): Promise<void> {
  await writeFile(
    new URL(`./results/${name}.json`, import.meta.url),
    `${JSON.stringify(summary, null, 2)}\n`,
  );
  await writeFile(new URL(`./results/${name}.md`, import.meta.url), md);
  const readme = new URL('../README.md', import.meta.url);
  const text = await readFile(readme, 'utf8');
  const open = `<!-- bench:${name} -->\n`;
  const close = `<!-- /bench:${name} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start >= 0 && end > start) {
    await writeFile(readme, `${text.slice(0, start + open.length)}${md.trimEnd()}\n${text.slice(end)}`);
    // The project's formatter aligns Markdown tables; the README stays as the lint check wants it.
    spawnSync('npx', ['biome', 'format', '--write', fileURLToPath(readme)], { stdio: 'ignore' });
  }
  log(`\n${md}`);
}

/** Each route and its bare counterpart in alternating short rounds; medians, and the median of the ratios. */
export async function compareWithBare(
  name: string,
  urls: { wismo: string; bare: string },
  route: () => LoadRequest,
  bareOf: (r: LoadRequest) => LoadRequest,
) {
  const { wismo: apiUrl, bare: bareUrl } = urls;
  log(`${name}: warming up …`);
  await load(bareUrl, () => bareOf(route()), 2);
  await load(apiUrl, route, 2);
  const rounds: { wismo: Measure; bare: Measure; ratio: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const first = r % 2 === 0;
    const a = await load(first ? bareUrl : apiUrl, first ? () => bareOf(route()) : route, DURATION);
    const b = await load(first ? apiUrl : bareUrl, first ? route : () => bareOf(route()), DURATION);
    const [wismo, bareMeasure] = first ? [b, a] : [a, b];
    rounds.push({ wismo, bare: bareMeasure, ratio: wismo.requestsPerSecond / bareMeasure.requestsPerSecond });
    log(
      `  round ${r + 1}: ${name} ${wismo.requestsPerSecond.toFixed(0)} req/s (p99 ${wismo.p99} ms), bare ${bareMeasure.requestsPerSecond.toFixed(0)} req/s`,
    );
  }
  return {
    wismo: medianMeasure(rounds.map((r) => r.wismo)),
    bare: medianMeasure(rounds.map((r) => r.bare)),
    ratio: median(rounds.map((r) => r.ratio)),
  };
}
