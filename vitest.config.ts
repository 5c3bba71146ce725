import os from 'node:os';
import { defineConfig } from 'vitest/config';

// vitest's default is one worker fewer than the cores, i.e. a single worker on a 2-core CI machine;
// many test files spend their time waiting on child processes (CLI runs, adapters, python peers),
// so one worker per core is faster and still leaves the per-test timeouts ample headroom.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: Math.max(2, os.availableParallelism()),
    reporters: ['default'],
  },
});
