/**
 * norm.layernorm — γ(x − μ)/√(σ² + ε) + β (convention A) vs γ(x − μ)/(σ + ε) + β (convention B).
 * Seed 000_1c190711b4cfcedd.txt, line 473: "$$\text{LayerNorm}(x) = \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}} \cdot \gamma + \beta,$$"
 * Seed 003_c2e944a0f3874627.txt, line 492: "$$\text{LayerNorm} = \gamma \left(\frac{x - u}{\sigma + \epsilon} \right) + \beta$$"
 */

import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { layerNormEnclosure, layerNormEncloseInto, rowStats, scaleFactors, LAYERNORM_FAST_MIN_D } from '../oracles/normalisation.js';
import { layerNormBoundCoefficients, layerNormOutputAt, precisionOf, PROB_LAMBDA, type Precision } from '../numerics/bounds.js';
import { nextUp } from '../numerics/float-format.js';
import { f32, f32Mixed, f32Scaled, matrix } from './arbitraries.js';
import { classes, sizeUpTo, f64Full, castFloats, type Tagged } from './gen-helpers.js';
import { seededMatrixArb } from './seeded-values.js';

export interface LayerNormCase { x: number[][]; gamma: number[]; beta: number[]; eps: number }
export type LayerNormTagged = Tagged<LayerNormCase>;

export const LAYERNORM_MAX_D = 64;
export const LAYERNORM_REALISTIC_D = 4096;

const fr = (v: number) => { const r = Math.fround(v); return Object.is(r, -0) ? 0 : r; };
const EPS = fc.constantFrom(1e-5, 1e-3, 1e-2, 1e-12, 1e-6).map(fr);
const rows = (N: number, D: number, el: fc.Arbitrary<number>) => matrix(N, D, el);
const affine = (D: number) => fc.record({ gamma: fc.array(f32(2), { minLength: D, maxLength: D }), beta: fc.array(f32(2), { minLength: D, maxLength: D }) });
const lnCase = (N: number, D: number, el: fc.Arbitrary<number>, eps: fc.Arbitrary<number> = EPS) =>
  fc.tuple(rows(N, D, el), affine(D), eps).map(([x, ab, e]) => ({ x, gamma: ab.gamma, beta: ab.beta, eps: e }));

/**
 * An exact-friendly row: D = 2^k integers in [−m, m] with sum 0 (so μ = 0, every deviation, square
 * and partial sum is an exact small integer and σ² = SS/D is exact), and ε ≥ 0 chosen so that
 * σ² + ε = s² for a dyadic s = q/2^j with q < 4096 (s² and ε float32 values), γ and β powers of two or 0:
 * the two-pass and fused algorithms then round only in the last three operations.
 */
function exactFriendly(k: number, m: number, ints: number[], g: number, b: number): LayerNormCase | null {
  const D = 2 ** k;
  const c = ints.slice(0, D);
  const sum = c.reduce((a, v) => a + v, 0);
  // move the sum to zero by adjusting entries by ±1 within [−m, m]
  let rest = sum;
  for (let i = 0; i < D && rest !== 0; i++) {
    const step = rest > 0 ? Math.min(rest, c[i]! + m) : Math.max(rest, c[i]! - m);
    c[i] = c[i]! - step;
    rest -= step;
  }
  if (rest !== 0) return null;
  const ss = c.reduce((a, v) => a + v * v, 0);
  for (let j = 11; j >= 0; j--) {
    // s = q/2^j ≥ σ = √(ss/D), smallest such q
    let q = Math.ceil(Math.sqrt(ss / D) * 2 ** j);
    while (q * q * D < ss * 4 ** j) q++;
    if (q >= 4096 || q === 0) continue;
    const s2 = (q * q) / 4 ** j;
    const eps = s2 - ss / D; // exact in float64 (dyadic with < 53 bits)
    if (eps < 0 || fr(eps) !== eps || fr(s2) !== s2 || (eps === 0 && ss === 0)) continue;
    return { x: [c], gamma: Array.from({ length: D }, () => g), beta: Array.from({ length: D }, () => b), eps };
  }
  return null;
}

/**
 * The input classes of `norm.layernorm` (weights out of 100; spec/ops.md; measured by
 * test/power/layernorm-generators.test.ts). D by `sizeUpTo`: 64 (general), 4096 (realistic and
 * exact-friendly) are reached.
 */
export const LAYERNORM_CLASSES = [
  {
    name: 'mixed', weight: 25,
    arb: fc.record({ N: fc.integer({ min: 1, max: 4 }), D: sizeUpTo(1, LAYERNORM_MAX_D), spread: fc.constantFrom(1e-3, 1e-2, 1, 100), offset: fc.constantFrom(0, 0, 0, 1000, 4096, -30000) })
      .chain(({ N, D, spread, offset }) => lnCase(N, D, fc.oneof(f32(spread), f32Scaled(-14, 0), f32Mixed(spread)).map((v) => fr(offset + v)))),
  },
  {
    // a common offset 2^k(1 + j/8), k = 12…20, j = −4…7, spread ≤ 64: a one-pass variance E[x²] − μ² cancels catastrophically
    name: 'large-offset', weight: 15,
    arb: fc.tuple(fc.integer({ min: 1, max: 3 }), sizeUpTo(2, LAYERNORM_MAX_D), fc.integer({ min: 12, max: 20 }), fc.integer({ min: -4, max: 7 })).chain(([N, D, k, j]) =>
      lnCase(N, D, f32Scaled(-3, -3).map((v) => fr(2 ** k * (1 + j / 8) + v)))),
  },
  {
    name: 'float64-only', weight: 10,
    arb: fc.tuple(fc.integer({ min: 1, max: 3 }), sizeUpTo(2, LAYERNORM_MAX_D), fc.constantFrom(0, 2 ** 10, 2 ** 20, 2 ** 30)).chain(([N, D, off]) =>
      // on an offset a sum may round to a float32 value: then move the row's first entry up by one float64 ulp
      lnCase(N, D, f64Full(-4, 3).map((v) => off + v)).map((c) => ({ ...c, x: c.x.map((r) => (r.every((v) => fr(v) === v) ? [r[0]! * (1 + 2 ** -52), ...r.slice(1)] : r)) }))),
  },
  {
    name: 'exact-friendly', weight: 15,
    arb: fc.tuple(sizeUpTo(2, 12), fc.constantFrom(1, 2, 4, 8), fc.constantFrom(1, 2, 0.5, -1), fc.constantFrom(0, 0.25, -1))
      .chain(([k, m, g, b]) => fc.array(fc.integer({ min: -m, max: m }), { minLength: 2 ** k, maxLength: 2 ** k }).map((ints) => exactFriendly(k, m, ints, g, b)))
      .filter((c): c is LayerNormCase => c !== null),
  },
  {
    name: 'realistic', weight: 10,
    // not shrunk (fc.noShrink): shrinking a 4096-wide row against the exact oracle costs minutes; the small classes give minimal counterexamples
    arb: fc.noShrink(fc.tuple(fc.integer({ min: 1, max: 2 }), sizeUpTo(768, LAYERNORM_REALISTIC_D, 4)).chain(([N, D]) => fc.record({
      x: seededMatrixArb(N, D, [-8, -4], 4), gamma: seededMatrixArb(1, D, [-8, -6], 2).map((m) => m[0]!), beta: seededMatrixArb(1, D, [-8, -6], 2).map((m) => m[0]!),
      eps: fc.constantFrom(1e-5, 1e-6, 1e-12).map(fr),
    }))),
  },
  {
    // σ ≪ √ε: the ε term dominates the denominator
    name: 'small-variance', weight: 10,
    arb: fc.tuple(fc.integer({ min: 1, max: 3 }), sizeUpTo(2, LAYERNORM_MAX_D)).chain(([N, D]) =>
      lnCase(N, D, f32Scaled(-24, -16).map((v) => fr(1 + v)), fc.constantFrom(1e-3, 1e-2, 1e-1).map(fr))),
  },
  {
    name: 'ties', weight: 5,
    arb: fc.tuple(fc.integer({ min: 1, max: 3 }), sizeUpTo(1, LAYERNORM_MAX_D), f32Mixed(10)).chain(([N, D, v]) => lnCase(N, D, fc.constant(v))),
  },
  {
    name: 'extreme-magnitude', weight: 10,
    arb: fc.tuple(fc.integer({ min: 1, max: 2 }), sizeUpTo(1, LAYERNORM_MAX_D), fc.constantFrom(-40, -20, 20, 40)).chain(([N, D, e]) =>
      lnCase(N, D, f32Scaled(-4, 4).map((v) => fr(v * 2 ** e)))),
  },
] as const;

export const layerNormArb: fc.Arbitrary<LayerNormTagged> = classes<LayerNormCase>(LAYERNORM_CLASSES as unknown as readonly { name: string; weight: number; arb: fc.Arbitrary<LayerNormCase> }[]);

/** The case's arguments in the run's dtype (float64-only values rounded in float32 runs), without the class tag. */
export function layerNormArgs(c: LayerNormCase, dtype: 'float32' | 'float64'): LayerNormCase {
  return castFloats({ x: c.x, gamma: c.gamma, beta: c.beta, eps: c.eps }, dtype);
}

/**
 * One row, prepared once for the bound model and the comparison: the enclosure of its outputs
 * (`lo`, `hi`) and the model's inputs — upper bounds of σ², |x_i − μ| and |μ|, a lower bound of σ² + ε.
 * Rows of at least LAYERNORM_FAST_MIN_D entries take all of them from the fast tier's typed core
 * (the enclosures of μ and σ², Σ|x_i|, max|x_i| and the range, which it computes on its way: O(D) doubles,
 * no BigInt, no object per entry; |x_i − μ| ≤ max(|x_i − μ_lo|, |x_i − μ_hi|)·(1 + 2⁻⁵⁰) is then evaluated
 * only for the entries whose bound is needed); shorter rows, and rows outside the fast tier's range, from
 * the exact rational statistics. Either way every quantity is a rigorous bound on the exact one (the slack
 * factors 1 ± 2⁻⁵⁰ absorb the one rounding of each conversion), and the model is monotone in them.
 */
interface LayerNormRow {
  lo: Float64Array; hi: Float64Array;
  /** |x_i − μ| ≤ absDev[i] (reference tier); null on the fast tier, where {@link absDevAt} derives it from [muLo, muHi] ∋ μ. */
  absDev: Float64Array | null; muLo: number; muHi: number;
  sumAbs: number; A: number; R: number; sigma2: number; se2: number; absMu: number;
}

/** An upper bound of |x_i − μ| for entry i of row r (x = x_i). */
function absDevAt(r: LayerNormRow, x: number, i: number): number {
  return r.absDev !== null ? r.absDev[i]! : Math.max(Math.abs(x - r.muLo), Math.abs(x - r.muHi)) * (1 + 2 ** -50);
}

const ROW_STATS = new Float64Array(8);

/** `lo`, `hi`: where to write the enclosure (length ≥ D; reused across the rows of one input by the comparison). */
function layerNormRow(x: readonly number[], gamma: readonly number[], beta: readonly number[], eps: number, tier: 'auto' | 'reference' = 'auto',
  lo = new Float64Array(x.length), hi = new Float64Array(x.length)): LayerNormRow {
  const D = x.length;
  const st = ROW_STATS;
  if (tier === 'auto' && D >= LAYERNORM_FAST_MIN_D && layerNormEncloseInto(x, gamma, beta, eps, lo, hi, 0, st)) {
    const muLo = st[0]!, muHi = st[1]!, varLo = st[2]!, varHi = st[3]!;
    return {
      lo, hi, absDev: null, muLo, muHi, sumAbs: st[4]!, A: st[5]!, R: (st[7]! - st[6]!) * (1 + 2 ** -52),
      sigma2: varHi * (1 + 2 ** -50), se2: (varLo + eps) * (1 - 2 ** -50), absMu: Math.max(Math.abs(muLo), Math.abs(muHi)) * (1 + 2 ** -50),
    };
  }
  let sumAbs = 0, A = 0, mn = Infinity, mx = -Infinity;
  for (let i = 0; i < D; i++) { const v = x[i]!, a = Math.abs(v); sumAbs += a; if (a > A) A = a; if (v < mn) mn = v; if (v > mx) mx = v; }
  const R = (mx - mn) * (1 + 2 ** -52);
  const enc = layerNormEnclosure(x, gamma, beta, eps);
  for (let i = 0; i < D; i++) { lo[i] = enc[i]!.lo; hi[i] = enc[i]!.hi; }
  const { mean, variance } = rowStats(x);
  const absDev = new Float64Array(D);
  for (let i = 0; i < D; i++) absDev[i] = Rational.fromFloat64(x[i]!).sub(mean).abs().toFloat64() * (1 + 2 ** -50);
  return {
    lo, hi, absDev, muLo: NaN, muHi: NaN, sumAbs, A, R,
    sigma2: variance.toFloat64() * (1 + 2 ** -50),
    se2: variance.add(Rational.fromFloat64(eps)).toFloat64() * (1 - 2 ** -50),
    absMu: Math.abs(mean.toFloat64()) * (1 + 2 ** -50),
  };
}

function rowCoefficients(r: LayerNormRow, D: number, p: Precision, lambda?: number) {
  return layerNormBoundCoefficients(D, r.sumAbs, r.A, r.R, r.sigma2, r.se2, r.absMu, p, lambda);
}

/** The bound of entry i (the larger of the two-pass and the update/merge moments). */
function entryBound(cs: ReturnType<typeof rowCoefficients>, r: LayerNormRow, x: number, g: number, b: number, i: number): number {
  const dev = absDevAt(r, x, i), ax = Math.abs(x), ag = Math.abs(g), ab = Math.abs(b);
  return Math.max(layerNormOutputAt(cs[0], dev, ax, ag, ab), layerNormOutputAt(cs[1], dev, ax, ag, ab));
}

function rowBounds(r: LayerNormRow, x: readonly number[], c: LayerNormCase, p: Precision, lambda?: number): number[] {
  const cs = rowCoefficients(r, x.length, p, lambda);
  return x.map((v, i) => entryBound(cs, r, v, c.gamma[i]!, c.beta[i]!, i));
}

/**
 * Per-entry float error bounds of layer norm on this input over its standard algorithms
 * (`layerNormBounds` of src/numerics/bounds.ts: two-pass or Welford/pairwise moments, every
 * output form), for precision p; `lambda` gives the probabilistic tier. `tier: 'reference'` takes the
 * model's inputs from the exact rational statistics at every D (the tests compare the tiers).
 */
export function layerNormBoundsFor(c: LayerNormCase, p: Precision, lambda?: number, tier: 'auto' | 'reference' = 'auto'): number[][] {
  return c.x.map((x) => rowBounds(layerNormRow(x, c.gamma, c.beta, c.eps, tier), x, c, p, lambda));
}

/** Per-entry worst-case bounds for the implementation (its dtype and profile). */
export function layerNormBounds(c: LayerNormCase, impl: Implementation): number[][] {
  return layerNormBoundsFor(c, precisionOf(impl));
}

/**
 * Inputs for the shift property: entries m·2^e with |m| ≤ 255 and −10 ≤ e ≤ 0, so that adding an
 * integer |c| ≤ 8 is exact in float32 and the shifted row is the same mathematics.
 */
const shiftArb: fc.Arbitrary<{ c: LayerNormCase; shift: number }> = fc.record({
  D: fc.integer({ min: 2, max: 16 }),
  eps: fc.constantFrom(1e-5, 1e-3).map(Math.fround),
  shift: fc.integer({ min: -8, max: 8 }),
}).chain(({ D, eps, shift }) => fc.record({
  c: fc.record({
    x: matrix(1, D, f32Scaled(-10, 0)),
    gamma: fc.array(f32(2), { minLength: D, maxLength: D }),
    beta: fc.array(f32(2), { minLength: D, maxLength: D }),
    eps: fc.constant(eps),
  }),
  shift: fc.constant(shift),
}));

/** Classes whose rows stay clear of underflow when scaled up (every non-zero |x| ≥ 2⁻³⁰, ε ≥ 2⁻⁴⁰ or 0). */
const SCALE_SAFE = (c: LayerNormCase) => c.x.every((r) => r.every((v) => v === 0 || Math.abs(fr(v)) >= 2 ** -30)) && (c.eps === 0 || c.eps >= 2 ** -40)
  && c.x.every((r) => r.every((v) => Math.abs(v) <= 2 ** 40));

/**
 * The scale-covariance relation LN(2^j x; γ, β, 4^j ε) = LN(x; γ, β, ε). Every standard algorithm is
 * built from +, −, ×, ÷ and √ (or rsqrt) on values that scale by 2^j or 4^j; scaling by a power of
 * two commutes with rounding in the normal range, so every intermediate scales exactly and the
 * outputs are identical — except that √/rsqrt may be off by their allowance a = 2·ulps·u on either
 * run (relative ≤ 2a/(1 − a) apart), which then propagates through ≤ 3 roundings that can land on
 * different neighbours: |ŷ − ŷ'| ≤ (2a/(1 − a) + 4u)(|ŷ| + |ŷ'| + 2|β|)(1 + u) + 4·tiny. ε outside the
 * root becomes (σ + 2^j ε) after scaling: a relative change ≈ (2^j − 1)ε/σ, caught at any D.
 */
const scaleArb = layerNormArb.filter(SCALE_SAFE).chain((c) => fc.record({ c: fc.constant(c), j: fc.integer({ min: 4, max: 10 }) }));
export function compareLayerNorm(c: LayerNormCase, got: number[][], impl: Implementation): Outcome {
  const p = precisionOf(impl);
  let worst = 0;
  let worstProb = 0;
  let width = 0;
  for (const x of c.x) width = Math.max(width, x.length);
  const lo = new Float64Array(width), hi = new Float64Array(width);
  for (let r = 0; r < c.x.length; r++) {
    const x = c.x[r]!;
    const D = x.length;
    const gr = (got[r] ?? []) as ArrayLike<unknown>;
    const row = layerNormRow(x, c.gamma, c.beta, c.eps, 'auto', lo, hi);
    const cs = rowCoefficients(row, D, p), csProb = rowCoefficients(row, D, p, PROB_LAMBDA);
    for (let i = 0; i < D; i++) {
      const y: unknown = gr[i];
      if (typeof y !== 'number' || !Number.isFinite(y)) return { ok: false, ratio: Infinity, detail: `y[${r}][${i}] = ${y}` };
      const l = lo[i]!, h = hi[i]!;
      const err = y < l ? nextUp(l - y) : y > h ? nextUp(y - h) : 0;
      if (err === 0) continue;
      const bound = entryBound(cs, row, x[i]!, c.gamma[i]!, c.beta[i]!, i);
      const ratio = err / bound;
      worst = Math.max(worst, ratio);
      worstProb = Math.max(worstProb, err / entryBound(csProb, row, x[i]!, c.gamma[i]!, c.beta[i]!, i));
      if (ratio > 1) {
        const { variance } = rowStats(x);
        return { ok: false, ratio, detail: `y[${r}][${i}] = ${y}, exact ∈ [${l}, ${h}], distance ${err.toExponential(3)} > bound ${bound.toExponential(3)} (D = ${D}, σ² = ${variance.toDecimal(6)}, ε = ${c.eps})` };
      }
    }
  }
  return { ok: true, ratio: worst, probRatio: worstProb };
}

/** The scale-covariance check (see `scaleArb`): LN(2^j x; 4^j ε) against LN(x; ε), elementwise. */
export function checkLayerNormScale(c: LayerNormCase, j: number, impl: Implementation): Outcome {
  const args = layerNormArgs(c, impl.dtype);
  const k = 2 ** j;
  const scaled: LayerNormCase = { ...args, x: args.x.map((r) => r.map((v) => v * k)), eps: args.eps * k * k };
  const a = impl.ops['norm.layernorm']!(args) as number[][];
  const b = impl.ops['norm.layernorm']!(scaled) as number[][];
  const p = precisionOf(impl);
  const al = 2 * p.ulps * p.u;
  const f = (2 * al / (1 - al) + 4 * p.u) * (1 + p.u) * (1 + 2 ** -50);
  let worst = 0;
  for (let r = 0; r < args.x.length; r++) for (let i = 0; i < args.x[r]!.length; i++) {
    const y = a[r]?.[i], z = b[r]?.[i];
    if (typeof y !== 'number' || typeof z !== 'number' || !Number.isFinite(y) || !Number.isFinite(z)) return { ok: false, ratio: Infinity, detail: `y[${r}][${i}] = ${y}, after scaling ${z}` };
    const tol = f * (Math.abs(y) + Math.abs(z) + 2 * Math.abs(args.beta[i]!)) + 4 * p.tiny;
    const ratio = y === z ? 0 : Math.abs(y - z) / tol;
    worst = Math.max(worst, ratio);
    if (!(ratio <= 1)) {
      return { ok: false, ratio, detail: `y[${r}][${i}] = ${y} for x, ${z} for 2^${j}·x with ε·4^${j} (D = ${args.x[r]!.length}, ε = ${args.eps}): |difference| ${Math.abs(y - z).toExponential(3)} > ${tol.toExponential(3)}` };
    }
  }
  return { ok: true, ratio: worst };
}

export const claim: ClaimModule = {
  id: 'norm.layernorm',
  properties: [
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'Convention A (ε inside the root, biased variance): every output within the bound derived for the run’s dtype over the standard algorithms (two-pass, Welford, fused rstd) from the enclosure; the input classes of spec/ops.md (offsets, float64-only values, exact-friendly rows, D up to 4096).',
      arbitrary: layerNormArb,
      ops: ['norm.layernorm'],
      runs: 100,
      check: (c, impl) => {
        const args = layerNormArgs(c, impl!.dtype);
        return compareLayerNorm(args, impl!.ops['norm.layernorm']!(args) as number[][], impl!);
      },
    },
    {
      name: 'scale-covariance',
      kind: 'metamorphic',
      description: 'LN(2^j·x; γ, β, 4^j·ε) = LN(x; γ, β, ε) for j = 4…10: every standard algorithm scales exactly (powers of two commute with rounding), so the outputs agree up to the √/rsqrt allowance; ε outside the root or scaled wrongly changes them by ≈ 2^j·ε/σ at any D.',
      arbitrary: scaleArb,
      ops: ['norm.layernorm'],
      runs: 40,
      check: ({ c, j }, impl) => checkLayerNormScale(c, j, impl!),
    },
    {
      name: 'shift-invariance',
      kind: 'metamorphic',
      description: 'Adding an integer c to every entry of a row leaves LN unchanged in exact arithmetic: the implementation’s LN(x + c) and LN(x) differ by at most the sum of their two bounds.',
      arbitrary: shiftArb,
      ops: ['norm.layernorm'],
      runs: 40,
      check: ({ c, shift }, impl) => {
        const shifted: LayerNormCase = { ...c, x: c.x.map((row: number[]) => row.map((v: number) => v + shift)) };
        const a = impl!.ops['norm.layernorm']!(c) as number[][];
        const b = impl!.ops['norm.layernorm']!(shifted) as number[][];
        const ba = layerNormBounds(c, impl!), bb = layerNormBounds(shifted, impl!);
        let worst = 0;
        for (let r = 0; r < a.length; r++) for (let i = 0; i < a[r]!.length; i++) {
          const ratio = Math.abs(a[r]![i]! - b[r]![i]!) / (ba[r]![i]! + bb[r]![i]!);
          if (!(ratio <= 1)) return { ok: false, ratio, detail: `y[${r}][${i}]: ${a[r]![i]} vs ${b[r]![i]} after adding ${shift}` };
          worst = Math.max(worst, ratio);
        }
        return { ok: true, ratio: worst };
      },
    },
  ],
  audit: () => {
    const eps = Rational.parse('1e-5');
    const rows = ['0', '1e-4', '1e-3', '1e-2', '1e-1', '1'].map((s) => {
      const f = scaleFactors(Rational.parse(s), eps);
      return `σ = ${s}: 1/√(σ²+ε) ∈ [${f.inside.lo.toPrecision(8)}, ${f.inside.hi.toPrecision(8)}], 1/(σ+ε) ∈ [${f.outside.lo.toPrecision(8)}, ${f.outside.hi.toPrecision(8)}], ratio ≈ ${(f.outside.lo / f.inside.hi).toPrecision(4)}`;
    });
    return [
      {
        id: 'norm.layernorm',
        verdict: 'convention-dependent',
        evidence: `000:473 puts ε inside the root, 003:492 writes σ + ε; both use the biased 1/d variance. At ε = 10⁻⁵ (enclosed): ${rows.join('; ')}. ` +
          `They agree to about ε/σ relative when σ ≫ √ε ≈ 3.2·10⁻³ and differ by up to 1/√ε ≈ 316× as σ → 0. PyTorch nn.LayerNorm, Keras and ONNX use convention A.`,
      },
    ];
  },
};
