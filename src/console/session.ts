import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKeysService, Principal } from '../api-keys/api-keys.service.js';
import { hasAnyScope } from '../api-keys/scopes.js';
import { deriveKey } from '../lib/secret-box.js';

// Agent console sessions. An agent signs in once with their key; the browser then holds a session cookie
// that names the key by its public prefix, an expiry and a random nonce, MAC'd with a key derived from
// ENCRYPTION_KEY. Nothing is stored server-side, yet every request re-reads the key, so revoking the key
// ends its sessions at once. The key itself never reaches the cookie, the page or the logs.
//
// CSRF: the cookie is SameSite=Strict, every form carries a token derived from the session (a different
// one per sign-in), and every POST must come from this origin (checked by the routes).

/**
 * Over https the cookie is `__Host-` prefixed: browsers then take it only from this host, Secure, for path
 * /, so a sibling subdomain cannot plant a session of its choosing (login CSRF around the origin check).
 */
export const SESSION_COOKIE = 'wismo_console';
const SECURE_SESSION_COOKIE = '__Host-wismo_console';

const VERSION = 'v1';

/** Who may sign in: agents (the console's pages) and operators (the queue dashboard). */
const CONSOLE_SCOPES = ['agent', 'operator'] as const;

export interface ConsoleSession {
  principal: Principal;
  /** May see the merchant's orders (agent scope, or admin). */
  agent: boolean;
  /** May open the queue dashboard (operator scope). */
  operator: boolean;
  /** The form token of this session. */
  csrf: string;
  expiresAt: Date;
}

export class ConsoleSessions {
  private readonly sessionKey: Buffer;
  private readonly csrfKey: Buffer;

  constructor(
    encryptionKey: Buffer,
    private readonly apiKeys: ApiKeysService,
    private readonly ttlMs: number,
    /** Whether the console is served over https (PUBLIC_BASE_URL): the cookie is then Secure. */
    readonly secure: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.sessionKey = deriveKey(encryptionKey, 'wismo console session');
    this.csrfKey = deriveKey(encryptionKey, 'wismo console csrf');
  }

  /** "8 hours", "30 minutes": how long a sign-in lasts, for the sign-in page. */
  get ttlText(): string {
    const hours = this.ttlMs / 3_600_000;
    if (Number.isInteger(hours)) return hours === 1 ? '1 hour' : `${hours} hours`;
    const minutes = Math.round(this.ttlMs / 60_000);
    return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  }

  get cookieName(): string {
    return this.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  }

  get maxAgeSeconds(): number {
    return Math.floor(this.ttlMs / 1000);
  }

  /**
   * Checks a key typed into the sign-in form: the cookie value for a valid key with the agent scope (admin
   * implies it) or the operator scope, 'forbidden' for a valid key with neither, null for anything else.
   */
  async signIn(key: string): Promise<{ cookie: string; principal: Principal } | 'forbidden' | null> {
    const principal = await this.apiKeys.verify(key.trim());
    if (!principal) return null;
    if (!hasAnyScope(principal.scopes, CONSOLE_SCOPES)) return 'forbidden';
    const expires = Math.floor((this.now() + this.ttlMs) / 1000);
    const body = `${VERSION}.${principal.prefix}.${expires}.${randomBytes(16).toString('base64url')}`;
    return { cookie: `${body}.${this.mac(this.sessionKey, body)}`, principal };
  }

  /** The session a cookie proves, or null: forged, expired, or its key revoked or stripped of the scope. */
  async read(cookie: string | undefined): Promise<ConsoleSession | null> {
    if (!cookie || cookie.length > 300) return null;
    const parts = cookie.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) return null;
    const [, prefix, expires, , mac] = parts as [string, string, string, string, string];
    const body = parts.slice(0, 4).join('.');
    if (!sameText(mac, this.mac(this.sessionKey, body))) return null;
    const expiresAt = Number(expires) * 1000;
    if (!Number.isSafeInteger(expiresAt) || expiresAt <= this.now()) return null;
    const principal = await this.apiKeys.activeByPrefix(prefix);
    if (!principal || !hasAnyScope(principal.scopes, CONSOLE_SCOPES)) return null;
    return {
      principal,
      agent: hasAnyScope(principal.scopes, ['agent']),
      operator: hasAnyScope(principal.scopes, ['operator']),
      csrf: this.mac(this.csrfKey, cookie),
      expiresAt: new Date(expiresAt),
    };
  }

  /** Whether a submitted form token belongs to this session. */
  csrfMatches(session: ConsoleSession, token: unknown): boolean {
    return typeof token === 'string' && sameText(token, session.csrf);
  }

  private mac(key: Buffer, text: string): string {
    return createHmac('sha256', key).update(text).digest('base64url');
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
