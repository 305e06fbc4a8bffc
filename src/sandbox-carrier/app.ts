import { createHash, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { standardWebhookKey } from '../lib/standard-webhooks.js';
import type { SandboxCarrierOptions } from './config.js';
import { trackingAt } from './document.js';
import { normalizeNumber } from './numbers.js';
import { LabelCapacityError, SandboxState } from './state.js';

// The sandbox carrier's HTTP API: JSON in and out, errors as { "error": { "code", "message" } }, the codes
// src/carriers/sandbox/map.ts reads (not_found, unauthorized, rate_limited, unavailable).

export type SandboxAppOptions = Pick<
  SandboxCarrierOptions,
  'apiKeys' | 'speed' | 'shares' | 'faults' | 'rateLimitPerSecond'
> & {
  /** Shared with the pusher; created here when not given. */
  state?: SandboxState;
  /** The real clock; tests move it. */
  now?: () => Date;
  /** Draws for fault injection, so tests can decide them. */
  random?: () => number;
  logger?: Logger;
};

const MAX_BATCH = 100;
const MAX_PARCELS = 1000;

type ErrorCode =
  | 'not_found'
  | 'unauthorized'
  | 'rate_limited'
  | 'unavailable'
  | 'bad_request'
  | 'no_such_route'
  | 'internal';

const errorBody = (code: ErrorCode, message: string, extra: Record<string, unknown> = {}) => ({
  error: { code, message },
  ...extra,
});

const batchSchema = z.object({
  trackingNumbers: z
    .array(z.string().min(1).max(64), { message: 'must be an array of tracking numbers' })
    .min(1, { message: `must hold 1 to ${MAX_BATCH} tracking numbers` })
    .max(MAX_BATCH, { message: `must hold 1 to ${MAX_BATCH} tracking numbers` }),
});

const parcelsSchema = z.object({
  count: z
    .number({ message: `must be an integer from 1 to ${MAX_PARCELS}` })
    .int({ message: `must be an integer from 1 to ${MAX_PARCELS}` })
    .min(1, { message: `must be an integer from 1 to ${MAX_PARCELS}` })
    .max(MAX_PARCELS, { message: `must be an integer from 1 to ${MAX_PARCELS}` })
    .default(1),
  notify: z.boolean({ message: 'must be true or false' }).default(false),
});

const webhookSchema = z.object({
  url: z.string({ message: 'must be an http or https URL' }).refine(
    (v) => {
      try {
        return ['http:', 'https:'].includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: 'must be an http or https URL' },
  ),
  secret: z
    .string({ message: 'must be a Standard Webhooks secret: "whsec_" followed by base64' })
    .refine((v) => v.startsWith('whsec_') && standardWebhookKey(v) !== null, {
      message: 'must be a Standard Webhooks secret: "whsec_" followed by base64',
    }),
});

function problemsOf(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

const digest = (v: string) => createHash('sha256').update(v).digest();

/**
 * A token bucket per API key holding up to a second's worth of requests, refilled continuously, so a
 * steady poller at the limit is never refused and a burst above it is. Only configured keys get a bucket
 * (authentication comes first), so the map stays small.
 */
class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly rate: number) {}

  /** 0 when the request may go, else the seconds to wait. */
  take(key: string, nowMs: number): number {
    if (this.rate <= 0) return 0;
    const b = this.buckets.get(key) ?? { tokens: this.rate, at: nowMs };
    b.tokens = Math.min(this.rate, b.tokens + ((nowMs - b.at) / 1000) * this.rate);
    b.at = nowMs;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.rate));
  }
}

/** The sandbox carrier as a fastify instance, not listening: index.ts and main.ts listen, tests inject. */
export function buildSandboxCarrier(options: SandboxAppOptions): FastifyInstance {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const state = options.state ?? new SandboxState({ speed: options.speed, shares: options.shares }, now);
  const tracking = { speed: options.speed, shares: options.shares };
  const keys = options.apiKeys.map((k) => ({ key: k, hash: digest(k) }));
  const limiter = new RateLimiter(options.rateLimitPerSecond);
  // Slow answers wait on this, so closing the server does not wait out every injected delay.
  const closing = new AbortController();

  const app = Fastify({
    // pino's Logger and Fastify's logger interface differ only in typing details.
    ...(options.logger ? { loggerInstance: options.logger as FastifyBaseLogger } : { logger: false }),
    // At thousands of requests a second a line per request is noise; debug level shows them.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
  });
  // The account (API key) a request authenticated as, kept beside the request rather than typed onto it.
  const accounts = new WeakMap<FastifyRequest, string>();
  const accountOf = (req: FastifyRequest) => accounts.get(req) as string;
  app.addHook('preClose', async () => closing.abort());
  app.addHook('onResponse', async (req, reply) => {
    req.log.debug({ method: req.method, url: req.url, status: reply.statusCode }, 'answered');
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(errorBody('no_such_route', `No route ${req.method} ${req.url.split('?')[0]}.`));
  });
  app.setErrorHandler((err: { statusCode?: number; message: string }, req, reply) => {
    const status = err.statusCode ?? 500;
    if (status < 500) {
      reply.code(status).send(errorBody('bad_request', err.message));
      return;
    }
    req.log.error({ err }, 'sandbox carrier error');
    reply.code(500).send(errorBody('internal', 'The sandbox carrier failed to answer.'));
  });

  app.get('/health', async () => ({ status: 'ok', speed: options.speed }));

  app.register(
    async (v1) => {
      v1.addHook('onRequest', async (req, reply) => {
        const token = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
        const account = token ? findKey(keys, token) : null;
        if (!account) {
          reply
            .code(401)
            .header('www-authenticate', 'Bearer')
            .send(errorBody('unauthorized', 'Send "Authorization: Bearer <API key>" with a configured key.'));
          return reply;
        }
        accounts.set(req, account);
        const wait = limiter.take(account, now().getTime());
        if (wait > 0) {
          reply
            .code(429)
            .header('retry-after', String(wait))
            .send(
              errorBody(
                'rate_limited',
                `More than ${options.rateLimitPerSecond} requests per second for this API key; retry after ${wait} s.`,
              ),
            );
          return reply;
        }
      });

      v1.register(async (trackingRoutes) => {
        // Faults are injected on tracking only: that is what wismo's retries and circuit breaker guard.
        trackingRoutes.addHook('preHandler', async (_req, reply) => {
          if (random() < options.faults.unavailableShare) {
            reply
              .code(503)
              .send(errorBody('unavailable', 'The sandbox carrier is unavailable (injected fault).'));
            return reply;
          }
          if (options.faults.slowMs > 0 && random() < options.faults.slowShare) {
            await sleep(options.faults.slowMs, undefined, { signal: closing.signal }).catch(() => undefined);
          }
        });

        trackingRoutes.get<{ Params: { trackingNumber: string } }>(
          '/tracking/:trackingNumber',
          async (req, reply) => {
            const number = normalizeNumber(req.params.trackingNumber);
            const answer = trackingAt(number, now(), tracking, state.journey(number));
            if (!answer.found) {
              return reply.code(404).send(notFound(number));
            }
            return answer.document;
          },
        );

        trackingRoutes.post('/tracking', async (req, reply) => {
          const parsed = batchSchema.safeParse(req.body ?? {});
          if (!parsed.success) return badRequest(reply, parsed.error);
          const at = now();
          return {
            results: parsed.data.trackingNumbers.map((raw) => {
              const number = normalizeNumber(raw);
              const answer = trackingAt(number, at, tracking, state.journey(number));
              return answer.found ? answer.document : notFound(number);
            }),
          };
        });
      });

      v1.post('/parcels', async (req, reply) => {
        const parsed = parcelsSchema.safeParse(req.body ?? {});
        if (!parsed.success) return badRequest(reply, parsed.error);
        try {
          const parcels = state.createParcels(accountOf(req), parsed.data.count, parsed.data.notify);
          return reply.code(201).send({ parcels });
        } catch (err) {
          if (err instanceof LabelCapacityError) {
            return reply.code(503).header('retry-after', '1').send(errorBody('unavailable', err.message));
          }
          throw err;
        }
      });

      v1.post('/webhooks', async (req, reply) => {
        const parsed = webhookSchema.safeParse(req.body ?? {});
        if (!parsed.success) return badRequest(reply, parsed.error);
        const s = state.subscribe(accountOf(req), parsed.data.url, parsed.data.secret);
        return reply.code(201).send({ id: s.id, url: s.url, createdAt: s.createdAt });
      });

      v1.get('/webhooks', async (req) => ({
        webhooks: state
          .subscriptionsOf(accountOf(req))
          .map((s) => ({ id: s.id, url: s.url, createdAt: s.createdAt })),
      }));

      v1.delete<{ Params: { id: string } }>('/webhooks/:id', async (req, reply) => {
        if (!state.unsubscribe(accountOf(req), req.params.id)) {
          return reply
            .code(404)
            .send(errorBody('no_such_route', `No webhook subscription ${req.params.id}.`));
        }
        return reply.code(204).send();
      });
    },
    { prefix: '/v1' },
  );

  return app;
}

function notFound(number: string) {
  return errorBody('not_found', `No parcel with tracking number ${number}.`, { trackingNumber: number });
}

function badRequest(reply: FastifyReply, error: z.ZodError) {
  return reply.code(400).send(errorBody('bad_request', problemsOf(error)));
}

// Every key is compared, in constant time over fixed-size digests, so timing tells nothing about keys.
function findKey(keys: readonly { key: string; hash: Buffer }[], token: string): string | null {
  const hash = digest(token);
  let found: string | null = null;
  for (const k of keys) if (timingSafeEqual(k.hash, hash)) found = k.key;
  return found;
}
