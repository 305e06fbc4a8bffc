import { z } from 'zod';
import { DEFAULT_SHARES, type JourneyShares } from './journey.js';

// The sandbox carrier reads its own variables (SANDBOX_*), never wismo's: it is a separate service that
// happens to live in this repository, and wismo's `npm start` passes it options directly.

export interface SandboxCarrierOptions {
  host: string;
  port: number;
  /** Bearer tokens accepted on /v1; each is an account with its own rate limit and webhook subscriptions. */
  apiKeys: string[];
  /** Sandbox time runs this many times faster than real time (720: a real minute is 12 sandbox hours). */
  speed: number;
  shares: JourneyShares;
  faults: {
    /** Share of tracking requests answered 503. */
    unavailableShare: number;
    /** Share of tracking requests answered after `slowMs`. */
    slowShare: number;
    slowMs: number;
  };
  /** Requests per second per API key; 0 turns the limit off. */
  rateLimitPerSecond: number;
  pushIntervalMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export const DEFAULT_OPTIONS: SandboxCarrierOptions = {
  host: '127.0.0.1',
  port: 4010,
  apiKeys: ['sandbox-key'],
  speed: 720,
  shares: DEFAULT_SHARES,
  // Longer than wismo's default 15 s headers timeout, so a slow answer is seen as one.
  faults: { unavailableShare: 0, slowShare: 0, slowMs: 20_000 },
  rateLimitPerSecond: 50,
  pushIntervalMs: 1000,
  logLevel: 'info',
};

const range = (min: number, max: number, what: string) =>
  z.coerce
    .number({ message: `must be ${what} between ${min} and ${max}` })
    .refine((v) => Number.isFinite(v) && v >= min && v <= max, {
      message: `must be ${what} between ${min} and ${max}`,
    });
const int = (min: number, max: number) =>
  range(min, max, 'an integer').refine(Number.isInteger, {
    message: `must be an integer between ${min} and ${max}`,
  });
const share = range(0, 1, 'a number');

const envSchema = z.object({
  SANDBOX_CARRIER_HOST: z.string().min(1).default(DEFAULT_OPTIONS.host),
  SANDBOX_CARRIER_PORT: int(0, 65535).default(DEFAULT_OPTIONS.port),
  SANDBOX_CARRIER_API_KEYS: z
    .string()
    .default(DEFAULT_OPTIONS.apiKeys.join(','))
    .transform((v) =>
      v
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).min(1, { message: 'must name at least one key (comma-separated)' })),
  SANDBOX_SPEED: range(0.001, 1_000_000, 'a number').default(DEFAULT_OPTIONS.speed),
  SANDBOX_DELAY_SHARE: share.default(DEFAULT_SHARES.delays),
  SANDBOX_FAILED_ATTEMPT_SHARE: share.default(DEFAULT_SHARES.failedAttempts),
  SANDBOX_PICKUP_SHARE: share.default(DEFAULT_SHARES.pickups),
  SANDBOX_EXCEPTION_SHARE: share.default(DEFAULT_SHARES.exceptions),
  SANDBOX_RETURN_SHARE: share.default(DEFAULT_SHARES.returns),
  SANDBOX_FAULT_SHARE: share.default(DEFAULT_OPTIONS.faults.unavailableShare),
  SANDBOX_SLOW_SHARE: share.default(DEFAULT_OPTIONS.faults.slowShare),
  SANDBOX_SLOW_MS: int(0, 600_000).default(DEFAULT_OPTIONS.faults.slowMs),
  SANDBOX_RATE_LIMIT_PER_SECOND: int(0, 1_000_000).default(DEFAULT_OPTIONS.rateLimitPerSecond),
  SANDBOX_PUSH_INTERVAL_MS: int(50, 3_600_000).default(DEFAULT_OPTIONS.pushIntervalMs),
  SANDBOX_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default(DEFAULT_OPTIONS.logLevel),
});

export class SandboxConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid sandbox carrier configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'SandboxConfigError';
  }
}

/** Problems with shares that are valid one by one; shared with startSandboxCarrier's option check. */
export function shareProblems(shares: JourneyShares): string[] {
  const endings = shares.returns + shares.failedAttempts + shares.pickups;
  return endings > 1 + 1e-9
    ? [
        `SANDBOX_RETURN_SHARE + SANDBOX_FAILED_ATTEMPT_SHARE + SANDBOX_PICKUP_SHARE: must add up to at most 1, a parcel ends one way (got ${Number(endings.toFixed(6))})`,
      ]
    : [];
}

/** Reads the environment; throws SandboxConfigError with one line per problem. */
export function loadSandboxConfig(env: NodeJS.ProcessEnv = process.env): SandboxCarrierOptions {
  // Empty strings count as unset, as they do in most .env and compose files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new SandboxConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '');
        const shown = /KEY/.test(name) ? '<redacted>' : present[name];
        const got = name in present ? ` (got ${JSON.stringify(shown)})` : '';
        return `${name}: ${issue.message}${got}`;
      }),
    );
  }
  const e = parsed.data;
  const shares: JourneyShares = {
    delays: e.SANDBOX_DELAY_SHARE,
    failedAttempts: e.SANDBOX_FAILED_ATTEMPT_SHARE,
    pickups: e.SANDBOX_PICKUP_SHARE,
    exceptions: e.SANDBOX_EXCEPTION_SHARE,
    returns: e.SANDBOX_RETURN_SHARE,
  };
  const problems = shareProblems(shares);
  if (problems.length > 0) throw new SandboxConfigError(problems);
  return {
    host: e.SANDBOX_CARRIER_HOST,
    port: e.SANDBOX_CARRIER_PORT,
    apiKeys: e.SANDBOX_CARRIER_API_KEYS,
    speed: e.SANDBOX_SPEED,
    shares,
    faults: {
      unavailableShare: e.SANDBOX_FAULT_SHARE,
      slowShare: e.SANDBOX_SLOW_SHARE,
      slowMs: e.SANDBOX_SLOW_MS,
    },
    rateLimitPerSecond: e.SANDBOX_RATE_LIMIT_PER_SECOND,
    pushIntervalMs: e.SANDBOX_PUSH_INTERVAL_MS,
    logLevel: e.SANDBOX_LOG_LEVEL,
  };
}
