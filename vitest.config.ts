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
    // files already run in parallel: CLI runs inside tests use one worker thread unless a test
    // asks for --workers (test/conform/workers.test.ts)
    env: { LEMMATA_WORKERS: '1' },
    reporters: ['default'],
  },
});
