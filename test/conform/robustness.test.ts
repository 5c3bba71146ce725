/**
 * The runner never crashes, whatever the implementation does: ≥ 1,000 fast-check-generated
 * hostile behaviours (garbage, crashes, hangs, wrong ids, wrong counts, oversized replies, NaN,
 * wrong shapes, malformed tensors, errors, unsolicited output, deep nesting, prototype keys)
 * driven through the line protocol. Every case ends in a clear verdict and the report is written.
 *
 * The adapter is test/conform/adapters/hostile.py, which writes the same bytes, exits with the same
 * codes and hangs in the same places as hostile.mjs (test/conform/hostile-parity.test.ts checks it,
 * behaviour by behaviour): every misbehaviour ends in a restart, about 1,300 program starts in all, and
 * CPython starts in about a third of the CPU time of Node.js.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectLineProtocol } from '../../src/conform/line-protocol.js';
import { runConform } from '../../src/conform/run.js';
import { writeConformReports } from '../../src/cli/conform.js';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { fromRoot } from '../../src/util/paths.js';

const BEHAVIOURS = ['ok', 'slow', 'garbage', 'not-object', 'crash', 'partial-then-crash', 'hang', 'wrong-id', 'wrong-count', 'no-results',
  'huge', 'nan', 'wrong-shape', 'bad-tensor', 'bad-b64', 'item-error', 'request-error', 'bad-item', 'extra-line', 'stderr-spam', 'deep', 'proto-key'] as const;
const HOSTILE = `/usr/bin/python3 -S ${fromRoot('test', 'conform', 'adapters', 'hostile.py')}`;
const PLANS = 128;
const PLAN_LENGTH = 8;

async function runPlan(plan: string[], dir: string) {
  const impl = await connectLineProtocol(`${HOSTILE} ok ${plan.join(',')}`, { timeoutMs: 400, helloTimeoutMs: 30_000, maxReplyBytes: 256 * 1024, maxRestarts: 50, base64: false });
  try {
    const r = await runConform(CLAIM_MODULES, impl, {
      seed: 1, runs: PLAN_LENGTH, dtype: 'float32', batchSize: 1, shard: null, implFlag: '--impl-cmd hostile',
      opsFilter: (op) => op === 'nn.softmax',
    });
    const files = writeConformReports(r, dir, path.join(dir, 'junit.xml'));
    return { r, files };
  } finally {
    await impl.close();
  }
}

describe('line protocol robustness', () => {
  it(`${PLANS} generated plans × ${PLAN_LENGTH} hostile behaviours each end in clear verdicts`, async () => {
    const plans = fc.sample(fc.array(fc.constantFrom(...BEHAVIOURS), { minLength: PLAN_LENGTH, maxLength: PLAN_LENGTH }), { seed: 2024, numRuns: PLANS });
    const seen = new Set<string>();
    let behaviours = 0;
    // Plans are independent adapter processes, mostly waiting (timeouts, restarts): run 4 at a time.
    const results = new Array<Awaited<ReturnType<typeof runPlan>> & { dir: string }>(plans.length);
    let next = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (next < plans.length) {
        const i = next++;
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-hostile-'));
        results[i] = { ...(await runPlan(plans[i]!, dir)), dir };
      }
    }));
    for (const [i, plan] of plans.entries()) {
      const { r, files, dir } = results[i]!;
      behaviours += plan.length;
      plan.forEach((b) => seen.add(b));
      expect(r.properties.length).toBe(1);
      const p = r.properties[0]!;
      expect(['pass', 'fail', 'error']).toContain(p.status);
      if (p.status !== 'pass') expect(p.detail && p.detail.length > 0, `plan ${plan}`).toBe(true);
      // Only the all-good plans may pass.
      if (plan.some((b) => b !== 'ok' && b !== 'slow' && b !== 'stderr-spam')) {
        // a misbehaviour in a request that the run actually made must be reported
        if (p.status === 'pass') expect(r.events.length, `plan ${plan}`).toBe(0);
      }
      for (const f of files) expect(fs.statSync(f).size).toBeGreaterThan(0);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(behaviours).toBeGreaterThanOrEqual(1000);
    expect(seen.size).toBe(BEHAVIOURS.length);
  }, 600_000);

  // (hang needs the handshake timeout to expire; the others fail on their first reply)
  it.each(['garbage', 'wrong-version', 'no-ops', 'crash', 'hang'])('a failed handshake (%s) is reported, not a crash', async (mode) => {
    await expect(connectLineProtocol(`${HOSTILE} ${mode} ok`, { timeoutMs: 400, helloTimeoutMs: mode === 'hang' ? 1500 : 30_000, maxReplyBytes: 1024, maxRestarts: 1, base64: false }))
      .rejects.toThrow(/handshake/);
  });
});
