import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { standardWebhookKey } from '../lib/standard-webhooks.js';
import { buildSandboxCarrier } from './app.js';
import { describeSpeed } from './clock.js';
import { DEFAULT_OPTIONS, type SandboxCarrierOptions, SandboxConfigError, shareProblems } from './config.js';
import { startPusher } from './pusher.js';
import { type CreatedParcel, SandboxState, type Subscription } from './state.js';

// The sandbox carrier as a library: wismo's `npm start` runs it inside its own process, tests start one on a
// free port. main.ts is the same thing as a process of its own.

export { buildSandboxCarrier } from './app.js';
export { DEFAULT_OPTIONS, loadSandboxConfig, type SandboxCarrierOptions } from './config.js';
export { trackingAt } from './document.js';
export { DEFAULT_SHARES, type Journey, type JourneyShares, journeyOf } from './journey.js';
export { decodeNumber, labelNumber } from './numbers.js';
export type { CreatedParcel, Subscription } from './state.js';

export interface StartOptions extends Partial<Omit<SandboxCarrierOptions, 'shares' | 'faults'>> {
  shares?: Partial<SandboxCarrierOptions['shares']>;
  faults?: Partial<SandboxCarrierOptions['faults']>;
  logger?: Logger;
}

export interface SandboxCarrier {
  /** Base URL, e.g. http://127.0.0.1:4010 (the API is under /v1). */
  url: string;
  /** The accepted API keys; the first is the account the helpers below act for. */
  apiKeys: string[];
  close(): Promise<void>;
  /** Subscribes a URL (with a "whsec_…" secret) to pushes for parcels created with notify. */
  subscribe(url: string, secret: string, account?: string): Subscription;
  /** Creates labels now, as POST /v1/parcels does; notify adds them to the parcels pushed to subscriptions. */
  createParcels(count: number, notify?: boolean, account?: string): CreatedParcel[];
}

export async function startSandboxCarrier(options: StartOptions = {}): Promise<SandboxCarrier> {
  // An option given as undefined (an unset setting passed along) keeps its default.
  const o: SandboxCarrierOptions = {
    ...DEFAULT_OPTIONS,
    ...defined(options),
    shares: { ...DEFAULT_OPTIONS.shares, ...defined(options.shares ?? {}) },
    faults: { ...DEFAULT_OPTIONS.faults, ...defined(options.faults ?? {}) },
  };
  const problems = shareProblems(o.shares);
  if (o.apiKeys.length === 0) problems.push('apiKeys: at least one API key is needed');
  if (!(o.speed > 0)) problems.push('speed: must be above 0');
  if (problems.length > 0) throw new SandboxConfigError(problems);

  const state = new SandboxState({ speed: o.speed, shares: o.shares });
  const app = buildSandboxCarrier({ ...o, state, ...(options.logger ? { logger: options.logger } : {}) });
  // The one start-up line: where it listens and how fast sandbox time runs.
  try {
    await app.listen({
      host: o.host,
      port: o.port,
      listenTextResolver: (address) =>
        `sandbox carrier listening on ${address} (API under /v1), speed ${o.speed}: ${describeSpeed(o.speed)}`,
    });
  } catch (err) {
    // A port in use must not leave a half-started server behind in a caller that carries on without it.
    await app.close();
    throw err;
  }
  const pusher = startPusher(state, {
    intervalMs: o.pushIntervalMs,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const address = app.server.address() as AddressInfo;
  // A wildcard address is reachable on loopback; that is what a local caller should use.
  const host =
    address.address === '0.0.0.0'
      ? '127.0.0.1'
      : address.address === '::'
        ? '[::1]'
        : address.family === 'IPv6'
          ? `[${address.address}]`
          : address.address;
  const account = o.apiKeys[0] as string;
  let closed: Promise<void> | null = null;

  return {
    url: `http://${host}:${address.port}`,
    apiKeys: [...o.apiKeys],
    close() {
      closed ??= (async () => {
        await app.close();
        await pusher.close();
      })();
      return closed;
    },
    subscribe(url, secret, forAccount = account) {
      if (!secret.startsWith('whsec_') || !standardWebhookKey(secret)) {
        throw new Error('a webhook secret is "whsec_" followed by base64');
      }
      return state.subscribe(forAccount, url, secret);
    },
    createParcels(count, notify = false, forAccount = account) {
      if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a positive integer');
      return state.createParcels(forAccount, count, notify);
    },
  };
}

function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
