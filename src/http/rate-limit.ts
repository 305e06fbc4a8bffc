import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { TooManyRequestsError } from '../errors.js';
import { bearerToken } from './auth.js';

/**
 * Per-key rate limit, counted in Redis so every api replica shares one budget. Requests without a key are
 * counted per client IP. Buckets are named by a hash of the whole presented key: a caller who knows only
 * a key's visible prefix cannot spend its owner's budget. If Redis is unavailable, requests pass
 * (skipOnError): a limiter outage must not become an API outage.
 */
export async function registerRateLimit(
  app: FastifyInstance,
  opts: { redis: Redis; max: number; windowMs: number; prefix: string },
): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: opts.max,
    timeWindow: opts.windowMs,
    redis: opts.redis,
    nameSpace: `${opts.prefix}:ratelimit:`,
    skipOnError: true,
    keyGenerator: (request) => {
      const token = bearerToken(request);
      return token
        ? `key:${createHash('sha256').update(token).digest('base64url').slice(0, 22)}`
        : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      new TooManyRequestsError(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}
