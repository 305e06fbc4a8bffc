import { z } from 'zod';

// The one place that reads the environment. Every setting has a default that works on a development
// machine with Postgres and Redis on localhost; production must set the secrets explicitly.

const DEV_ENCRYPTION_KEY = Buffer.alloc(32, 'wismo-development-key').toString('base64');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) =>
  z.coerce
    .number({ message: `must be an integer between ${min} and ${max}` })
    .int({ message: `must be an integer between ${min} and ${max}` })
    .min(min, { message: `must be an integer between ${min} and ${max}` })
    .max(max, { message: `must be an integer between ${min} and ${max}` });

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A duration: milliseconds, or a number with a unit (500ms, 90s, 30m, 6h, 3d). */
const duration = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+(ms|s|m|h|d)?$/, { message: 'must be a duration such as 500ms, 90s, 30m, 6h or 3d' })
    .transform((v) => {
      const [, n, unit] = /^(\d+)(ms|s|m|h|d)?$/.exec(v) as RegExpExecArray;
      return Number(n) * UNIT_MS[(unit ?? 'ms') as keyof typeof UNIT_MS];
    })
    .refine((ms) => ms >= min && ms <= max, {
      message: `must be between ${formatDuration(min)} and ${formatDuration(max)}`,
    });

function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms >= UNIT_MS[unit] && ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}

/** "code=value,code=value" lists (per-carrier settings). */
const perCarrier = <T extends z.ZodType<unknown, string>>(value: T, example: string) =>
  z
    .string()
    .default('')
    .transform((v, ctx) => {
      const out: Record<string, z.output<T>> = {};
      for (const part of v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const m = /^([a-z0-9_]+)=(.+)$/.exec(part);
        const parsed = m ? value.safeParse(m[2]) : null;
        if (!m || !parsed?.success) {
          ctx.addIssue({
            code: 'custom',
            message: `must be carrier=value pairs separated by commas, e.g. ${example}`,
          });
          return z.NEVER;
        }
        out[m[1] as string] = parsed.data as z.output<T>;
      }
      return out;
    });

const rateLimit = z
  .string()
  .regex(/^\d+\/\d+(ms|s|m|h|d)?$/)
  .transform((v) => {
    const [max, per] = v.split('/') as [string, string];
    return { max: Number(max), durationMs: duration(1, 86_400_000).parse(per) };
  })
  .refine((r) => r.max >= 1);

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: int(0, 65535).default(3000),
  PUBLIC_BASE_URL: url(['http:', 'https:']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty', 'auto']).default('auto'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/wismo'),
  /** Unset: 10 for an api process, more for a worker (databasePoolSize). */
  DATABASE_POOL_MAX: int(1, 500).optional(),
  CREATE_DATABASE: bool.default(true),
  MIGRATE_ON_START: bool.default(true),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_{}-]{1,64}$/, { message: 'must be 1-64 characters of letters, digits, : _ - { }' })
    .default('wismo'),
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, {
      message: 'must be 32 bytes, base64-encoded (openssl rand -base64 32)',
    })
    .optional(),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(url(['http:', 'https:']))),
  /**
   * Whom to believe about client addresses (X-Forwarded-For): false, true (everyone: only behind a proxy that
   * overwrites the header), a number of proxy hops, or the proxies' addresses and CIDRs.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): boolean | number | string[] => {
      const t = v.trim().toLowerCase();
      if (['true', '1', 'yes'].includes(t)) return true;
      if (['false', '0', 'no'].includes(t)) return false;
      if (/^\d{1,2}$/.test(t)) return Number(t);
      const list = t
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      if (list.length > 0 && list.every((x) => /^[0-9a-f.:]+(\/\d{1,3})?$/.test(x))) return list;
      ctx.addIssue({
        code: 'custom',
        message: 'must be true or false, a number of proxy hops, or proxy addresses such as 10.0.0.0/8',
      });
      return z.NEVER;
    }),
  BODY_LIMIT_BYTES: int(1024, 50 * 1024 * 1024).default(1024 * 1024),
  RATE_LIMIT_MAX: int(1, 10_000_000).default(1200),
  RATE_LIMIT_WINDOW_MS: int(1000, 3_600_000).default(60_000),
  API_KEY_CACHE_TTL_MS: int(0, 300_000).default(5_000),
  IDEMPOTENCY_TTL_HOURS: int(1, 24 * 30).default(24),
  /** Normalize jobs one worker process runs at once. */
  NORMALIZE_CONCURRENCY: int(1, 256).default(8),
  /** Tries per raw payload (across queue retries, sweeps and worker crashes) before it is marked failed. */
  NORMALIZE_MAX_ATTEMPTS: int(1, 1000).default(20),
  /** Webhook deliveries one carrier connection may make per RATE_LIMIT_WINDOW_MS. */
  WEBHOOK_RATE_LIMIT_MAX: int(1, 10_000_000).default(6000),
  /** How long a webhook connection (and its secrets) is cached by an api process. */
  WEBHOOK_CONNECTION_CACHE_TTL_MS: int(0, 600_000).default(30_000),
  /** How long a job stays claimed by a worker that stopped answering before another worker takes it over. */
  JOB_LOCK_MS: int(1000, 600_000).default(30_000),
  /** A payload still pending this long after it arrived has its normalize job queued again if Redis lost it. */
  SWEEP_AFTER_MS: int(1000, 86_400_000).default(15_000),
  /** How often the sweeper looks. */
  SWEEP_INTERVAL_MS: int(1000, 3_600_000).default(10_000),
  SHUTDOWN_TIMEOUT_MS: int(100, 600_000).default(10_000),
  WORKER_HEARTBEAT_FILE: z.string().min(1).optional(),
  /** A worker process serves GET /metrics on this port (on HOST); unset, it serves none. The api uses PORT. */
  METRICS_PORT: int(0, 65535).optional(),
  /** Run the polling scheduler in this worker process (every worker by default; they share the work). */
  POLL_SCHEDULER: bool.default(true),
  /** How often each worker process looks for shipments due for polling. */
  POLL_TICK_MS: int(50, 600_000).default(1000),
  /** Due shipments one tick claims at most (it ticks again at once when it took that many). */
  POLL_CLAIM_LIMIT: int(1, 100_000).default(10_000),
  /** How long a claimed shipment waits for its poll's result before it is due again (a lost job). */
  POLL_LEASE: duration(10_000, 86_400_000).prefault('30m'),
  /** Poll jobs one worker process runs at once per carrier; the carrier's rate limit holds across workers. */
  POLL_CONCURRENCY: int(1, 256).default(4),
  POLL_EVERY_PENDING: duration(1000, 30 * 86_400_000).prefault('1h'),
  POLL_EVERY_INFO_RECEIVED: duration(1000, 30 * 86_400_000).prefault('6h'),
  POLL_EVERY_IN_TRANSIT: duration(1000, 30 * 86_400_000).prefault('3h'),
  POLL_EVERY_OUT_FOR_DELIVERY: duration(1000, 30 * 86_400_000).prefault('30m'),
  POLL_EVERY_ATTEMPT_FAILED: duration(1000, 30 * 86_400_000).prefault('2h'),
  POLL_EVERY_AVAILABLE_FOR_PICKUP: duration(1000, 30 * 86_400_000).prefault('6h'),
  POLL_EVERY_EXCEPTION: duration(1000, 30 * 86_400_000).prefault('3h'),
  POLL_EVERY_RETURNING: duration(1000, 30 * 86_400_000).prefault('6h'),
  /** In transit with the delivery expected today: news (out for delivery) is near. */
  POLL_EVERY_EDD_TODAY: duration(1000, 30 * 86_400_000).prefault('1h'),
  /** How often a number the carrier does not know yet is asked again, and for how long before it is marked. */
  POLL_NOT_FOUND_EVERY: duration(1000, 30 * 86_400_000).prefault('2h'),
  POLL_NOT_FOUND_GRACE: duration(60_000, 90 * 86_400_000).prefault('5d'),
  /** A shipment with no news for this long is `expired` and no longer polled. */
  POLL_EXPIRE_AFTER: duration(60_000, 365 * 86_400_000).prefault('30d'),
  /** Back-off of a shipment whose polls fail: base × 2^(failures-1), capped. */
  POLL_BACKOFF_BASE: duration(1000, 86_400_000).prefault('5m'),
  POLL_BACKOFF_MAX: duration(1000, 7 * 86_400_000).prefault('12h'),
  /** Consecutive failed requests that open a carrier's circuit breaker, and its first pause. */
  POLL_BREAKER_FAILURES: int(1, 10_000).default(5),
  POLL_BREAKER_COOLDOWN: duration(100, 3_600_000).prefault('30s'),
  POLL_CONNECT_TIMEOUT: duration(100, 120_000).prefault('5s'),
  POLL_HEADERS_TIMEOUT: duration(100, 300_000).prefault('15s'),
  POLL_BODY_TIMEOUT: duration(100, 300_000).prefault('15s'),
  /** Per-carrier rate limits overriding the clients' defaults, e.g. "ups=10/1s,dhl_unified=1/5s". */
  POLL_RATE_LIMITS: perCarrier(rateLimit, 'ups=10/1s,dhl_unified=1/5s'),
  /** Per-carrier API base URLs overriding the production ones, e.g. "sandbox=http://127.0.0.1:4010". */
  CARRIER_API_URLS: perCarrier(url(['http:', 'https:']), 'sandbox=http://127.0.0.1:4010'),
  /** A shipment may be force-refreshed at most once per this interval. */
  REFRESH_MIN_INTERVAL: duration(1000, 3_600_000).prefault('30s'),
  /** Run the sandbox carrier inside `npm start` (demo parcels moving through push and poll). */
  SANDBOX_CARRIER: bool.optional(),
  SANDBOX_CARRIER_PORT: int(0, 65535).default(4010),
  /** The sandbox carrier's time runs this many times faster than real time; its shipments are polled as much faster. */
  SANDBOX_SPEED: int(1, 100_000).default(720),
  DEMO_MERCHANT: bool.optional(),
  /** Outgoing email: smtp(s)://user:pass@host:port. Unset: messages are written to MAILBOX_DIR instead. */
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  SMTP_POOL_SIZE: int(1, 100).default(10),
  SMTP_TIMEOUT: duration(1000, 300_000).prefault('30s'),
  MAILBOX_DIR: z.string().min(1).default('.data/mailbox'),
  /** The From address of shopper emails when the merchant has not set one. */
  NOTIFY_EMAIL_FROM: z
    .email({ message: 'must be an email address' })
    .default('notifications@wismo.localhost'),
  /** A Twilio-compatible SMS API. Without an account SID and token, SMS are written to MAILBOX_DIR/sms. */
  SMS_API_URL: url(['http:', 'https:']).default('https://api.twilio.com'),
  SMS_ACCOUNT_SID: z.string().min(1).max(100).optional(),
  SMS_AUTH_TOKEN: z.string().min(1).max(200).optional(),
  SMS_FROM: z.string().min(1).max(32).optional(),
  SMS_TIMEOUT: duration(1000, 120_000).prefault('15s'),
  /** Shopper messages one worker process sends at once. */
  NOTIFY_CONCURRENCY: int(1, 1000).default(16),
  /** Tries of a message that fails for a passing reason (server down) before it is marked failed. */
  NOTIFY_MAX_ATTEMPTS: int(1, 100).default(8),
  NOTIFY_RETRY_BASE: duration(100, 3_600_000).prefault('30s'),
  /** How long a message or webhook delivery stays with a sender before another may take it (a sender died). */
  SEND_LEASE: duration(1000, 3_600_000).prefault('2m'),
  /** Run the outbox relay in this worker process (every worker by default; they share the work). */
  OUTBOX_RELAY: bool.default(true),
  /** How often each worker looks for outbox rows to relay (it also looks at once after its own changes). */
  RELAY_TICK: duration(10, 60_000).prefault('100ms'),
  RELAY_BATCH: int(1, 10_000).default(500),
  /** Merchant webhooks: one request's timeout, and the retry schedule (base × 2^n with jitter, capped). */
  MERCHANT_WEBHOOK_TIMEOUT: duration(1000, 120_000).prefault('15s'),
  MERCHANT_WEBHOOK_RETRY_BASE: duration(100, 3_600_000).prefault('30s'),
  MERCHANT_WEBHOOK_RETRY_MAX_DELAY: duration(1000, 86_400_000).prefault('12h'),
  /** A delivery still failing this long after its first try fails for good, and disables its endpoint. */
  MERCHANT_WEBHOOK_RETRY_WINDOW: duration(1000, 30 * 86_400_000).prefault('3d'),
  MERCHANT_WEBHOOK_CONCURRENCY: int(1, 1000).default(32),
  /** Development only: let merchant webhook URLs reach private and loopback addresses. */
  MERCHANT_WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  /** Hosts (names or IPs) merchant webhooks may reach even when they resolve to private addresses. */
  MERCHANT_WEBHOOK_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Tracking-page lookups (order number + contact, or a tracking number) one visitor may make, and per order number. */
  TRACKING_LOOKUP_LIMIT: rateLimit.prefault('30/10m'),
  TRACKING_LOOKUP_ORDER_LIMIT: rateLimit.prefault('10/1h'),
  /** Failed lookups of one order number a day: what guessing its postal code would need far more of. */
  TRACKING_LOOKUP_FAILURE_LIMIT: rateLimit.prefault('20/1d'),
  /** How long an agent console sign-in lasts; revoking the key ends it sooner. */
  CONSOLE_SESSION_TTL: duration(60_000, 30 * 86_400_000).prefault('8h'),
  /** How long a tracking link in a message stays valid. */
  TRACKING_LINK_TTL: duration(3_600_000, 3650 * 86_400_000).prefault('180d'),
  /** Look for delays and stalls in this deployment (a job scheduled once, run by one worker per interval). */
  DELAY_CHECKS: bool.default(true),
  /** How often delays and stalls are looked for. */
  DELAY_CHECK_INTERVAL: duration(1000, 86_400_000).prefault('5m'),
  /** Predict delivery dates from this deployment's own deliveries (docs/predicted-edd.md). */
  PREDICTED_EDD: bool.default(true),
  /** How often parcels in flight get their predicted date (what is learned is refreshed every 6 hours). */
  PREDICTED_EDD_INTERVAL: duration(60_000, 86_400_000).prefault('1h'),
});

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof envSchema>) {
  const production = env.NODE_ENV === 'production';
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    logLevel: env.LOG_LEVEL,
    // auto: readable lines on a developer's terminal, JSON everywhere else (files, containers, CI).
    logFormat: env.LOG_FORMAT,
    databaseUrl: env.DATABASE_URL,
    databasePoolMax: env.DATABASE_POOL_MAX ?? null,
    createDatabase: env.CREATE_DATABASE,
    migrateOnStart: env.MIGRATE_ON_START,
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
    encryptionKey: Buffer.from(env.ENCRYPTION_KEY ?? DEV_ENCRYPTION_KEY, 'base64'),
    usingDevEncryptionKey: env.ENCRYPTION_KEY === undefined,
    corsOrigins: env.CORS_ORIGINS,
    trustProxy: env.TRUST_PROXY,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    rateLimit: { max: env.RATE_LIMIT_MAX, windowMs: env.RATE_LIMIT_WINDOW_MS },
    apiKeyCacheTtlMs: env.API_KEY_CACHE_TTL_MS,
    consoleSessionTtlMs: env.CONSOLE_SESSION_TTL,
    idempotencyTtlHours: env.IDEMPOTENCY_TTL_HOURS,
    normalizeConcurrency: env.NORMALIZE_CONCURRENCY,
    normalizeMaxAttempts: env.NORMALIZE_MAX_ATTEMPTS,
    webhookRateLimitMax: env.WEBHOOK_RATE_LIMIT_MAX,
    webhookConnectionCacheTtlMs: env.WEBHOOK_CONNECTION_CACHE_TTL_MS,
    jobLockMs: env.JOB_LOCK_MS,
    sweep: { afterMs: env.SWEEP_AFTER_MS, intervalMs: env.SWEEP_INTERVAL_MS },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    // Touched every few seconds by a running worker: container health checks read its age.
    workerHeartbeatFile: env.WORKER_HEARTBEAT_FILE ?? null,
    workerMetricsPort: env.METRICS_PORT ?? null,
    demoMerchant: env.DEMO_MERCHANT ?? !production,
    polling: {
      schedulerEnabled: env.POLL_SCHEDULER,
      tickMs: env.POLL_TICK_MS,
      claimLimit: env.POLL_CLAIM_LIMIT,
      leaseMs: env.POLL_LEASE,
      concurrency: env.POLL_CONCURRENCY,
      cadence: {
        every: {
          pending: env.POLL_EVERY_PENDING,
          info_received: env.POLL_EVERY_INFO_RECEIVED,
          in_transit: env.POLL_EVERY_IN_TRANSIT,
          out_for_delivery: env.POLL_EVERY_OUT_FOR_DELIVERY,
          attempt_failed: env.POLL_EVERY_ATTEMPT_FAILED,
          available_for_pickup: env.POLL_EVERY_AVAILABLE_FOR_PICKUP,
          exception: env.POLL_EVERY_EXCEPTION,
          returning: env.POLL_EVERY_RETURNING,
        },
        eddTodayMs: env.POLL_EVERY_EDD_TODAY,
        notFoundEveryMs: env.POLL_NOT_FOUND_EVERY,
        notFoundGraceMs: env.POLL_NOT_FOUND_GRACE,
        expireAfterMs: env.POLL_EXPIRE_AFTER,
        backoffBaseMs: env.POLL_BACKOFF_BASE,
        backoffMaxMs: env.POLL_BACKOFF_MAX,
        speedup: { sandbox: env.SANDBOX_SPEED } as Record<string, number>,
      },
      breaker: { failures: env.POLL_BREAKER_FAILURES, cooldownMs: env.POLL_BREAKER_COOLDOWN },
      timeouts: {
        connectMs: env.POLL_CONNECT_TIMEOUT,
        headersMs: env.POLL_HEADERS_TIMEOUT,
        bodyMs: env.POLL_BODY_TIMEOUT,
      },
      rateLimits: env.POLL_RATE_LIMITS,
      baseUrls: {
        sandbox: `http://127.0.0.1:${env.SANDBOX_CARRIER_PORT}`,
        ...env.CARRIER_API_URLS,
      } as Record<string, string>,
      refreshMinIntervalMs: env.REFRESH_MIN_INTERVAL,
    },
    notifications: {
      email: {
        smtpUrl: env.SMTP_URL ?? null,
        pool: true,
        maxConnections: env.SMTP_POOL_SIZE,
        mailboxDir: env.MAILBOX_DIR,
        timeoutMs: env.SMTP_TIMEOUT,
      },
      defaultFrom: env.NOTIFY_EMAIL_FROM,
      sms:
        env.SMS_ACCOUNT_SID && env.SMS_AUTH_TOKEN
          ? {
              apiUrl: env.SMS_API_URL.replace(/\/+$/, ''),
              accountSid: env.SMS_ACCOUNT_SID,
              authToken: env.SMS_AUTH_TOKEN,
              from: env.SMS_FROM ?? '',
              timeoutMs: env.SMS_TIMEOUT,
            }
          : null,
      concurrency: env.NOTIFY_CONCURRENCY,
      maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: env.NOTIFY_RETRY_BASE,
      leaseMs: env.SEND_LEASE,
      relay: { enabled: env.OUTBOX_RELAY, tickMs: env.RELAY_TICK, batch: env.RELAY_BATCH },
      trackingLinkTtlMs: env.TRACKING_LINK_TTL,
      lookupLimits: {
        perIp: env.TRACKING_LOOKUP_LIMIT,
        perOrder: env.TRACKING_LOOKUP_ORDER_LIMIT,
        failuresPerOrder: env.TRACKING_LOOKUP_FAILURE_LIMIT,
      },
      delayCheckIntervalMs: env.DELAY_CHECKS ? env.DELAY_CHECK_INTERVAL : null,
    },
    predictedEdd: { intervalMs: env.PREDICTED_EDD ? env.PREDICTED_EDD_INTERVAL : null },
    merchantWebhooks: {
      timeoutMs: env.MERCHANT_WEBHOOK_TIMEOUT,
      retryBaseMs: env.MERCHANT_WEBHOOK_RETRY_BASE,
      retryMaxDelayMs: env.MERCHANT_WEBHOOK_RETRY_MAX_DELAY,
      retryWindowMs: env.MERCHANT_WEBHOOK_RETRY_WINDOW,
      concurrency: env.MERCHANT_WEBHOOK_CONCURRENCY,
      policy: {
        allowPrivate: env.MERCHANT_WEBHOOK_ALLOW_PRIVATE,
        allowHosts: env.MERCHANT_WEBHOOK_ALLOW_HOSTS,
      },
    },
    sandboxCarrier: {
      enabled: env.SANDBOX_CARRIER ?? !production,
      port: env.SANDBOX_CARRIER_PORT,
      speed: env.SANDBOX_SPEED,
    },
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; throws ConfigError with one line per problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as they do in most .env files and compose files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '');
        const got = name in present ? ` (got ${JSON.stringify(redactValue(name, present[name] ?? ''))})` : '';
        return `${name}: ${issue.message}${got}`;
      }),
    );
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.ENCRYPTION_KEY === undefined) {
    throw new ConfigError([
      'ENCRYPTION_KEY: is required in production (32 bytes, base64: openssl rand -base64 32)',
    ]);
  }
  return toConfig(parsed.data);
}

function redactValue(name: string, value: string): string {
  if (/KEY|SECRET|PASSWORD|TOKEN/.test(name)) return '<redacted>';
  if (name.endsWith('_URL')) return redactUrl(value);
  return value;
}

/** A URL fit for logs and error messages: the password replaced. */
export function redactUrl(value: string): string {
  try {
    const u = new URL(value);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return value;
  }
}

/**
 * Postgres connections a process keeps: DATABASE_POOL_MAX where set. Otherwise 10 for an api process; a
 * process that runs the workers gets one for each normalization and poll job it runs at once (each holds
 * its connection for its whole transaction, waits on another's row locks included) and 10 for the rest
 * that queries (the relay, senders, sweepers, the scheduler). With 10 in all, eight normalizations waiting
 * on each other's orders left two connections to everything else, and shopper messages queued behind them.
 */
export function databasePoolSize(config: Config, runsWorkers: boolean): number {
  if (config.databasePoolMax !== null) return config.databasePoolMax;
  return runsWorkers ? config.normalizeConcurrency + config.polling.concurrency + 10 : 10;
}
