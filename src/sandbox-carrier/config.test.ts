import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, loadSandboxConfig, SandboxConfigError } from './config.js';

describe('sandbox carrier configuration', () => {
  it('has working defaults, empty values counting as unset', () => {
    expect(loadSandboxConfig({ SANDBOX_SPEED: '' })).toEqual(DEFAULT_OPTIONS);
  });

  it('reads every variable', () => {
    const o = loadSandboxConfig({
      SANDBOX_CARRIER_PORT: '0',
      SANDBOX_CARRIER_HOST: '0.0.0.0',
      SANDBOX_CARRIER_API_KEYS: 'a, b,,c',
      SANDBOX_SPEED: '1',
      SANDBOX_DELAY_SHARE: '0',
      SANDBOX_FAILED_ATTEMPT_SHARE: '0.5',
      SANDBOX_PICKUP_SHARE: '0.25',
      SANDBOX_EXCEPTION_SHARE: '1',
      SANDBOX_RETURN_SHARE: '0.25',
      SANDBOX_FAULT_SHARE: '0.1',
      SANDBOX_SLOW_SHARE: '0.2',
      SANDBOX_SLOW_MS: '100',
      SANDBOX_RATE_LIMIT_PER_SECOND: '0',
      SANDBOX_PUSH_INTERVAL_MS: '250',
      SANDBOX_LOG_LEVEL: 'warn',
    });
    expect(o).toEqual({
      host: '0.0.0.0',
      port: 0,
      apiKeys: ['a', 'b', 'c'],
      speed: 1,
      shares: { delays: 0, failedAttempts: 0.5, pickups: 0.25, exceptions: 1, returns: 0.25 },
      faults: { unavailableShare: 0.1, slowShare: 0.2, slowMs: 100 },
      rateLimitPerSecond: 0,
      pushIntervalMs: 250,
      logLevel: 'warn',
    });
  });

  it('stops with one line per problem', () => {
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        loadSandboxConfig(env);
      } catch (err) {
        if (err instanceof SandboxConfigError) return err.problems;
        throw err;
      }
      return [];
    };
    const bad = problems({
      SANDBOX_CARRIER_PORT: '70000',
      SANDBOX_SPEED: 'fast',
      SANDBOX_DELAY_SHARE: '1.5',
      SANDBOX_CARRIER_API_KEYS: ' , ',
    });
    expect(bad).toHaveLength(4);
    expect(bad).toContain('SANDBOX_CARRIER_PORT: must be an integer between 0 and 65535 (got "70000")');
    expect(bad).toContain('SANDBOX_SPEED: must be a number between 0.001 and 1000000 (got "fast")');
    expect(bad).toContain('SANDBOX_DELAY_SHARE: must be a number between 0 and 1 (got "1.5")');
    expect(bad.find((p) => p.startsWith('SANDBOX_CARRIER_API_KEYS'))).toContain('<redacted>');
    expect(
      problems({
        SANDBOX_RETURN_SHARE: '0.5',
        SANDBOX_FAILED_ATTEMPT_SHARE: '0.4',
        SANDBOX_PICKUP_SHARE: '0.2',
      }),
    ).toEqual([expect.stringContaining('must add up to at most 1')]);
  });
});
