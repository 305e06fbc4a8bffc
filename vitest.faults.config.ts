import { defineConfig } from 'vitest/config';

// npm run test:faults: the fault-injection suite. It runs alone (after npm test in .ci/run), since it starts
// several wismo processes and keeps the machine busy for a few minutes.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.faults.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
