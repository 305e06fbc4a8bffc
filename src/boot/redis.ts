import { Redis } from 'ioredis';
import { redactUrl } from '../config.js';
import { StartupError } from './startup-error.js';

/** Pings Redis once, failing fast with a sentence that says where we looked and what to do. */
export async function checkRedis(redisUrl: string): Promise<void> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    const url = new URL(redisUrl);
    throw new StartupError(
      `Cannot reach Redis at ${url.hostname}:${url.port || '6379'} (REDIS_URL=${redactUrl(redisUrl)}): ${(e as Error).message}. Start Redis (for example: redis-server --daemonize yes, or docker compose up -d redis) or set REDIS_URL to a server that is running.`,
      { cause: e },
    );
  } finally {
    client.disconnect();
  }
}

/**
 * BullMQ keeps jobs in Redis; a Redis that evicts keys under memory pressure silently drops jobs.
 * Returns a warning to log loudly, or null when the policy is safe.
 */
export async function evictionPolicyWarning(client: Redis): Promise<string | null> {
  let policy: string | undefined;
  try {
    const reply = (await client.config('GET', 'maxmemory-policy')) as string[];
    policy = reply[1];
  } catch {
    // Managed Redis services often disable CONFIG; we cannot tell, so say so.
    return 'Could not read Redis maxmemory-policy (CONFIG GET refused). Make sure it is "noeviction", or queued jobs may be evicted under memory pressure.';
  }
  return evictionWarningFor(policy);
}

export function evictionWarningFor(policy: string | undefined): string | null {
  if (policy === 'noeviction') return null;
  return `Redis maxmemory-policy is "${policy ?? 'unknown'}", not "noeviction": under memory pressure Redis will delete queued jobs. Set maxmemory-policy noeviction (redis-server --maxmemory-policy noeviction).`;
}
