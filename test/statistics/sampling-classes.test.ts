/**
 * The input classes declared for the sampling ops (src/ops/sampling.ts) and their measured shares.
 *
 * For a sampling op the "generated inputs" are the checks of the statistical properties that call
 * it (each property runs the same default number of checks per run, so they weigh equally). Each
 * property's calls are a fixed plan of its input (below); the plan is verified against the calls a
 * check really makes (recorded, including replicated calls), and the shares are measured over
 * 10 000 sampled checks.
 */
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import type { Implementation, PropertyDef } from '../../src/registry/types.js';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { STATISTICAL_PROPERTIES } from '../../src/statistics/budget.js';
import { opById } from '../../src/ops/index.js';
import { NORMAL_N, T_REPLICATES } from '../../src/properties/stats.t-test.js';
import { MASK_N, LOSS_MASKS } from '../../src/properties/reg.dropout-ridge.js';
import * as S from '../../src/properties/stats.iid-sum-variance.js';
import { SAMPLE_N } from '../../src/properties/dec-sample.js';
import { MLM_N } from '../../src/properties/pre-mlm-sample.js';

interface Call { n: number; mean?: number; std?: number; p?: number; seed: number; replicate?: number; args?: any }
const range = (a: number, k: number) => Array.from({ length: k }, (_, i) => a + i);

/** The calls one check makes, by property. */
const PLANS: Record<string, (i: any) => Call[]> = {
  'stats.t-test/normal-mean': (i) => [{ n: NORMAL_N, mean: i.mean, std: i.std, seed: i.seed }],
  'stats.t-test/normal-variance': (i) => [{ n: NORMAL_N, mean: i.mean, std: i.std, seed: i.seed }],
  'stats.t-test/size': (i) => [{ n: T_REPLICATES * (i.nu + 1), mean: i.mu0, std: i.sigma, seed: i.seed }],
  'grad.reparam/monte-carlo': (i) => [{ n: 20000, mean: 0, std: 1, seed: i.seed }],
  'stats.iid-sum-variance/normal-fit': (i) => [{ n: S.FIT_N, mean: i.mean, std: i.std, seed: i.seed }],
  'stats.iid-sum-variance/normal-independence': (i) => [{ n: S.LAG_N, mean: i.mean, std: i.std, seed: i.seed }, { n: S.CROSS_N, mean: i.mean, std: i.std, seed: i.seed + 1 }],
  'stats.iid-sum-variance/normal-call-means': (i) => range(i.seed + 1, S.CALLS_K).map((seed) => ({ n: S.CALLS_N, mean: i.mean, std: i.std, seed })),
  'stats.iid-sum-variance/normal-streams': (i) => [
    { n: S.REPLICATE_N, mean: i.mean, std: i.std, seed: i.seed },
    { n: S.REPLICATE_N, mean: i.mean, std: i.std, seed: i.seed, replicate: 1 },
    { n: S.REPLICATE_N, mean: i.mean, std: i.std, seed: 0 },
    { n: S.REPLICATE_N, mean: i.mean, std: i.std, seed: 0, replicate: 1 },
    { n: S.STREAM_LONG_N, mean: 0, std: 1, seed: i.seed },
    ...range(i.seed + 1, S.STREAM_SHORT_K).map((seed) => ({ n: S.STREAM_SHORT_N, mean: 0, std: 1, seed })),
  ],
  'reg.dropout-ridge/mask-rate': (i) => [{ n: MASK_N, p: i.p, seed: i.seed }],
  'reg.dropout-ridge/expected-loss': (i) => [{ n: LOSS_MASKS * i.X.length * i.w.length, p: i.p, seed: i.seed }],
  'stats.iid-sum-variance/mask-independence': (i) => [{ n: S.MASK_LAG_N, p: i.p, seed: i.seed }, { n: S.MASK_CROSS_N, p: i.p, seed: i.seed + 1 }],
  'stats.iid-sum-variance/mask-call-sums': (i) => range(i.seed + 1, S.MASK_CALLS_K).map((seed) => ({ n: S.MASK_CALLS_N, p: i.p, seed })),
  'dec.temperature/sample-distribution': (i) => [{ n: SAMPLE_N, seed: i.seed, args: i }, { n: SAMPLE_N, seed: i.seed, replicate: 1, args: i }],
  'dec.top-p/sample-nucleus': (i) => [{ n: SAMPLE_N, seed: i.seed, args: i }, { n: SAMPLE_N, seed: i.seed, replicate: 1, args: i }],
  'pre.mlm/mask-statistics': (i) => [{ n: MLM_N, seed: i.seed, args: i }, { n: MLM_N, seed: i.seed, replicate: 1, args: i }],
  'stats.iid-sum-variance/mask-streams': (i) => [
    { n: S.MASK_STREAM_N, p: i.p, seed: i.seed }, { n: S.MASK_STREAM_N, p: i.p, seed: i.seed, replicate: 1 }, { n: S.MASK_STREAM_N, p: i.p, seed: i.seed + 1 },
  ],
};

const CLASSIFY: Record<string, Record<string, (calls: Call[]) => boolean>> = {
  'random.normal': {
    'long call': (c) => c.some((x) => x.n >= 16384),
    standard: (c) => c.some((x) => x.mean === 0 && x.std === 1),
    'location-scale': (c) => c.some((x) => x.mean !== 0 || x.std !== 1),
    'non-dyadic parameters': (c) => c.some((x) => x.mean === Math.fround(0.3) || x.std === Math.fround(1.7)),
    'consecutive seeds': (c) => new Set(c.map((x) => x.seed)).size >= 2,
    'replicated call': (c) => c.some((x) => x.replicate),
  },
  'random.bernoulli-mask': {
    'long mask': (c) => c.some((x) => x.n >= 12000),
    'p = 1/2': (c) => c.some((x) => x.p === 0.5),
    'extreme rates': (c) => c.some((x) => [0.125, 0.875, Math.fround(0.1), Math.fround(0.9)].includes(x.p!)),
    'non-dyadic rates': (c) => c.some((x) => [Math.fround(0.9), Math.fround(0.1), Math.fround(0.8)].includes(x.p!)),
    'consecutive seeds': (c) => new Set(c.map((x) => x.seed)).size >= 2,
    'replicated call': (c) => c.some((x) => x.replicate),
  },
};

function propOf(id: string): PropertyDef {
  const [c, n] = id.split('/') as [string, string];
  return CLAIM_MODULES.find((m) => m.id === c)!.properties.find((p) => p.name === n)!;
}

/** A recording implementation: correct, cheap samplers (a seeded LCG-free hash; quality is irrelevant here). */
function recorder(log: Call[]): Implementation {
  const h = (s: number, i: number) => { let x = Math.imul(s ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35); x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d); x ^= x >>> 13; return ((x >>> 0) + 0.5) / 4294967296; };
  return {
    name: 'recorder', dtype: 'float32', notes: [],
    ops: {
      'random.normal': ((a: any, replicate?: number) => {
        log.push({ n: a.n, mean: a.mean, std: a.std, seed: a.seed, ...(replicate ? { replicate } : {}) });
        return Array.from({ length: a.n }, (_, i) => Math.fround(a.mean + a.std * Math.sqrt(-2 * Math.log(h(a.seed, 2 * i))) * Math.cos(2 * Math.PI * h(a.seed, 2 * i + 1))));
      }) as (a: any) => any,
      'dec.sample': ((a: any, replicate?: number) => {
        log.push({ n: a.n, seed: a.seed, ...(replicate ? { replicate } : {}), args: a });
        return Array.from({ length: a.n }, () => a.logits.indexOf(Math.max(...a.logits)));
      }) as (a: any) => any,
      'pre.mlm-mask': ((a: any, replicate?: number) => {
        log.push({ n: a.tokens.length, seed: a.seed, ...(replicate ? { replicate } : {}), args: a });
        return { input: a.tokens.slice(), labels: a.tokens.map(() => -100) };
      }) as (a: any) => any,
      'random.bernoulli-mask': ((a: any, replicate?: number) => {
        log.push({ n: a.n, p: a.p, seed: a.seed, ...(replicate ? { replicate } : {}) });
        return Array.from({ length: a.n }, (_, i) => (h(a.seed, i) < a.p ? 1 : 0));
      }) as (a: any) => any,
    },
  };
}

const key = (c: Call) => JSON.stringify([c.n, c.mean, c.std, c.p, c.seed, c.replicate ?? 0]);

/** The classes of the seeded samplers of other domains: the generated input's class tag. */
const TAGGED: Record<string, string[]> = {
  'dec.sample': ['dec.temperature/sample-distribution', 'dec.top-p/sample-nucleus'],
  'pre.mlm-mask': ['pre.mlm/mask-statistics'],
};

describe('sampling ops: declared input classes', () => {
  it('every statistical property has a call plan, and the plans are the calls the checks make', () => {
    expect(Object.keys(PLANS).sort()).toEqual([...STATISTICAL_PROPERTIES].sort());
    for (const id of STATISTICAL_PROPERTIES) {
      for (const inp of fc.sample(propOf(id).arbitrary, { seed: 3, numRuns: 2 })) {
        const log: Call[] = [];
        propOf(id).check(inp, recorder(log));
        expect(log.map(key).sort(), id).toEqual(PLANS[id]!(inp).map(key).sort());
      }
    }
  }, 60_000);

  for (const [op, props] of Object.entries(TAGGED)) {
    it(`${op}: every declared class reaches its minimum share over the sampled checks of ${props.join(', ')}`, () => {
      const declared = opById(op)!.inputClasses!;
      const N = 600;
      const tags = props.flatMap((id) => fc.sample(propOf(id).arbitrary, { seed: 11, numRuns: Math.ceil(N / props.length) }).map((i: any) => i.cls as string));
      const shares = Object.fromEntries(declared.map((c) => [c.name, tags.filter((t) => t === c.name).length / tags.length]));
      console.log(`${op} measured shares: ${JSON.stringify(shares)}`);
      for (const c of declared) expect(shares[c.name], c.name).toBeGreaterThanOrEqual(c.minShare);
      expect([...new Set(tags)].sort()).toEqual(declared.map((c) => c.name).sort());
    }, 60_000);
  }

  for (const op of ['random.normal', 'random.bernoulli-mask'] as const) {
    it(`${op}: every declared class reaches its minimum share over 10 000 sampled checks`, () => {
      const declared = opById(op)!.inputClasses!;
      expect(declared.map((c) => c.name).sort()).toEqual(Object.keys(CLASSIFY[op]!).sort());
      const props = STATISTICAL_PROPERTIES.filter((id) => propOf(id).ops!.includes(op));
      const N = 10000;
      const perProp = Math.ceil(N / props.length);
      const hits = new Map<string, number>();
      let total = 0;
      for (const id of props) {
        for (const inp of fc.sample(propOf(id).arbitrary, { seed: 11, numRuns: perProp })) {
          const calls = PLANS[id]!(inp);
          total++;
          for (const [name, f] of Object.entries(CLASSIFY[op]!)) if (f(calls)) hits.set(name, (hits.get(name) ?? 0) + 1);
        }
      }
      const shares = Object.fromEntries(declared.map((c) => [c.name, (hits.get(c.name) ?? 0) / total]));
      console.log(`${op} measured shares over ${total} checks: ${declared.map((c) => `${c.name} ${(100 * shares[c.name]!).toFixed(1)} % (min ${(100 * c.minShare).toFixed(0)} %)`).join('; ')}`);
      for (const c of declared) expect(shares[c.name], c.name).toBeGreaterThanOrEqual(c.minShare);
      // the sizes reach the largest a property asks for
      const maxN = Math.max(...props.flatMap((id) => fc.sample(propOf(id).arbitrary, { seed: 5, numRuns: 50 }).flatMap((i) => PLANS[id]!(i).map((c) => c.n))));
      expect(maxN).toBeGreaterThanOrEqual(op === 'random.normal' ? 72000 : 100000);
    });
  }
});
