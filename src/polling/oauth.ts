import { LRUCache } from 'lru-cache';
import { CarrierRejected, CarrierUnavailable, type PollContext } from './client.js';
import { exchange, failOnStatus } from './http.js';

// OAuth2 client-credentials tokens (UPS, FedEx, USPS): one per account, reused until shortly before it
// expires, and fetched once however many requests need it at the same moment (the others wait for the same
// promise). A token the carrier refuses early is dropped and fetched again once.

export interface Token {
  accessToken: string;
  expiresAt: number;
}

/** Refresh this long before the carrier says the token expires: clocks drift and requests take time. */
export const TOKEN_EARLY_REFRESH_MS = 60_000;

export class TokenCache {
  private readonly tokens = new LRUCache<string, Token>({ max: 10_000 });
  private readonly pending = new Map<string, Promise<Token>>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string, fetch: () => Promise<Token>): Promise<string> {
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - TOKEN_EARLY_REFRESH_MS > this.now()) return cached.accessToken;
    let inFlight = this.pending.get(key);
    if (!inFlight) {
      inFlight = fetch().finally(() => this.pending.delete(key));
      this.pending.set(key, inFlight);
      inFlight.then(
        (t) => this.tokens.set(key, t),
        () => {},
      );
    }
    return (await inFlight).accessToken;
  }

  invalidate(key: string, token: string): void {
    if (this.tokens.get(key)?.accessToken === token) this.tokens.delete(key);
  }
}

export interface ClientCredentialsGrant {
  /** Token endpoint path (appended to the base URL) or absolute URL. */
  path: string;
  clientId: string;
  clientSecret: string;
  /** 'basic': client id and secret in an Authorization header (UPS); 'body': in the form (FedEx, USPS). */
  auth: 'basic' | 'body';
  /** 'form' (RFC 6749) by default; 'json' for carriers whose token endpoint documents a JSON body (USPS). */
  encoding?: 'form' | 'json';
  /** Extra form fields or headers some carriers want. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

/** Fetches a client-credentials token; a refused grant is CarrierRejected, a failing server CarrierUnavailable. */
export async function fetchClientCredentialsToken(
  ctx: Pick<PollContext, 'baseUrl' | 'dispatcher' | 'timeouts'>,
  grant: ClientCredentialsGrant,
  now = Date.now(),
): Promise<Token> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', ...grant.form });
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
    ...grant.headers,
  };
  if (grant.auth === 'basic') {
    headers.authorization = `Basic ${Buffer.from(`${grant.clientId}:${grant.clientSecret}`).toString('base64')}`;
  } else {
    form.set('client_id', grant.clientId);
    form.set('client_secret', grant.clientSecret);
  }
  let body = form.toString();
  if (grant.encoding === 'json') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(Object.fromEntries(form));
  }
  const res = await exchange(ctx, { method: 'POST', path: grant.path, headers, body });
  failOnStatus(res.status, res.headers, res.body);
  if (res.status >= 400)
    throw new CarrierRejected(`token request refused: HTTP ${res.status}${oauthError(res.body)}`);
  let parsed: { access_token?: unknown; expires_in?: unknown };
  try {
    parsed = JSON.parse(res.body.toString('utf8'));
  } catch {
    // A token endpoint's body is never quoted: an answer of an unexpected shape may hold the token itself.
    throw new CarrierUnavailable(`token answer is not JSON (HTTP ${res.status})`);
  }
  if (typeof parsed.access_token !== 'string' || parsed.access_token === '') {
    throw new CarrierUnavailable(`token answer without access_token (HTTP ${res.status})`);
  }
  const seconds = Number(parsed.expires_in);
  return {
    accessToken: parsed.access_token,
    expiresAt: now + (Number.isFinite(seconds) && seconds > 0 ? seconds : 3600) * 1000,
  };
}

/** The standard OAuth2 error code of a refused grant (RFC 6749, 5.2), which names no secret. */
function oauthError(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { error?: unknown };
    return typeof parsed.error === 'string' ? `: ${parsed.error.slice(0, 60)}` : '';
  } catch {
    return '';
  }
}

/**
 * Runs a request with the account's bearer token; if the carrier refuses the token (401/403), the token is
 * dropped and the request tried once more with a fresh one.
 */
export async function withBearer<T>(
  ctx: PollContext,
  grant: ClientCredentialsGrant,
  run: (token: string) => Promise<T>,
): Promise<T> {
  const key = `${ctx.account}:${grant.clientId}`;
  const token = await ctx.tokens.get(key, () => fetchClientCredentialsToken(ctx, grant));
  try {
    return await run(token);
  } catch (err) {
    if (!(err instanceof CarrierRejected)) throw err;
    ctx.tokens.invalidate(key, token);
    const fresh = await ctx.tokens.get(key, () => fetchClientCredentialsToken(ctx, grant));
    return run(fresh);
  }
}

/** The credential, or CarrierRejected naming what the connection lacks. */
export function credential(ctx: PollContext, name: string): string {
  const value = ctx.credentials[name];
  if (!value) throw new CarrierRejected(`the carrier connection has no "${name}" credential`);
  return value;
}
