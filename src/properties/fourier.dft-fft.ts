/**
 * fourier.dft-fft — the DFT X[k] = Σ_{n<N} x[n] W_N^{kn}, W_N = e^{−2πi/N}, its inverse (1/N)Σ_k X[k]W_N^{−kn},
 * the samples X[k] = X_DTFT(2πk/N) of the DTFT, the matrix form X = W x with the Vandermonde matrix
 * V(W_N^0, …, W_N^{N−1}), and the FFT computing it in O(N log N).
 * Seed 000_1c190711b4cfcedd.txt, lines 668–680.
 */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { precisionOf, type Precision } from '../numerics/bounds.js';
import { dftBound, seqNorms, dftAlgorithmBounds } from '../numerics/bounds-dft.js';
import { dftEnclose, dftOracle, rfftOracle, dtftAt, overlaps, boxContains, boxWidth, cos2piEnclose, sin2piEnclose, type CBox } from '../oracles/fourier.js';
import { mulDown, mulUp, addDown, addUp, subDown, subUp, Interval } from '../numerics/interval.js';
import { f32, f32Mixed, f32Scaled } from './arbitraries.js';
import { classes, sizeUpTo, f64Full, f32Block, castFloats, type Tagged, noSub, fixedArray } from './gen-helpers.js';

/** Arguments of `fourier.dft`: [re, im] pairs. */
export interface DftCase { x: number[][] }
/** Arguments of `fourier.rfft`. */
export interface RfftCase { x: number[] }

const cvec = (n: number, el: fc.Arbitrary<number>) => fixedArray(n, fc.tuple(el, el).map(([a, b]) => [a, b]));

export const DFT_MAX_N = 1024;
export const RFFT_MAX_N = 2048;

/** Lengths 17–300 that are not powers of two: odd, prime, and mixed (e.g. 7·11, 2·3·5², 17·…). */
const nonPow2 = fc.integer({ min: 17, max: 300 }).filter((n) => (n & (n - 1)) !== 0);
const pow2 = (jmin: number, jmax: number) => sizeUpTo(jmin, jmax).map((j) => 2 ** j);

/** A structured complex input: impulse, constant or pure tone e^{2πik₀n/N} (rounded to float32). */
const structuredC = sizeUpTo(2, 64).chain((N) => fc.tuple(fc.constant(N), fc.integer({ min: 0, max: N - 1 }), fc.integer({ min: 0, max: 2 }), f32(3).filter((v) => v !== 0)))
  .map(([N, k0, kind, a]) => ({
    x: Array.from({ length: N }, (_, n) => kind === 0 ? [n === k0 ? a : 0, 0]
      : kind === 1 ? [a, 0]
        : [Math.fround(Math.cos((2 * Math.PI * k0 * n) / N)), Math.fround(Math.sin((2 * Math.PI * k0 * n) / N))]),
  }));

/**
 * Input classes of `fourier.dft` (shares are weights / 20; src/ops/fourier.ts lists them): small N 1–16 mixed
 * magnitudes; powers of two 32–1024 from seeded blocks; non-powers of two 17–300; float64-only N 1–64;
 * structured (impulse, constant, tone) N 2–64; wide-range entries m·2^e, e ∈ [−20, 3].
 */
export const dftArb: fc.Arbitrary<Tagged<DftCase>> = classes<DftCase>([
  { name: 'small', weight: 7, arb: sizeUpTo(1, 16).chain((N) => fc.record({ x: cvec(N, f32Mixed(4).map(noSub)) })) },
  { name: 'power-of-two', weight: 5, arb: pow2(5, 10).chain((N) => fc.tuple(f32Block(N, 1), f32Block(N, 1))).map(([a, b]) => ({ x: a.map((v, i) => [v, b[i]!]) })) },
  { name: 'non-power-of-two', weight: 3, arb: nonPow2.chain((N) => fc.tuple(f32Block(N, 1), f32Block(N, 1))).map(([a, b]) => ({ x: a.map((v, i) => [v, b[i]!]) })) },
  { name: 'float64-only', weight: 2, arb: sizeUpTo(1, 64).chain((N) => fc.record({ x: cvec(N, f64Full(-4, 2)) })) },
  { name: 'structured', weight: 2, arb: structuredC },
  { name: 'wide-range', weight: 1, arb: sizeUpTo(1, 64).chain((N) => fc.record({ x: cvec(N, f32Scaled(-20, 3)) })) },
]);

const structuredR = sizeUpTo(2, 64).chain((N) => fc.tuple(fc.constant(N), fc.integer({ min: 0, max: N - 1 }), fc.integer({ min: 0, max: 3 }), f32(3).filter((v) => v !== 0)))
  .map(([N, k0, kind, a]) => ({
    x: Array.from({ length: N }, (_, n) => kind === 0 ? (n === k0 ? a : 0) : kind === 1 ? a
      : kind === 2 ? Math.fround(Math.cos((2 * Math.PI * k0 * n) / N)) : (n % 2 === 0 ? a : -a)),
  }));

/** Input classes of `fourier.rfft` (as dftArb, real; powers of two up to 2048; structured adds (−1)^n, the Nyquist bin). */
export const rfftArb: fc.Arbitrary<Tagged<RfftCase>> = classes<RfftCase>([
  { name: 'small', weight: 7, arb: sizeUpTo(1, 16).chain((N) => fc.record({ x: fixedArray(N, f32Mixed(4).map(noSub)) })) },
  { name: 'power-of-two', weight: 5, arb: pow2(5, 11).chain((N) => f32Block(N, 1)).map((x) => ({ x })) },
  { name: 'non-power-of-two', weight: 3, arb: nonPow2.chain((N) => f32Block(N, 1)).map((x) => ({ x })) },
  { name: 'float64-only', weight: 2, arb: sizeUpTo(1, 64).chain((N) => fc.record({ x: fixedArray(N, f64Full(-4, 2)) })) },
  { name: 'structured', weight: 2, arb: structuredR },
  { name: 'wide-range', weight: 1, arb: sizeUpTo(1, 64).chain((N) => fc.record({ x: fixedArray(N, f32Scaled(-20, 3)) })) },
]);

export const dftArgs = (c: DftCase, dtype: 'float32' | 'float64'): DftCase => castFloats({ x: c.x }, dtype);
export const rfftArgs = (c: RfftCase, dtype: 'float32' | 'float64'): RfftCase => castFloats({ x: c.x }, dtype);

/** Exact enclosures of the outputs and the normwise bound of any listed algorithm in precision p. */
export function dftExpected(c: DftCase, p: Precision): { boxes: CBox[]; bound: number } {
  const N = c.x.length;
  return { boxes: dftOracle(c.x), bound: dftBound(N, seqNorms(c.x.map((v) => v[0]!), c.x.map((v) => v[1]!)), p) };
}
export function rfftExpected(c: RfftCase, p: Precision): { boxes: CBox[]; bound: number } {
  return { boxes: rfftOracle(c.x), bound: dftBound(c.x.length, seqNorms(c.x), p) };
}

/** Distance (upper bound) of a float to [lo, hi]. */
const dist = (v: number, lo: number, hi: number): number => (v < lo ? (lo - v) * (1 + 2 ** -50) : v > hi ? (v - hi) * (1 + 2 ** -50) : 0);

/**
 * Normwise comparison: the implementation's outputs [K][2] against the enclosures; the error measured is the
 * 2-norm of the distances of each component to its enclosure (a lower bound of ‖ŷ − y‖₂, so a correct
 * implementation within the bound always passes), judged against the bound.
 */
export function compareBoxes(got: unknown, boxes: readonly CBox[], bound: number, what: string): Outcome {
  if (!Array.isArray(got) || got.length !== boxes.length) return { ok: false, detail: `${what} returned ${JSON.stringify(got)?.slice(0, 200)} (expected ${boxes.length} [re, im] pairs)` };
  let s2 = 0, worstK = -1, worstD = -1;
  for (let k = 0; k < boxes.length; k++) {
    const g = got[k] as unknown;
    if (!Array.isArray(g) || g.length !== 2 || !Number.isFinite(g[0]) || !Number.isFinite(g[1])) return { ok: false, detail: `${what} y[${k}] = ${JSON.stringify(g)}` };
    const b = boxes[k]!;
    const d = Math.hypot(dist(g[0] as number, b.reLo, b.reHi), dist(g[1] as number, b.imLo, b.imHi));
    s2 += d * d;
    if (d > worstD) { worstD = d; worstK = k; }
  }
  const err = Math.sqrt(s2) * (1 + 2 ** -50);
  const ratio = bound === 0 ? (err === 0 ? 0 : Infinity) : err / bound;
  const b = boxes[worstK];
  const g = got[worstK] as number[] | undefined;
  const detail = b && g ? `${what}: ‖ŷ − y‖₂ ≥ ${err.toExponential(3)}, bound ${bound.toExponential(3)}; worst bin k = ${worstK}: got (${g[0]}, ${g[1]}), exact ∈ ([${b.reLo}, ${b.reHi}], [${b.imLo}, ${b.imHi}]) (${boxes.length} bins)` : `${what}: empty`;
  return { ok: ratio <= 1, ratio, detail };
}

export function checkDft(c0: DftCase, impl: Implementation): Outcome {
  const c = dftArgs(c0, impl.dtype);
  const { boxes, bound } = dftExpected(c, precisionOf(impl));
  return compareBoxes(impl.ops['fourier.dft']!(c), boxes, bound, `fourier.dft (N = ${c.x.length})`);
}

export function checkRfft(c0: RfftCase, impl: Implementation): Outcome {
  const c = rfftArgs(c0, impl.dtype);
  const { boxes, bound } = rfftExpected(c, precisionOf(impl));
  return compareBoxes(impl.ops['fourier.rfft']!(c), boxes, bound, `fourier.rfft (N = ${c.x.length})`);
}

/** Exact dyadic complex inputs for the identities: N 1–16, entries k/8, |k| ≤ 40. */
const qArb = sizeUpTo(1, 16).chain((N) => cvec(N, fc.integer({ min: -40, max: 40 }).map((k) => k / 8)));

const tight = (b: CBox, scale: number) => boxWidth(b) <= 2 ** -30 * (1 + scale);

/** The inverse DFT of the enclosed spectrum, (1/N)Σ_k X[k]W_N^{−kn}, contains x[n] (enclosures propagated as radii). */
export function inverseRoundTrip(x: number[][]): Outcome {
  const N = x.length;
  const X = dftOracle(x);
  const mid = (lo: number, hi: number) => lo / 2 + hi / 2;
  const rad = (lo: number, hi: number) => Math.max(hi - mid(lo, hi), mid(lo, hi) - lo) * (1 + 2 ** -50);
  const back = dftEnclose({ re: X.map((b) => mid(b.reLo, b.reHi)), im: X.map((b) => mid(b.imLo, b.imHi)), rr: X.map((b) => rad(b.reLo, b.reHi)), ri: X.map((b) => rad(b.imLo, b.imHi)) }, x.map((_, n) => n), true);
  const l1 = x.reduce((s, v) => s + Math.abs(v[0]!) + Math.abs(v[1]!), 0);
  for (let n = 0; n < N; n++) {
    if (!boxContains(back[n]!, x[n]![0]! * N, x[n]![1]! * N) || !tight(back[n]!, N * l1)) {
      return { ok: false, detail: `N = ${N}, n = ${n}: Σ_k X[k]W_N^{−kn} ∈ ([${back[n]!.reLo}, ${back[n]!.reHi}], [${back[n]!.imLo}, ${back[n]!.imHi}]) does not contain N·x[n] = (${x[n]![0]! * N}, ${x[n]![1]! * N})` };
    }
  }
  return { ok: true };
}

/** The DFT of length N overlaps the DTFT sampled at ω = 2πk/N (computed on the grid of 2N points, j = 2k). */
export function dftSamplesDtft(x: number[][]): Outcome {
  const N = x.length;
  const X = dftOracle(x);
  for (let k = 0; k < N; k++) {
    const re = dtftAt(x.map((v) => v[0]!), 0, 2 * k, 2 * N), im = dtftAt(x.map((v) => v[1]!), 0, 2 * k, 2 * N);
    // DTFT of x_re + i x_im = D_re + i D_im
    const d: CBox = { reLo: subDown(re.reLo, im.imHi), reHi: subUp(re.reHi, im.imLo), imLo: addDown(re.imLo, im.reLo), imHi: addUp(re.imHi, im.reHi) };
    if (!overlaps(d, X[k]!)) return { ok: false, detail: `N = ${N}, k = ${k}: DFT X[k] and DTFT X(2πk/N) are disjoint` };
  }
  return { ok: true };
}

/** Interval complex product. */
function cmul(a: [Interval, Interval], b: [Interval, Interval]): [Interval, Interval] {
  const m = (p: Interval, q: Interval): Interval => {
    const lo = [mulDown(p.lo, q.lo), mulDown(p.lo, q.hi), mulDown(p.hi, q.lo), mulDown(p.hi, q.hi)];
    const hi = [mulUp(p.lo, q.lo), mulUp(p.lo, q.hi), mulUp(p.hi, q.lo), mulUp(p.hi, q.hi)];
    return new Interval(Math.min(...lo), Math.max(...hi));
  };
  const rr = m(a[0], b[0]), ii = m(a[1], b[1]), ri = m(a[0], b[1]), ir = m(a[1], b[0]);
  return [new Interval(subDown(rr.lo, ii.hi), subUp(rr.hi, ii.lo)), new Interval(addDown(ri.lo, ir.lo), addUp(ri.hi, ir.hi))];
}

/** The Vandermonde form: (W_N^k)^n, by n interval multiplications, overlaps the entry W_N^{kn} of the DFT matrix. */
export function vandermonde(N: number): Outcome {
  const W = (m: number): [Interval, Interval] => {
    const [cl, ch] = cos2piEnclose(m, N), [sl, sh] = sin2piEnclose(m, N);
    return [new Interval(cl, ch), new Interval(-sh, -sl)]; // e^{−2πim/N}
  };
  for (let k = 0; k < N; k++) {
    const node = W(k);
    let pow: [Interval, Interval] = [new Interval(1, 1), new Interval(0, 0)];
    for (let n = 0; n < N; n++) {
      const e = W((k * n) % N);
      if (!(pow[0].lo <= e[0].hi && e[0].lo <= pow[0].hi && pow[1].lo <= e[1].hi && e[1].lo <= pow[1].hi)) {
        return { ok: false, detail: `N = ${N}: (W_N^${k})^${n} ∉ W_N^{${k}·${n}}` };
      }
      pow = cmul(pow, node);
    }
  }
  return { ok: true };
}

/** Operation counts: complex multiplications of the definition (N²) and of radix-2 Cooley–Tukey ((N/2)log₂N). */
export const directMults = (N: number): number => N * N;
export const radix2Mults = (N: number): number => (N / 2) * Math.log2(N);

export const claim: ClaimModule = {
  id: 'fourier.dft-fft',
  properties: [
    {
      name: 'inverse',
      kind: 'identity',
      description: 'Rigorous enclosures: the inverse transform (1/N)Σ_k X[k]W_N^{−kn} of the DFT X[k] = Σ_n x[n]W_N^{kn}, W_N = e^{−2πi/N}, contains x[n] (N ≤ 16, dyadic complex inputs), to within 2^−30 relative width.',
      arbitrary: qArb,
      runs: 60,
      check: (x) => inverseRoundTrip(x),
    },
    {
      name: 'dtft-samples',
      kind: 'identity',
      description: 'Rigorous enclosures: X[k] (DFT of length N) and the DTFT Σ_n x[n]e^{−iωn} at ω = 2πk/N (evaluated on a grid of 2N points) overlap for every k.',
      arbitrary: qArb,
      runs: 40,
      check: (x) => dftSamplesDtft(x),
    },
    {
      name: 'vandermonde',
      kind: 'identity',
      description: 'Rigorous enclosures: the DFT matrix is the Vandermonde matrix V(W_N^0, …, W_N^{N−1}): (W_N^k)^n (by n interval products) overlaps W_N^{kn mod N} for every k, n < N.',
      arbitrary: fc.integer({ min: 1, max: 16 }),
      runs: 12,
      check: (N) => vandermonde(N),
    },
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'fourier.dft (N ≤ 1024; small, power-of-two, non-power-of-two, float64-only, structured and wide-range classes) is within the normwise bound covering radix-2/mixed-radix FFT, direct DFT and Bluestein in the run’s dtype of the rigorous enclosures of the exact DFT of the same float inputs.',
      arbitrary: dftArb,
      ops: ['fourier.dft'],
      runs: 40,
      check: (c, impl) => checkDft(c, impl!),
    },
    {
      name: 'rfft-conformance',
      kind: 'conformance',
      description: 'fourier.rfft (N ≤ 2048) returns the ⌊N/2⌋ + 1 one-sided bins within the same normwise bound of the exact DFT of the real input.',
      arbitrary: rfftArb,
      ops: ['fourier.rfft'],
      runs: 40,
      check: (c, impl) => checkRfft(c, impl!),
    },
  ],
  audit: () => {
    const x = [[1, 0], [2, 0], [0, 0], [-1, 0]];
    const X = dftOracle(x);
    const show = (b: CBox) => `${(b.reLo / 2 + b.reHi / 2).toFixed(12).replace(/\.?0+$/, '')}${b.imLo / 2 + b.imHi / 2 >= 0 ? '+' : '−'}${Math.abs(b.imLo / 2 + b.imHi / 2).toFixed(12).replace(/\.?0+$/, '')}i`;
    const rt = inverseRoundTrip(x), ds = dftSamplesDtft(x), vd = vandermonde(8);
    const p32: Precision = { u: 2 ** -24, tiny: 2 ** -149, ulps: 4 };
    const a = dftAlgorithmBounds(1024, { n1: 1024, n2: 32 }, p32);
    const counts = [8, 64, 1024].map((N) => `N = ${N}: ${directMults(N)} vs ${radix2Mults(N)}`).join('; ');
    return [
      {
        id: 'fourier.dft-fft',
        verdict: rt.ok && ds.ok ? 'confirmed' : 'refuted',
        evidence: `x = (1, 2, 0, −1), N = 4, W_4 = e^{−2πi/4} = −i: X = (${X.map(show).join(', ')}) (enclosures of width ≤ 2^−50); ` +
          `it equals the DTFT Σ x[n]e^{−iωn} at ω = 2πk/4 (enclosures overlap), and (1/N)Σ_k X[k]W_N^{−kn} returns x exactly (enclosure contains it). ` +
          'The notes’ sign convention (e^{−2πikn/N} forward, 1/N on the inverse) is numpy’s/torch’s norm="backward".',
      },
      {
        id: 'fourier.dft-fft#inverse',
        verdict: rt.ok ? 'confirmed' : 'refuted',
        evidence: `(1/N)Σ_k X[k]W_N^{−kn} = x[n]: rigorous enclosures contain x for x = (1, 2, 0, −1) and on 60 random dyadic complex inputs with N ≤ 16 (property fourier.dft-fft/inverse).`,
      },
      {
        id: 'fourier.dft-fft#vandermonde',
        verdict: vd.ok ? 'confirmed' : 'refuted',
        evidence: 'The DFT matrix has entries (W_N^k)^n = W_N^{kn}: the Vandermonde matrix with nodes W_N^0, …, W_N^{N−1} (checked with interval powers for N ≤ 16). ' +
          'Typo: 000:678–680 reuse the symbol W_N (defined at 000:672 as the scalar e^{−2πi/N}) for the matrix, and write x[n], X[k] for the vectors; read the matrix as 𝐖_N = V(W_N^0, …, W_N^{N−1}).',
      },
      {
        id: 'fourier.dft-fft#complexity',
        verdict: 'confirmed',
        evidence: `Complex multiplications, definition N² vs radix-2 Cooley–Tukey (N/2)log₂N: ${counts}. The FFT's O(N log N) also holds for any N (mixed radix, Bluestein's chirp-z), not only powers of two. ` +
          `Accuracy, N = 1024, float32, ‖x‖∞ ≤ 1: normwise error bounds ${a.fft.toExponential(2)} (FFT), ${a.direct.toExponential(2)} (direct), ${a.bluestein.toExponential(2)} (Bluestein).`,
      },
    ];
  },
};
