/**
 * Sampling ops tested as distributions (issue 10, item 5): the rigorous tests behind them, the
 * power of each property against each stated alternative, and the correct zoo.
 *
 * Power is measured the way a user meets it: one RUN of a property evaluates its default number of
 * generated inputs (checks) and fails when any check rejects. For each stated alternative the
 * property that targets it runs under 100 run seeds; required: power ≥ 0.99 per run (measured:
 * every run rejects). The wrong samplers are the corpus entries of test/mutation/sampling/ (plain JS, no
 * oracle), so `npm run mutation` and this file test the same code. The false-alarm side — zero
 * false alarms under 200 run seeds for tfjs — is test/statistics/seed-robustness.test.ts.
 *
 * Theoretical per-check power (α ≈ 1.92e-10, the budget's level):
 * - uniform with matched moments → normal-fit: sup|F_U − Φ| ≈ 0.057 at |t| ≈ 0.8 against the DKW
 *   radius ≈ 0.0265 (n = 16 384); the empirical CDF's sd there is ≈ 0.0032: ≈ 9 sd, power ≈ 1.
 * - per-call standardisation → normal-call-means: Σ n(m_k − μ)²/σ² ≈ 10⁻¹⁰ against the lower
 *   critical value 128 − 2√(128·23.07) ≈ 19.1: power 1.
 * - seed ignored (Math.random) → normal-streams: the replicated call differs: power 1.
 * - short period (16-bit LCG, period 32 768) → normal-streams: ≥ 4 096 repeats in the long call
 *   of 36 864 against a critical value ≈ 1 211: power 1.
 * - ρ = 0.5 pairs → mask-independence: P(1,1) = p² + ρp(1−p) over 8 192 pairs (lag 1, offset 0),
 *   tested at α/36: 0.375 vs 0.25 at p = 1/2 (critical distance ≈ 0.033, sd 0.005); the weakest
 *   case is p = fl32(0.9): 0.855 vs 0.81, critical distance ≈ 0.032, sd 0.0039 — 3.4 sd, ≥ 0.9997.
 * - p ± 0.02 → reg.dropout-ridge/mask-rate: critical distance ≤ 0.0133 (p = 1/2, 65 536 entries),
 *   sd ≤ 0.0020: ≥ 3.3 sd beyond it, power ≥ 0.9997 per check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, it, expect, beforeAll } from 'vitest';
import type { Implementation, Outcome, PropertyDef } from '../../src/registry/types.js';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { propertySeed } from '../../src/runner/seed.js';
import { STATISTICAL_PROPERTIES, ALPHA_PER_CHECK } from '../../src/statistics/budget.js';
import { Rational } from '../../src/numerics/rational.js';
import {
  normalCdfGrid, binomialCritical, binomialTest, repeatsTest, dkwNormalTest, lowerTailTest, combineTests, gaussianPairTest,
} from '../../src/statistics/tests.js';
import { lagPairings, LAGS, LAG_N, MASK_LAG_N, NORMAL_PMAX, checkNormalStreams, checkMaskStreams } from '../../src/properties/stats.iid-sum-variance.js';
import { CallCache, evaluate } from '../../src/conform/batched.js';
import { fromSyncImplementation } from '../../src/conform/async-impl.js';
import { createTfjsImplementation } from '../../src/impl/tfjs/index.js';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../mutation/sampling');
/** Power is measured over 100 runs (all must reject: ≥ 0.99 per run); false alarms over 200 in seed-robustness.test.ts. */
const RUN_SEEDS = Array.from({ length: 100 }, (_, i) => 20231109 + 7919 * i);

interface Entry { file: string; meta: { op: string; kind: 'bug' | 'correct'; class: string }; mod: { name: string; ops: Record<string, (a: any, dtype: string) => unknown> } }
const entries = new Map<string, Entry>();
beforeAll(async () => {
  for (const f of fs.readdirSync(CORPUS).filter((x) => x.endsWith('.mjs') && !x.startsWith('_'))) {
    const m = await import(pathToFileURL(path.join(CORPUS, f)).href);
    entries.set(f, { file: f, meta: m.meta, mod: m.default });
  }
});

function implOf(file: string, dtype: 'float32' | 'float64' = 'float32'): Implementation {
  const e = entries.get(file)!;
  return { name: e.mod.name, dtype, notes: [], ops: Object.fromEntries(Object.entries(e.mod.ops).map(([k, fn]) => [k, (a: any) => fn(a, dtype)])) };
}

function propOf(id: string): PropertyDef {
  const [c, n] = id.split('/') as [string, string];
  return CLAIM_MODULES.find((m) => m.id === c)!.properties.find((p) => p.name === n)!;
}

/** One run of a property as `lemmata check`/`conform` performs it (no shrinking): the outcomes of its default checks. */
function run(id: string, impl: Implementation, runSeed: number): Outcome[] {
  const p = propOf(id);
  return fc.sample(p.arbitrary, { seed: propertySeed(runSeed, id), numRuns: p.runs ?? 100 }).map((inp) => p.check(inp, impl));
}

describe('power per stated alternative (100 runs each; ≥ 0.99 per run required)', () => {
  const cases: [string, string, string][] = [
    ['uniform with matched moments', 'bug-uniform-matched-moments.mjs', 'stats.iid-sum-variance/normal-fit'],
    ['per-call standardisation', 'bug-per-call-standardised.mjs', 'stats.iid-sum-variance/normal-call-means'],
    ['seed ignored (Math.random)', 'bug-seed-ignored.mjs', 'stats.iid-sum-variance/normal-streams'],
    ['short period (16-bit LCG, period 32 768)', 'bug-period-32768.mjs', 'stats.iid-sum-variance/normal-streams'],
    ['ρ = 0.5 pairwise correlation in the mask', 'bug-mask-pair-correlated.mjs', 'stats.iid-sum-variance/mask-independence'],
    ['mask keep rate p + 0.02', 'bug-mask-p-plus-0.02.mjs', 'reg.dropout-ridge/mask-rate'],
    ['mask keep rate p − 0.02', 'bug-mask-p-minus-0.02.mjs', 'reg.dropout-ridge/mask-rate'],
  ];
  for (const [what, file, id] of cases) {
    it(`${what}: ${id} rejects in every run`, () => {
      const impl = implOf(file);
      let runsRejected = 0, checks = 0, checksRejected = 0, minRatio = Infinity;
      for (const s of RUN_SEEDS) {
        const outs = run(id, impl, s);
        checks += outs.length;
        const bad = outs.filter((o) => !o.ok);
        checksRejected += bad.length;
        if (bad.length) runsRejected++;
        for (const o of outs) minRatio = Math.min(minRatio, o.ratio ?? Infinity);
      }
      console.log(`power: ${what} → ${id}: ${runsRejected}/${RUN_SEEDS.length} runs, ${checksRejected}/${checks} checks rejected (smallest ratio ${minRatio.toPrecision(3)})`);
      expect(runsRejected / RUN_SEEDS.length).toBeGreaterThanOrEqual(0.99);
      expect(runsRejected).toBe(RUN_SEEDS.length);
    }, 120_000);
  }
});

describe('correct zoo: every statistical property of its op passes on 5 run seeds, float32 and float64', () => {
  const zoo = ['correct-box-muller.mjs', 'correct-marsaglia-polar.mjs', 'correct-inverse-cdf.mjs', 'correct-mask-threshold.mjs', 'correct-mask-geometric-skip.mjs'];
  for (const file of zoo) {
    it(file, () => {
      const { op } = entries.get(file)!.meta;
      const alarms: string[] = [];
      for (const dtype of ['float32', 'float64'] as const) {
        const impl = implOf(file, dtype);
        for (const id of STATISTICAL_PROPERTIES.filter((x) => propOf(x).ops!.includes(op))) {
          for (const s of [1, 2, 3, 4, 5]) {
            for (const o of run(id, impl, s)) if (!o.ok) alarms.push(`${id} [${dtype}] run seed ${s}: ${o.detail}`);
          }
        }
      }
      expect(alarms).toEqual([]);
    }, 120_000);
  }
});

describe('determinism through the gate: a replicated call is a separate item of the batch', () => {
  it('conform\'s call cache would hide a seed-ignoring sampler; the replicate exposes it, and tfjs passes', async () => {
    const inp = { seed: 12345, mean: 1.5, std: 0.5 };
    const prop = propOf('stats.iid-sum-variance/normal-streams');
    const wrong = fromSyncImplementation(implOf('bug-seed-ignored.mjs'), 'module', 'bug-seed-ignored.mjs');
    const cache = new CallCache(wrong, 'float32', 256);
    const o = await evaluate(prop, inp, cache, cache.facade());
    expect(o.ok).toBe(false);
    expect(o.detail).toMatch(/not deterministic/);
    const tf = await createTfjsImplementation('cpu');
    const good = new CallCache(fromSyncImplementation(tf, 'builtin', 'cpu'), 'float32', 256);
    expect((await evaluate(prop, inp, good, good.facade())).ok).toBe(true);
    // the same on the mask, and directly (no cache)
    expect(checkNormalStreams(inp, implOf('bug-seed-ignored.mjs')).ok).toBe(false);
    expect(checkMaskStreams({ seed: 7, p: 0.25 }, implOf('bug-mask-seed-ignored.mjs')).ok).toBe(false);
    const mprop = propOf('stats.iid-sum-variance/mask-streams');
    const mc = new CallCache(fromSyncImplementation(implOf('bug-mask-seed-ignored.mjs'), 'module', 'x'), 'float32', 256);
    expect((await evaluate(mprop, { seed: 7, p: 0.25 }, mc, mc.facade())).ok).toBe(false);
  }, 60_000);
});

describe('the rigorous tests', () => {
  it('the DKW grid encloses Φ: Φ(0) = 1/2, symmetric, increasing, and matches Φ(1) ≈ 0.841345', () => {
    const g = normalCdfGrid();
    expect(g.length).toBe(97);
    const mid = g[48]!;
    expect(mid.t).toBe(0);
    expect(mid.lo).toBeLessThanOrEqual(0.5);
    expect(mid.hi).toBeGreaterThanOrEqual(0.5);
    for (let i = 1; i < g.length; i++) expect(g[i]!.lo).toBeGreaterThan(g[i - 1]!.hi);
    for (let i = 0; i < g.length; i++) {
      expect(g[i]!.hi - g[i]!.lo).toBeLessThan(1e-15);
      expect(g[i]!.lo + g[96 - i]!.hi).toBeGreaterThanOrEqual(1 - 1e-15);
    }
    const one = g.find((p) => p.r.eq(Rational.of(12, 16)))!; // t = √2·0.75 ≈ 1.0607: Φ ≈ 0.855 5
    expect(one.lo).toBeCloseTo(0.8555, 3);
  });
  it('DKW: a correct N(0, 1) sample passes, a uniform with matched moments fails', () => {
    const u = (k: number) => (k + 0.5) / 16384;
    const inv = entries.get('correct-inverse-cdf.mjs')!.mod.ops['random.normal']!;
    const z = inv({ n: 16384, mean: 0, std: 1, seed: 1 }, 'float64') as number[];
    expect(dkwNormalTest({ x: z, mu: 0, sigma: 1, alpha: ALPHA_PER_CHECK }).reject).toBe(false);
    const unif = Array.from({ length: 16384 }, (_, k) => Math.sqrt(3) * (2 * u(k) - 1));
    const t = dkwNormalTest({ x: unif, mu: 0, sigma: 1, alpha: ALPHA_PER_CHECK });
    expect(t.reject).toBe(true);
    expect(t.statistic).toBeGreaterThan(0.05);
  });
  it('binomial critical counts are valid: the EXACT binomial tails beyond them are ≤ α/2 (n = 200, several π and α)', () => {
    const n = 200;
    const pmf = (pi: Rational) => {
      const out: Rational[] = [];
      let c = Rational.ONE; // C(n, k)
      for (let k = 0; k <= n; k++) {
        out.push(c.mul(pi.pow(k)).mul(Rational.ONE.sub(pi).pow(n - k)));
        c = c.mul(Rational.of(n - k, k + 1));
      }
      return out;
    };
    for (const [pi, alpha] of [[Rational.of(1, 2), 1e-3], [Rational.of(1, 8), 1e-6], [Rational.of(9, 10), 1e-4], [Rational.of(3, 4), 0.05]] as const) {
      const { kLo, kHi } = binomialCritical(n, pi, pi, alpha);
      const p = pmf(pi);
      const upper = Rational.sum(p.slice(kHi)), lower = kLo >= 0 ? Rational.sum(p.slice(0, kLo + 1)) : Rational.ZERO;
      const half = Rational.fromFloat64(alpha / 2);
      expect(upper.le(half)).toBe(true);
      expect(lower.le(half)).toBe(true);
      // and not absurdly conservative: the tails one step inside are at least α/1000
      expect(Rational.sum(p.slice(kHi - 1)).toFloat64()).toBeGreaterThan(alpha / 1000);
    }
    const t = binomialTest({ k: 60, n: 100, piLo: Rational.of(1, 2), piHi: Rational.of(1, 2), alpha: 0.05, what: 'x' });
    expect(t.reject).toBe(false);
    expect(binomialTest({ k: 80, n: 100, piLo: Rational.of(1, 2), piHi: Rational.of(1, 2), alpha: 0.05, what: 'x' }).reject).toBe(true);
  });
  it('repeats: independent doubles have none; a period-1000 stream is rejected; the atom bound is < 2⁻²¹', () => {
    const x = Array.from({ length: 5000 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
    expect(repeatsTest({ values: x, pMax: NORMAL_PMAX, alpha: 1e-9, what: 'x' }).reject).toBe(false);
    const periodic = Array.from({ length: 5000 }, (_, i) => x[i % 1000]!);
    expect(repeatsTest({ values: periodic, pMax: NORMAL_PMAX, alpha: 1e-9, what: 'x' }).reject).toBe(true);
    // 2κ(1 + 5κ)·φ(1), κ = 2⁻²⁰
    const k = 2 ** -20;
    expect(2 * k * (1 + 5 * k) * Math.exp(-0.5) / Math.sqrt(2 * Math.PI)).toBeLessThan(NORMAL_PMAX);
  });
  it('lag pairings are disjoint and stay inside the call', () => {
    const problems: string[] = [];
    for (const n of [LAG_N, MASK_LAG_N]) for (const lag of LAGS) for (const { offset, blocks } of lagPairings(n, lag)) {
      const used = new Uint8Array(n);
      for (let b = 0; b < blocks; b++) for (let r = 0; r < lag; r++) {
        const a = offset + 2 * lag * b + r;
        if (a + lag >= n || used[a] || used[a + lag]) problems.push(`n ${n} lag ${lag} offset ${offset}: index ${a}`);
        used[a] = 1; used[a + lag] = 1;
      }
    }
    expect(problems).toEqual([]);
  });
  it('Maurer lower tail, the pair rotation and the combination behave as documented', () => {
    expect(lowerTailTest({ sum: 100, meanLo: 100, secondHi: 300, alpha: 1e-6, what: 'x' }).reject).toBe(false);
    expect(lowerTailTest({ sum: 0, meanLo: 1000, secondHi: 3000, alpha: 1e-6, what: 'x' }).reject).toBe(true);
    const ok = gaussianPairTest({ qU: 1000, qV: 1000, n: 1000, alpha: 1e-6, slackU: 0, slackV: 0, what: 'x' });
    expect(ok.every((t) => !t.reject)).toBe(true);
    const rho = gaussianPairTest({ qU: 1500, qV: 500, n: 1000, alpha: 1e-6, slackU: 0, slackV: 0, what: 'x' });
    expect(rho.every((t) => t.reject)).toBe(true);
    const c = combineTests('two', [...ok, ...rho], 1e-6);
    expect(c.reject).toBe(true);
    expect(c.detail).toMatch(/4 tests at α\/4/);
  });
});
