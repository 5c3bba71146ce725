/**
 * The statistical properties of dec.sample: generators by input class and the check — one call
 * of SAMPLE_N draws and its replicate (same arguments: must be identical), the counts tested against
 * rigorous enclosures of the exact distribution (src/oracles/decoding.ts sampleDistribution) by
 * per-token Chernoff–KL binomial tests combined at the per-check level α (src/statistics/categorical.ts).
 * Shared by dec.temperature/sample-distribution and dec.top-p/sample-nucleus.
 */
import fc from 'fast-check';
import type { Implementation, Outcome } from '../registry/types.js';
import { sampleDistribution, type SampleArgs } from '../oracles/decoding.js';
import { ALPHA_PER_CHECK } from '../statistics/budget.js';
import { categoricalTest } from '../statistics/categorical.js';
import { classes, type Tagged } from './gen-helpers.js';

/** Draws per check. */
export const SAMPLE_N = 20000;

const TAUS = [0.5, Math.fround(0.7), 1, Math.fround(1.3), 2];
const PS = [0.5, Math.fround(0.8), Math.fround(0.9), Math.fround(0.95)];
/**
 * sampleDistribution, computed once per (logits, τ, k, p): the generator's filter needs it to keep decided
 * inputs and the check needs it again for the same input (the seed and n do not enter the distribution).
 * A small memo keyed by those arguments; cleared when it grows past 256 entries.
 */
const distMemo = new Map<string, ReturnType<typeof sampleDistribution>>();
function distributionOf(a: SampleArgs): ReturnType<typeof sampleDistribution> {
  const key = JSON.stringify([a.logits, a.temperature, a.topK, a.topP]);
  let d = distMemo.get(key);
  if (d === undefined) {
    if (distMemo.size >= 256) distMemo.clear();
    d = sampleDistribution(a);
    distMemo.set(key, d);
  }
  return d;
}

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const logitsArb = fc.integer({ min: 2, max: 24 }).chain((V) => fc.array(fc.oneof(
  fc.integer({ min: -24, max: 24 }).map((k) => k / 4),
  fc.float({ min: -6, max: 6, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
), { minLength: V, maxLength: V }));

const base = (o: { tau?: fc.Arbitrary<number>; k?: (logits: number[]) => fc.Arbitrary<number>; p?: fc.Arbitrary<number>; logits?: fc.Arbitrary<number[]>; nucleusAtLeast?: number }): fc.Arbitrary<SampleArgs> =>
  (o.logits ?? logitsArb).chain((logits) => fc.record({
    logits: fc.constant(logits),
    temperature: o.tau ?? fc.constantFrom(...TAUS),
    topK: (o.k ?? (() => fc.constant(0)))(logits),
    topP: o.p ?? fc.constant(1),
    n: fc.constant(SAMPLE_N),
    seed: seedArb,
  })).filter((a) => {
    const d = distributionOf(a);
    return d.decided && (o.nucleusAtLeast === undefined || d.kept.filter(Boolean).length >= o.nucleusAtLeast);
  });

/** Logits from {−1, −½, 0, ½, 1}: ties everywhere. */
const tiedLogitsArb = fc.integer({ min: 3, max: 24 }).chain((V) => fc.array(fc.constantFrom(-1, -0.5, 0, 0.5, 1), { minLength: V, maxLength: V }));
/** Flat logits j/64 in [−1, 1]: no word dominates, so the nucleus has several words and its threshold word carries real mass. */
const flatLogitsArb = fc.integer({ min: 3, max: 24 }).chain((V) => fc.array(fc.integer({ min: -64, max: 64 }).map((j) => j / 64), { minLength: V, maxLength: V }));
/** A k whose k-th largest logit is tied with the (k+1)-th (the tie rule of top-k decides what is kept), or any k when no such k exists. */
const tiedK = (logits: number[]): fc.Arbitrary<number> => {
  const s = logits.slice().sort((x, y) => y - x);
  const ks = s.flatMap((v, i) => (i >= 1 && i < s.length && s[i - 1] === v ? [i] : []));
  return ks.length ? fc.constantFrom(...ks) : fc.integer({ min: 1, max: logits.length - 1 });
};
const FLAT_TAUS = [1, Math.fround(1.3), 2];

/** Classes of the temperature property (dec.temperature/sample-distribution). */
export const temperatureSampleArb: fc.Arbitrary<Tagged<SampleArgs>> = classes([
  { name: 'temperature-only', weight: 3, arb: base({}) },
  { name: 'peaked', weight: 1, arb: base({ tau: fc.constant(0.25) }) },
]);
/** Classes of the filter property (dec.top-p/sample-nucleus). */
export const filterSampleArb: fc.Arbitrary<Tagged<SampleArgs>> = classes([
  // every class is built to tell the declared filters from their usual misreadings: top-k with the k-th logit
  // tied with a dropped one (torch.topk keeps exactly k), top-p with a nucleus of ≥ 2 flat words (dropping or
  // adding the threshold word moves real mass)
  { name: 'top-k', weight: 1, arb: base({ logits: tiedLogitsArb, k: tiedK }) },
  { name: 'top-p', weight: 1, arb: base({ logits: flatLogitsArb, tau: fc.constantFrom(...FLAT_TAUS), p: fc.constantFrom(...PS), nucleusAtLeast: 2 }) },
  { name: 'top-k-and-top-p', weight: 1, arb: base({ logits: fc.oneof(tiedLogitsArb, flatLogitsArb), k: tiedK, p: fc.constantFrom(...PS), nucleusAtLeast: 2 }) },
]);

/** One check: replay determinism, every draw a valid id, the counts against the exact distribution at level α. */
export function checkSample(a0: Tagged<SampleArgs>, impl: Implementation, alpha = ALPHA_PER_CHECK): Outcome {
  const { cls: _c, ...a } = a0;
  const fn = impl.ops['dec.sample'] as (x: SampleArgs, replicate?: number) => ArrayLike<number>;
  const d1 = fn(a), d2 = fn(a, 1);
  const V = a.logits.length;
  if (!d1 || d1.length !== a.n) return { ok: false, detail: `dec.sample returned ${d1?.length} draws, expected ${a.n}` };
  if (!d2 || d2.length !== a.n) return { ok: false, detail: `replicate returned ${d2?.length} draws` };
  const counts = new Array<number>(V).fill(0);
  for (let i = 0; i < a.n; i++) {
    const w = d1[i]!;
    if (!Number.isInteger(w) || w < 0 || w >= V) return { ok: false, detail: `draw ${i} = ${w} is not a token id in [0, ${V})` };
    if (d2[i] !== w) return { ok: false, detail: `not deterministic: the same arguments (seed ${a.seed}) gave draw ${i} = ${w}, then ${d2[i]}` };
    counts[w]!++;
  }
  const dist = distributionOf(a);
  const t = categoricalTest({ counts, n: a.n, lo: dist.lo, hi: dist.hi, alpha, what: `τ = ${a.temperature}, k = ${a.topK}, p = ${a.topP}` });
  return t.reject ? { ok: false, ratio: t.ratio, detail: `${t.detail}; counts ${counts.join(' ')}; kept ${dist.kept.map((k) => (k ? 1 : 0)).join('')}` } : { ok: true, ratio: t.ratio };
}
