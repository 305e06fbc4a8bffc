import { describe, expect, it } from 'vitest';
import { generateApiKey, keyMatches, keyPrefix } from './key-format.js';
import { canSeePii, hasAnyScope } from './scopes.js';

describe('API key format', () => {
  it('has a visible prefix and a secret, and only the hash is needed to check it', () => {
    const k = generateApiKey();
    expect(k.key).toMatch(/^wismo_[a-z0-9]{12}_[A-Za-z0-9]{32}$/);
    expect(k.key.startsWith(`${k.prefix}_`)).toBe(true);
    expect(keyPrefix(k.key)).toBe(k.prefix);
    expect(keyMatches(k.key, k.hash)).toBe(true);
    expect(keyMatches(`${k.prefix}_${'A'.repeat(32)}`, k.hash)).toBe(false);
  });

  it('never repeats', () => {
    const keys = new Set(Array.from({ length: 500 }, () => generateApiKey().key));
    expect(keys.size).toBe(500);
  });

  it('rejects malformed keys before any lookup', () => {
    for (const bad of ['', 'wismo_', 'Bearer x', 'wismo_abc_def', `wismo_ABCDEFGHIJKL_${'a'.repeat(32)}`]) {
      expect(keyPrefix(bad)).toBeNull();
    }
  });
});

describe('scopes', () => {
  it('admin implies every scope; PII needs orders:write or agent', () => {
    expect(hasAnyScope(['admin'], ['orders:write'])).toBe(true);
    expect(hasAnyScope(['tracking:read'], ['orders:write', 'agent'])).toBe(false);
    expect(canSeePii(['tracking:read'])).toBe(false);
    expect(canSeePii(['agent'])).toBe(true);
    expect(canSeePii(['orders:write'])).toBe(true);
    expect(canSeePii(['admin'])).toBe(true);
  });
});
