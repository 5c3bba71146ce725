import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Longest files first, so that no long file starts last and runs alone while the other worker idles
// (vitest orders by its results cache, which a fresh clone does not have: then by discovery order).
// Seconds of the slowest files in an unloaded 2-core run; a file not listed counts as short and keeps
// vitest's order after these. Only the order depends on this list; a stale entry costs time, nothing else.
const SLOW_FILES: Record<string, number> = {
  'test/conform/peers.test.ts': 65, 'test/claims/conformance.cpu.test.ts': 44, 'test/conform/robustness.test.ts': 39,
  'test/claims/conformance.wasm.test.ts': 32, 'test/cli/cli.test.ts': 25, 'test/conform/hostile-process.test.ts': 23,
  'test/statistics/sampling.test.ts': 22, 'test/conform/conform-cli.test.ts': 17,
  'test/conform/exit-codes.test.ts': 15, 'test/package/pack-install.test.ts': 15, 'test/conform/workers.test.ts': 14,
  'test/audit/errata-browser.test.ts': 13, 'test/verify/verify.test.ts': 13, 'test/cli/cli-ux.test.ts': 12,
  'test/ops/nonfinite.test.ts': 11, 'test/numerics/fast-enclose.test.ts': 9,
  'test/power/seq.crf-viterbi-generators.test.ts': 8, 'test/audit/errata.test.ts': 7,
  'test/claims/source-quotes.test.ts': 7, 'test/conform/protocol-v2.test.ts': 7,
  'test/power/attn.sdpa-generators.test.ts': 7, 'test/power/seq.crf-logz-generators.test.ts': 7,
};

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const seconds = (f: TestSpecification) => SLOW_FILES[path.relative(f.project.config.root, f.moduleId).split(path.sep).join('/')] ?? 0;
    return sorted.map((f, i) => ({ f, i, s: seconds(f) })).sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.f);
  }
}

// vitest's default is one worker fewer than the cores, i.e. a single worker on a 2-core CI machine;
// many test files spend their time waiting on child processes (CLI runs, adapters, python peers),
// so one worker per core is faster and still leaves the per-test timeouts ample headroom.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // test files in one worker share the module graph (the catalogue, tfjs and its wasm backend are
    // imported once per worker, not once per file); a test file that needs a tfjs backend selects it
    // (createTfjsImplementation / tf.setBackend in beforeAll), and no test leaves global state behind
    isolate: false,
    maxWorkers: Math.max(2, os.availableParallelism()),
    // files already run in parallel: CLI runs inside tests use one worker thread unless a test
    // asks for --workers (test/conform/workers.test.ts)
    env: { LEMMATA_WORKERS: '1' },
    sequence: { sequencer: SlowFirstSequencer },
    reporters: ['default'],
  },
});
