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

export const SESSION_COOKIE = 'wismo_console';

const VERSION = 'v1';

export interface ConsoleSession {
  principal: Principal;
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
    private readonly now: () => number = Date.now,
  ) {
    this.sessionKey = deriveKey(encryptionKey, 'wismo console session');
    this.csrfKey = deriveKey(encryptionKey, 'wismo console csrf');
  }

  get maxAgeSeconds(): number {
    return Math.floor(this.ttlMs / 1000);
  }

  /**
   * Checks a key typed into the sign-in form: the cookie value for a valid key with the agent scope (admin
   * implies it), 'forbidden' for a valid key without it, null for anything else.
   */
  async signIn(key: string): Promise<{ cookie: string; principal: Principal } | 'forbidden' | null> {
    const principal = await this.apiKeys.verify(key.trim());
    if (!principal) return null;
    if (!hasAnyScope(principal.scopes, ['agent'])) return 'forbidden';
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
    if (!principal || !hasAnyScope(principal.scopes, ['agent'])) return null;
    return { principal, csrf: this.mac(this.csrfKey, cookie), expiresAt: new Date(expiresAt) };
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
