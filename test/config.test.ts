import { describe, expect, it } from 'vitest';
import { ConfigError, databasePoolSize, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('works with no environment at all', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/wismo');
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.publicBaseUrl).toBe('http://localhost:3000');
    expect(c.demoMerchant).toBe(true);
    expect(c.usingDevEncryptionKey).toBe(true);
    expect(c.encryptionKey).toHaveLength(32);
  });

  it('sizes the Postgres pool for what the process runs, unless DATABASE_POOL_MAX says', () => {
    // A worker holds a connection per normalization and poll job in flight, and needs more for the rest.
    expect(databasePoolSize(loadConfig({}), false)).toBe(10);
    expect(databasePoolSize(loadConfig({}), true)).toBe(8 + 4 + 10);
    const busy = loadConfig({ NORMALIZE_CONCURRENCY: '20', POLL_CONCURRENCY: '6' });
    expect(databasePoolSize(busy, true)).toBe(36);
    const fixed = loadConfig({ DATABASE_POOL_MAX: '15', NORMALIZE_CONCURRENCY: '20' });
    expect(databasePoolSize(fixed, true)).toBe(15);
    expect(databasePoolSize(fixed, false)).toBe(15);
  });

  it('takes every setting from the environment', () => {
    const c = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      REDIS_URL: 'redis://cache:6380',
      PUBLIC_BASE_URL: 'https://track.example.com/',
      CORS_ORIGINS: 'https://shop.example.com, https://www.example.com',
      RATE_LIMIT_MAX: '50',
      TRUST_PROXY: 'true',
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    expect(c.port).toBe(8080);
    expect(c.publicBaseUrl).toBe('https://track.example.com');
    expect(c.corsOrigins).toEqual(['https://shop.example.com', 'https://www.example.com']);
    expect(c.rateLimit.max).toBe(50);
    expect(c.trustProxy).toBe(true);
    expect(c.usingDevEncryptionKey).toBe(false);
  });

  it('reports every bad value on its own line, without leaking secrets', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://root:hunter2@db/x',
        REDIS_URL: 'localhost:6379',
        ENCRYPTION_KEY: 'too-short',
        TRUST_PROXY: 'maybe',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.find((p) => p.startsWith('PORT:'))).toMatch(
      /integer between 0 and 65535 \(got "eighty"\)/,
    );
    expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toMatch(/postgres:\/\//);
    expect(problems.find((p) => p.startsWith('REDIS_URL:'))).toMatch(/redis:\/\//);
    expect(problems.find((p) => p.startsWith('ENCRYPTION_KEY:'))).toMatch(/32 bytes.*<redacted>/);
    expect(problems.find((p) => p.startsWith('TRUST_PROXY:'))).toMatch(/true or false/);
    expect((error as Error).message).not.toContain('hunter2');
    expect((error as Error).message.split('\n')).toHaveLength(6);
  });

  it('demands an encryption key in production and turns the demo merchant off', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/ENCRYPTION_KEY: is required in production/);
    const c = loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') });
    expect(c.demoMerchant).toBe(false);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', CORS_ORIGINS: '' }).port).toBe(3000);
  });
});
