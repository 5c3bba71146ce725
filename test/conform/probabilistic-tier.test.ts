/**
 * The second, probabilistic bound tier: a property that reports `probRatio` > 1 while every error
 * is within the worst-case bound is `suspicious` — it passes, unless --strict — and both ratios
 * appear in the reports.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { ClaimModule } from '../../src/registry/types.js';
import { runConform } from '../../src/conform/run.js';
import { fromSyncImplementation } from '../../src/conform/async-impl.js';
import { conformExitCode } from '../../src/conform/types.js';
import { toMarkdown } from '../../src/conform/report-markdown.js';
import { toHtml } from '../../src/conform/report-html.js';
import { toJUnitXml } from '../../src/conform/report-junit.js';

function claimWith(prob: (x: number) => number): ClaimModule {
  return {
    id: 'toy.claim',
    audit: () => [],
    properties: [{
      name: 'sum', kind: 'conformance', description: 'toy', ops: ['nn.softmax'], runs: 20,
      arbitrary: fc.integer({ min: 1, max: 50 }),
      check: (n, impl) => {
        impl!.ops['nn.softmax']!({ x: [n] });
        return { ok: true, ratio: 0.5, probRatio: prob(n) };
      },
    }],
  };
}
const impl = () => fromSyncImplementation({ name: 'toy', dtype: 'float32', notes: [], ops: { 'nn.softmax': () => [1] } }, 'module', 'toy');
const opts = { seed: 1, dtypes: ['float32' as const], batchSize: 64, shard: null, implFlag: '--impl toy' };

describe('probabilistic tier', () => {
  it('beyond the probabilistic bound but within the worst-case one: suspicious, passing unless --strict', async () => {
    const r = await runConform([claimWith((n) => n / 10)], impl(), opts);
    const p = r.properties[0]!;
    expect(p.status).toBe('suspicious');
    expect(p.worstRatio).toBe(0.5);
    expect(p.worstProbRatio).toBeGreaterThan(1);
    expect(p.note).toMatch(/probabilistic/);
    expect(r.summary.suspicious).toBe(1);
    expect(conformExitCode(r)).toBe(0);
    expect(conformExitCode(r, { strict: true })).toBe(1);
    expect(toMarkdown(r)).toMatch(/\| suspicious \| 20 \| 0\.500 \| [0-9.]+ \|/);
    expect(toHtml(r)).toContain('class="b suspicious"');
    expect(toJUnitXml(r)).toContain('worst err/prob-bound');
  });

  it('within both bounds: pass, with the second ratio reported', async () => {
    const r = await runConform([claimWith(() => 0.25)], impl(), opts);
    expect(r.properties[0]!.status).toBe('pass');
    expect(r.properties[0]!.worstProbRatio).toBe(0.25);
  });
});
