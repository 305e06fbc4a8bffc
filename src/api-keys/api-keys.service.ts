import { LRUCache } from 'lru-cache';
import { BadRequestError, NotFoundError } from '../errors.js';
import type { ApiKeyRow, ApiKeysRepository } from './api-keys.repository.js';
import { generateApiKey, keyMatches, keyPrefix } from './key-format.js';
import { isScope, SCOPES, type Scope } from './scopes.js';

/** Who is calling: taken from the API key, never from the URL. */
export interface Principal {
  keyId: string;
  merchantId: string;
  prefix: string;
  scopes: Scope[];
}

export interface ApiKeyInfo {
  id: string;
  merchantId: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function toInfo(row: ApiKeyRow): ApiKeyInfo {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

// last_used_at is a hint for humans; writing it on every request would turn every read into a write.
const TOUCH_EVERY_MS = 60_000;

export class ApiKeysService {
  // Verified keys are remembered briefly so a busy storefront does not cost a query per request. A key
  // revoked from another process stops working within the TTL (API_KEY_CACHE_TTL_MS); in this process, at once.
  private readonly cache: LRUCache<string, Principal | false> | null;
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly repo: ApiKeysRepository,
    cacheTtlMs: number,
  ) {
    this.cache = cacheTtlMs > 0 ? new LRUCache({ max: 10_000, ttl: cacheTtlMs }) : null;
  }

  /** Creates a key; the returned `key` is the only time the secret exists outside the caller's hands. */
  async create(merchantId: string, scopes: string[], name = ''): Promise<ApiKeyInfo & { key: string }> {
    const unknown = scopes.filter((s) => !isScope(s));
    if (scopes.length === 0 || unknown.length > 0) {
      throw new BadRequestError(
        `${unknown.length > 0 ? `unknown scope ${unknown.map((s) => `"${s}"`).join(', ')}; ` : ''}choose one or more of ${SCOPES.join(', ')}`,
      );
    }
    const generated = generateApiKey();
    const row = await this.repo.insert({
      merchantId,
      name,
      prefix: generated.prefix,
      hash: generated.hash,
      scopes: [...new Set(scopes as Scope[])],
    });
    return { ...toInfo(row), key: generated.key };
  }

  async list(merchantId: string): Promise<ApiKeyInfo[]> {
    return (await this.repo.listForMerchant(merchantId)).map(toInfo);
  }

  /** Accepts the prefix or the whole key. */
  async revoke(prefixOrKey: string): Promise<ApiKeyInfo> {
    const prefix = keyPrefix(prefixOrKey) ?? prefixOrKey;
    const row = await this.repo.revoke(prefix);
    if (!row) throw new NotFoundError(`API key ${prefix}`);
    this.cache?.clear();
    return toInfo(row);
  }

  /** The principal for a presented key, or null when it is malformed, unknown, revoked or wrong. */
  async verify(key: string): Promise<Principal | null> {
    const cached = this.cache?.get(key);
    if (cached !== undefined) return cached || null;
    const principal = await this.lookup(key);
    this.cache?.set(key, principal ?? false);
    return principal;
  }

  /**
   * The principal of a key still active, by its public prefix: for sessions that were opened with the whole
   * key and must end when it is revoked. Never a way in by itself (the caller proves the session first).
   */
  async activeByPrefix(prefix: string): Promise<Principal | null> {
    const row = await this.repo.findActiveByPrefix(prefix);
    return row
      ? { keyId: row.id, merchantId: row.merchant_id, prefix: row.prefix, scopes: row.scopes }
      : null;
  }

  private async lookup(key: string): Promise<Principal | null> {
    const prefix = keyPrefix(key);
    if (!prefix) return null;
    const row = await this.repo.findActiveByPrefix(prefix);
    if (!row || !keyMatches(key, row.secret_hash)) return null;
    this.touchLater(row.id);
    return { keyId: row.id, merchantId: row.merchant_id, prefix: row.prefix, scopes: row.scopes };
  }

  private touchLater(id: string): void {
    const now = Date.now();
    if ((this.touched.get(id) ?? 0) > now - TOUCH_EVERY_MS) return;
    this.touched.set(id, now);
    this.repo.touch(id).catch(() => this.touched.delete(id));
  }
}
