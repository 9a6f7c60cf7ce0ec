import { defineConfig } from 'vitest/config';

// One Temporal environment per file and real servers, so files run in separate forks, two at a time
// (the machine has two cores) and with timeouts sized for real servers, not for mocks.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup-runtime.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/results.json' },
  },
});
