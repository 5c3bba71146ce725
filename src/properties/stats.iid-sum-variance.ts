/**
 * stats.iid-sum-variance — for S = Σ_{i=1}^n X_i with X_i i.i.d. of finite variance,
 * Var(S) = Σ Var(X_i) = n·Var(X) (pairwise uncorrelated suffices; correlation changes it).
 * Seed 002_606757b0cdfd2eb0.txt, line 199: "If $S = \sum_{i=1}^n X_i$, then $\text{Var}(S) =
 * \text{Var}(\sum_{i=1}^n X_i) = \sum_{i=1}^n \text{Var}(X_i)$ if X_i i.i.d".
 *
 * Identity: exact enumeration of the sampling distribution of S for finite rational laws.
 *
 * Statistical (src/statistics/): the premise "X_i i.i.d." is what the sampling ops promise, and
 * these properties test it as a DISTRIBUTION statement (issue 10, item 5): goodness of fit (DKW),
 * independence within a call (lagged pairs) and across calls (adjacent seeds), the scatter of
 * repeated calls' means and sums (this claim, Var(S) = nσ², on the implementation's samples),
 * determinism for a given seed (the same arguments twice give the same values) and repeated values
 * (short periods, overlapping streams). Each check is one test — or several at a split level —
 * at level ALPHA_PER_CHECK (src/statistics/budget.ts).
 */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { samplingDistribution, populationVariance, type FiniteDist } from '../oracles/statistics.js';
import { ALPHA_PER_CHECK } from '../statistics/budget.js';
import {
  SAMPLE_KAPPA, MASK_P_SLACK, combineTests, dkwNormalTest, gaussianPairTest, chiSquareVarianceTest, binomialTest,
  lowerTailTest, repeatsTest, type TestResult,
} from '../statistics/tests.js';

const U64 = 2 ** -53;

/** Samples of the goodness-of-fit check (one call). */
export const FIT_N = 16384;
/** One call of LAG_N values for the lag tests, one of CROSS_N at the adjacent seed. */
export const LAG_N = 16384;
export const CROSS_N = 4096;
/** Lags ℓ of the within-call pair tests (each with two disjoint pairings, offsets 0 and ℓ). */
export const LAGS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192];
/** Repeated calls: CALLS_K calls of CALLS_N values at seeds s+1..s+K. */
export const CALLS_K = 128;
export const CALLS_N = 128;
/** Streams: one long call (> 32 768: a period-2¹⁵ generator repeats inside it), two short calls at adjacent seeds, one replicated call. */
export const STREAM_LONG_N = 36864;
export const STREAM_SHORT_N = 4096;
export const STREAM_SHORT_K = 2;
export const REPLICATE_N = 1024;
/** Masks: lag tests on MASK_LAG_N entries plus MASK_CROSS_N at the adjacent seed. */
export const MASK_LAG_N = 16384;
export const MASK_CROSS_N = 4096;
/** Repeated masks: MASK_CALLS_K calls of MASK_CALLS_N entries. */
export const MASK_CALLS_K = 192;
export const MASK_CALLS_N = 128;
/** Masks compared across seeds / replicated. */
export const MASK_STREAM_N = 4096;

/** Seeds leave room for s + 1 … s + 1024 below 2³¹. */
/** Seeds: 0 one time in ten (tfjs's randomNormal treats seed 0 as "unseeded": the determinism check of normal-streams must meet it), any other 31-bit value. */
const seedArb = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 9, arbitrary: fc.integer({ min: 1, max: 2 ** 31 - 1 - 1024 }) });

export interface NormalInput { seed: number; mean: number; std: number }
/** Location and scale: the standard case, dyadic values, and float32 values that are not short dyadics. */
export const MEANS: readonly number[] = [0, 1.5, -3, 0.25, Math.fround(0.3)];
export const STDS: readonly number[] = [1, 0.5, 2, 0.125, Math.fround(1.7)];
export const normalInputArb: fc.Arbitrary<NormalInput> = fc.record({ seed: seedArb, mean: fc.constantFrom(...MEANS), std: fc.constantFrom(...STDS) });
/** The streams property samples N(0, 1) for its repeats test (the atom bound pMax is for σ = 1, μ = 0) and the input's (μ, σ) for the replicate. */
export const streamInputArb = normalInputArb;

export interface MaskInput { seed: number; p: number }
/** Keep probabilities: dyadic (exact in float32) and common dropout rates rounded to float32. */
export const MASK_PS: readonly number[] = [0.5, 0.25, 0.75, 0.875, 0.125, Math.fround(0.9), Math.fround(0.1), Math.fround(0.8)];
export const maskInputArb: fc.Arbitrary<MaskInput> = fc.record({ seed: seedArb, p: fc.constantFrom(...MASK_PS) });

// ---------------------------------------------------------------------------------------------
// Calling the samplers
// ---------------------------------------------------------------------------------------------

/**
 * All the calls of one check, issued before any result is used: on the gate's batched path
 * (src/conform/batched.ts) an uncached call throws a "pending" signal, so calling one by one would
 * take one round trip per call (and a series of 192 calls would exceed the round limit); here every
 * call is attempted, the first exception is re-thrown after the last, and the whole series goes out
 * in one batch. `replicate: 1` asks for one more call with the SAME arguments: the facade caches
 * results by (op, arguments), and the replicate is cached separately and sent as another item of the
 * batch — how determinism for a given seed is tested through the gate. Plain implementations (tfjs in
 * `lemmata check`, JS modules called directly) ignore the second parameter and simply run again.
 */
function callAll(impl: Implementation, op: string, calls: readonly { args: Record<string, unknown>; replicate?: number }[]): unknown[] {
  const fn = impl.ops[op] as (a: unknown, replicate?: number) => unknown;
  let thrown: { e: unknown } | null = null;
  const out = calls.map(({ args, replicate }) => {
    try {
      return replicate ? fn(args, replicate) : fn(args);
    } catch (e) {
      thrown ??= { e };
      return undefined;
    }
  });
  if (thrown) throw (thrown as { e: unknown }).e;
  return out;
}

function validNormals(x: unknown, n: number): Float64Array | string {
  const a = x as ArrayLike<number> | null | undefined;
  if (!a || a.length !== n) return `random.normal returned ${a?.length} values, expected ${n}`;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    if (typeof v !== 'number' || !Number.isFinite(v)) return `random.normal returned ${v} at index ${i}`;
    out[i] = v;
  }
  return out;
}
function normals(impl: Implementation, n: number, mean: number, std: number, seed: number): Float64Array | string {
  return validNormals(impl.ops['random.normal']!({ n, mean, std, seed }), n);
}
/** Several random.normal calls in one batch; the first invalid result's message, or the arrays. */
function normalsAll(impl: Implementation, calls: readonly { n: number; mean: number; std: number; seed: number; replicate?: number }[]): Float64Array[] | string {
  const raw = callAll(impl, 'random.normal', calls.map(({ replicate, ...args }) => ({ args, ...(replicate ? { replicate } : {}) })));
  const out: Float64Array[] = [];
  for (let i = 0; i < calls.length; i++) {
    const v = validNormals(raw[i], calls[i]!.n);
    if (typeof v === 'string') return `call ${JSON.stringify(calls[i])}: ${v}`;
    out.push(v);
  }
  return out;
}

function validMask(m: unknown, n: number): Uint8Array | string {
  const a = m as ArrayLike<number> | null | undefined;
  if (!a || a.length !== n) return `random.bernoulli-mask returned ${a?.length} values, expected ${n}`;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (v !== 0 && v !== 1) return `random.bernoulli-mask returned ${v} at index ${i} (must be exactly 0 or 1)`;
    out[i] = v;
  }
  return out;
}
/** Several random.bernoulli-mask calls in one batch. */
function masksAll(impl: Implementation, calls: readonly { n: number; p: number; seed: number; replicate?: number }[]): Uint8Array[] | string {
  const raw = callAll(impl, 'random.bernoulli-mask', calls.map(({ replicate, ...args }) => ({ args, ...(replicate ? { replicate } : {}) })));
  const out: Uint8Array[] = [];
  for (let i = 0; i < calls.length; i++) {
    const v = validMask(raw[i], calls[i]!.n);
    if (typeof v === 'string') return `call ${JSON.stringify(calls[i])}: ${v}`;
    out.push(v);
  }
  return out;
}

function outcome(t: TestResult, prefix = ''): Outcome {
  return { ok: !t.reject, ratio: t.ratio, detail: prefix + t.detail };
}

/**
 * Standardised values z_i = (x_i − μ)/σ and bounds d_i ≥ |z_i − Z_i| on their distance from the
 * exact draws' Z_i = (X_i − μ)/σ under H0: |x − X| ≤ κ(|X| + |μ|) ≤ κ(|x| + |μ|)/(1 − κ), plus two
 * float64 roundings of z (≤ 2⁻⁵¹|z|).
 */
function standardise(x: Float64Array, mu: number, sigma: number): { z: Float64Array; d: Float64Array } {
  const z = new Float64Array(x.length), d = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    z[i] = (x[i]! - mu) / sigma;
    d[i] = SAMPLE_KAPPA * (Math.abs(x[i]!) + Math.abs(mu)) / sigma * (1 + 2 ** -19) + 2 ** -51 * Math.abs(z[i]!);
  }
  return { z, d };
}

/**
 * The disjoint pairings of indices [0, n) at lag ℓ: blocks of 2ℓ starting at `offset`, pairing
 * (b + r, b + r + ℓ) for r < ℓ. Every index is in at most one pair, so the pairs are independent
 * under H0. Offsets 0 and ℓ together pair every i with i + ℓ for most i.
 */
export function lagPairings(n: number, lag: number): { offset: number; blocks: number }[] {
  const out: { offset: number; blocks: number }[] = [];
  for (const offset of [0, lag]) {
    const blocks = Math.floor((n - offset) / (2 * lag));
    if (blocks > 0) out.push({ offset, blocks });
  }
  return out;
}

/** The pairs (a_j, b_j), j < count: a_j = offset + 2ℓ⌊j/ℓ⌋ + j mod ℓ, b_j = a_j + ℓ (lag pairing), or a_j = b_j = j (cross). */
interface PairSpec { lag: number; offset: number; blocks: number }
const CROSS = (n: number): PairSpec => ({ lag: 0, offset: 0, blocks: n });

/** Visit the pairs of a spec: f(a, b) for each (a index into the first array, b into the second). */
function forPairs(spec: PairSpec, f: (a: number, b: number) => void): number {
  if (spec.lag === 0) { for (let i = 0; i < spec.blocks; i++) f(i, i); return spec.blocks; }
  const { lag, offset, blocks } = spec;
  for (let bl = 0; bl < blocks; bl++) {
    const base = offset + 2 * lag * bl;
    for (let r = 0; r < lag; r++) f(base + r, base + r + lag);
  }
  return blocks * lag;
}

/** Tests per check of normal-independence (2 per pairing: Q_U and Q_V) and of mask-independence (1 per pairing), cross-seed pairs included. */
export const NORMAL_INDEPENDENCE_TESTS = 2 * (LAGS.reduce((a, l) => a + lagPairings(LAG_N, l).length, 0) + 1);
export const MASK_INDEPENDENCE_TESTS = LAGS.reduce((a, l) => a + lagPairings(MASK_LAG_N, l).length, 0) + 1;

/** Q_U, Q_V and their float-error slacks for pairs (z[a], w[b]) (see gaussianPairTest). */
function pairSums(spec: PairSpec, za: Float64Array, da: Float64Array, zb: Float64Array, db: Float64Array): { qU: number; qV: number; sU: number; sV: number; n: number } {
  let qU = 0, qV = 0, sU = 0, sV = 0;
  const n = forPairs(spec, (a, b) => {
    const u = (za[a]! + zb[b]!) * Math.SQRT1_2, v = (za[a]! - zb[b]!) * Math.SQRT1_2;
    const D = (da[a]! + db[b]!) * Math.SQRT1_2 + 2 ** -51 * (Math.abs(u) + Math.abs(v));
    qU += u * u; qV += v * v;
    sU += 2 * Math.abs(u) * D + D * D; sV += 2 * Math.abs(v) * D + D * D;
  });
  // float64 sums of n non-negative terms: relative error ≤ 1.01·n·2⁻⁵³
  return { qU, qV, sU: sU * 1.01 + 1.01 * (n + 2) * U64 * qU, sV: sV * 1.01 + 1.01 * (n + 2) * U64 * qV, n };
}

// ---------------------------------------------------------------------------------------------
// random.normal
// ---------------------------------------------------------------------------------------------

/** DKW goodness of fit of FIT_N values of random.normal(μ, σ) to N(μ, σ²). */
export function checkNormalFit(inp: NormalInput, impl: Implementation, alpha = ALPHA_PER_CHECK): Outcome {
  const x = normals(impl, FIT_N, inp.mean, inp.std, inp.seed);
  if (typeof x === 'string') return { ok: false, detail: x };
  return outcome(dkwNormalTest({ x, mu: inp.mean, sigma: inp.std, alpha }));
}

/**
 * Independence within a call and across adjacent seeds: for every lag ℓ ∈ LAGS and each of its two
 * disjoint pairings, the pairs (z_i, z_{i+ℓ}) of LAG_N standardised values must look like independent
 * N(0, 1) pairs (gaussianPairTest); likewise (z_i(s), z_i(s + 1)) for i < CROSS_N. m tests at α/m each.
 */
export function checkNormalIndependence(inp: NormalInput, impl: Implementation, alpha = ALPHA_PER_CHECK): Outcome {
  const xs = normalsAll(impl, [{ n: LAG_N, mean: inp.mean, std: inp.std, seed: inp.seed }, { n: CROSS_N, mean: inp.mean, std: inp.std, seed: inp.seed + 1 }]);
  if (typeof xs === 'string') return { ok: false, detail: xs };
  const [x, y] = xs as [Float64Array, Float64Array];
  const { z, d } = standardise(x, inp.mean, inp.std), sy = standardise(y, inp.mean, inp.std);
  const groups: { what: string; s: ReturnType<typeof pairSums> }[] = [];
  for (const lag of LAGS) for (const { offset, blocks } of lagPairings(LAG_N, lag)) {
    groups.push({ what: `lag ${lag} (pairing offset ${offset})`, s: pairSums({ lag, offset, blocks }, z, d, z, d) });
  }
  groups.push({ what: `seeds ${inp.seed} and ${inp.seed + 1}, same index`, s: pairSums(CROSS(CROSS_N), z, d, sy.z, sy.d) });
  const each = alpha / groups.length;
  const tests = groups.flatMap(({ what, s }) => gaussianPairTest({ qU: s.qU, qV: s.qV, n: s.n, alpha: each, slackU: s.sU, slackV: s.sV, what }));
  return outcome(combineTests('independence of random.normal pairs', tests, alpha));
}

/**
 * Var(S) = nσ² on the implementation (this claim): the means m_k of CALLS_K calls of CALLS_N values
 * (seeds s+1 … s+K) are iid N(μ, σ²/n) under H0, so Σ_k n(m_k − μ)²/σ² ~ χ²_K exactly
 * (Laurent–Massart, both tails). A sampler that standardises each call (means exactly μ) gives ≈ 0:
 * with K = 128 the lower critical value is K − 2√(K ln(2/α)) ≈ 16.
 */
export function checkNormalCallMeans(inp: NormalInput, impl: Implementation, alpha = ALPHA_PER_CHECK): Outcome {
  const n = CALLS_N, sqrtN = Math.sqrt(n);
  let S = 0, slack = 0;
  const xs = normalsAll(impl, Array.from({ length: CALLS_K }, (_, k) => ({ n, mean: inp.mean, std: inp.std, seed: inp.seed + k + 1 })));
  if (typeof xs === 'string') return { ok: false, detail: xs };
  for (const x of xs) {
    let s = 0, sa = 0, dev = 0;
    for (let i = 0; i < n; i++) { s += x[i]!; sa += Math.abs(x[i]!); dev += SAMPLE_KAPPA * (Math.abs(x[i]!) + Math.abs(inp.mean)) * (1 + 2 ** -19); }
    const m = s / n;
    // |m̃ − m| ≤ (Σ|x − X| + float64 sum error)/n; a = √n(m̃ − μ)/σ errs by D (plus its own roundings)
    const a = sqrtN * (m - inp.mean) / inp.std;
    const D = sqrtN * (dev + 1.01 * (n + 2) * U64 * sa) / n / inp.std + 2 ** -50 * Math.abs(a) + 2 ** -50 * sqrtN * Math.abs(inp.mean) / inp.std;
    S += a * a;
    slack += 2 * Math.abs(a) * D + D * D;
  }
  slack = slack * 1.01 + 1.01 * (CALLS_K + 2) * U64 * S;
  const t = chiSquareVarianceTest({ ss: S, n: CALLS_K, sigma: 1, alpha, slack });
  return outcome(t, `means of ${CALLS_K} calls of ${n} values (seeds ${inp.seed + 1}…${inp.seed + CALLS_K}) against N(μ, σ²/n): Σ n(m_k − μ)²/σ² vs χ²_${CALLS_K} — `);
}

/** Atom bound for N(0, 1) samples under H0 (κ = 2⁻²⁰), see repeatsTest: 0.4841·κ < 2⁻²¹. */
export const NORMAL_PMAX = 2 ** -21;

/**
 * Seeded streams: (1) the same arguments twice give identical values (determinism; no false alarm
 * possible for a deterministic sampler); (2) repeated values in the pool of one long N(0, 1) call
 * (STREAM_LONG_N > 2¹⁵) and STREAM_SHORT_K calls at the next seeds must be as rare as for
 * independent continuous draws (repeatsTest, level α): a short period, streams that overlap across
 * seeds and seeds that give the same stream all repeat thousands of values.
 */
export function checkNormalStreams(inp: NormalInput, impl: Implementation, alpha = ALPHA_PER_CHECK): Outcome {
  // determinism at the generated seed and always at seed 0 (an edge some generators treat as "unseeded")
  const repArgs = { n: REPLICATE_N, mean: inp.mean, std: inp.std, seed: inp.seed };
  const zeroArgs = { ...repArgs, seed: 0 };
  const xs = normalsAll(impl, [
    repArgs, { ...repArgs, replicate: 1 }, zeroArgs, { ...zeroArgs, replicate: 1 },
    { n: STREAM_LONG_N, mean: 0, std: 1, seed: inp.seed },
    ...Array.from({ length: STREAM_SHORT_K }, (_, k) => ({ n: STREAM_SHORT_N, mean: 0, std: 1, seed: inp.seed + k + 1 })),
  ]);
  if (typeof xs === 'string') return { ok: false, detail: xs };
  const [a, b, a0, b0, long, ...shorts] = xs as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, ...Float64Array[]];
  for (const [args, p, q] of [[repArgs, a, b], [zeroArgs, a0, b0]] as const) {
    for (let i = 0; i < REPLICATE_N; i++) {
      if (p[i] !== q[i]) {
        return { ok: false, ratio: Infinity, detail: `not deterministic: two calls random.normal(${JSON.stringify(args)}) differ at index ${i} (${p[i]} vs ${q[i]}); the samples must be a function of the arguments (is the seed ignored${args.seed === 0 ? ', or seed 0 taken as "no seed"' : ''}?)` };
      }
    }
  }
  const pool = new Float64Array(STREAM_LONG_N + STREAM_SHORT_K * STREAM_SHORT_N);
  pool.set(long);
  shorts.forEach((sh, k) => pool.set(sh, STREAM_LONG_N + k * STREAM_SHORT_N));
  const t = repeatsTest({ values: pool, pMax: NORMAL_PMAX, alpha, what: `N(0, 1): one call of ${STREAM_LONG_N} (seed ${inp.seed}) and ${STREAM_SHORT_K} of ${STREAM_SHORT_N} (seeds ${inp.seed + 1}…${inp.seed + STREAM_SHORT_K})` });
  let same = '';
  if (t.reject && shorts.length >= 2 && shorts[0]!.every((v, i) => v === shorts[1]![i])) same = `seeds ${inp.seed + 1} and ${inp.seed + 2} gave identical samples; `;
  return outcome(t, same);
}

// ---------------------------------------------------------------------------------------------
// random.bernoulli-mask
// ---------------------------------------------------------------------------------------------

/** P(1, 1) for an independent pair under H0: π² with |π − p| ≤ MASK_P_SLACK, as exact rationals. */
function pairInterval(p: number): { lo: Rational; hi: Rational } {
  const P = Rational.fromFloat64(p), s = Rational.fromFloat64(MASK_P_SLACK);
  const lo = Rational.max(Rational.ZERO, P.sub(s)), hi = Rational.min(Rational.ONE, P.add(s));
  return { lo: lo.mul(lo), hi: hi.mul(hi) };
}

/**
 * Independence of mask entries: for every lag ℓ ∈ LAGS and each disjoint pairing, the number of
 * pairs with both entries 1 is Binomial(N, π²) under H0 (binomialTest, Chernoff–KL); likewise the
 * pairs (m_i(s), m_i(s + 1)), i < MASK_CROSS_N. m tests at α/m each. Pairwise correlation ρ raises
 * P(1, 1) to π² + ρπ(1 − π): for ρ = 0.5 at π = 1/2, 0.375 instead of 0.25 over 8 192 pairs (lag 1, offset 0).
 */
export function checkMaskIndependence(inp: MaskInput, impl: Implementation, alpha = ALPHA_PER_CHECK): Outcome {
  const ms = masksAll(impl, [{ n: MASK_LAG_N, p: inp.p, seed: inp.seed }, { n: MASK_CROSS_N, p: inp.p, seed: inp.seed + 1 }]);
  if (typeof ms === 'string') return { ok: false, detail: ms };
  const [m, m2] = ms as [Uint8Array, Uint8Array];
  const { lo, hi } = pairInterval(inp.p);
  const counts: { what: string; k: number; n: number }[] = [];
  for (const lag of LAGS) for (const { offset, blocks } of lagPairings(MASK_LAG_N, lag)) {
    let k = 0;
    const n = forPairs({ lag, offset, blocks }, (a, b) => { k += m[a]! & m[b]!; });
    counts.push({ what: `pairs (1, 1) at lag ${lag} (pairing offset ${offset})`, k, n });
  }
  let kc = 0;
  for (let i = 0; i < MASK_CROSS_N; i++) kc += m[i]! & m2[i]!;
  counts.push({ what: `pairs (1, 1) of seeds ${inp.seed} and ${inp.seed + 1} at the same index`, k: kc, n: MASK_CROSS_N });
  const each = alpha / counts.length;
  const tests = counts.map(({ what, k, n }) => binomialTest({ k, n, piLo: lo, piHi: hi, alpha: each, what: `${what}, p = ${inp.p}` }));
  return outcome(combineTests('independence of random.bernoulli-mask pairs', tests, alpha));
}

/**
 * Var(S) = nπ(1 − π) for the number of ones S in each call (this claim): Y_k = (S_k − np)² over
 * MASK_CALLS_K calls (seeds s+1 …) are independent, non-negative, with E Y_k = nπ(1−π) + n²(π−p)² ≥
 * n·min π(1−π) and E Y_k² = E(S − np)⁴ ≤ (μ₄^{1/4} + n|π − p|)⁴ (Minkowski), μ₄ = nt(1 + 3(n−2)t),
 * t = π(1−π) ≤ its maximum over |π − p| ≤ MASK_P_SLACK (μ₄ increases in t). Maurer's lower tail
 * (lowerTailTest) rejects calls that scatter too little — masks with exactly round(np) ones.
 */
export function checkMaskCallSums(inp: MaskInput, impl: Implementation, alpha = ALPHA_PER_CHECK): Outcome {
  const n = MASK_CALLS_N, np = n * inp.p;
  let sumY = 0;
  const ms = masksAll(impl, Array.from({ length: MASK_CALLS_K }, (_, k) => ({ n, p: inp.p, seed: inp.seed + k + 1 })));
  if (typeof ms === 'string') return { ok: false, detail: ms };
  for (const m of ms) {
    let S = 0;
    for (const v of m) S += v;
    sumY += (S - np) * (S - np);
  }
  const s = MASK_P_SLACK, pl = Math.max(0, inp.p - s), ph = Math.min(1, inp.p + s);
  const tMin = Math.min(pl * (1 - pl), ph * (1 - ph)) * (1 - 1e-12);
  const tMax = (inp.p - s <= 0.5 && inp.p + s >= 0.5 ? 0.25 : Math.max(pl * (1 - pl), ph * (1 - ph))) * (1 + 1e-12);
  const mu4 = n * tMax * (1 + 3 * (n - 2) * tMax);
  const second = (mu4 ** 0.25 + n * s) ** 4 * (1 + 1e-12);
  const t = lowerTailTest({
    sum: sumY, meanLo: MASK_CALLS_K * n * tMin, secondHi: MASK_CALLS_K * second, alpha, slack: 1e-12 * (sumY + MASK_CALLS_K * n * n),
    what: `Σ_k (S_k − np)² over ${MASK_CALLS_K} masks of ${n} (seeds ${inp.seed + 1}…${inp.seed + MASK_CALLS_K}), p = ${inp.p}`,
  });
  return outcome(t);
}

/**
 * Seeded masks: the same arguments twice give identical masks (determinism), and masks of two
 * different seeds agree in a Binomial(n, π² + (1 − π)²) number of entries (binomialTest, level α):
 * a sampler that ignores its seed or maps seeds to the same stream agrees everywhere.
 */
export function checkMaskStreams(inp: MaskInput, impl: Implementation, alpha = ALPHA_PER_CHECK): Outcome {
  const args = { n: MASK_STREAM_N, p: inp.p, seed: inp.seed };
  const ms = masksAll(impl, [args, { ...args, replicate: 1 }, { ...args, seed: inp.seed + 1 }]);
  if (typeof ms === 'string') return { ok: false, detail: ms };
  const [a, b, c] = ms as [Uint8Array, Uint8Array, Uint8Array];
  for (let i = 0; i < MASK_STREAM_N; i++) {
    if (a[i] !== b[i]) return { ok: false, ratio: Infinity, detail: `not deterministic: two calls random.bernoulli-mask(${JSON.stringify(args)}) differ at index ${i}; the mask must be a function of the arguments (is the seed ignored?)` };
  }
  let agree = 0;
  for (let i = 0; i < MASK_STREAM_N; i++) agree += a[i] === c[i] ? 1 : 0;
  // agreement probability π² + (1 − π)² = 1 − 2t, t = π(1 − π) over |π − p| ≤ slack
  const P = Rational.fromFloat64(inp.p), s = Rational.fromFloat64(MASK_P_SLACK);
  const ends = [Rational.max(Rational.ZERO, P.sub(s)), Rational.min(Rational.ONE, P.add(s))];
  const tOf = (q: Rational) => q.mul(Rational.ONE.sub(q));
  const half = Rational.of(1, 2);
  const tHi = ends[0]!.le(half) && ends[1]!.ge(half) ? Rational.of(1, 4) : Rational.max(tOf(ends[0]!), tOf(ends[1]!));
  const tLo = Rational.min(tOf(ends[0]!), tOf(ends[1]!));
  const two = Rational.fromInt(2);
  const t = binomialTest({
    k: agree, n: MASK_STREAM_N, piLo: Rational.ONE.sub(two.mul(tHi)), piHi: Rational.ONE.sub(two.mul(tLo)), alpha,
    what: `entries where the masks of seeds ${inp.seed} and ${inp.seed + 1} agree, p = ${inp.p}`,
  });
  return outcome(t);
}

// ---------------------------------------------------------------------------------------------
// The claim
// ---------------------------------------------------------------------------------------------

/** A finite law with rational values and probabilities (2 or 3 support points). */
const lawArb: fc.Arbitrary<FiniteDist> = fc.record({
  values: fc.uniqueArray(fc.integer({ min: -6, max: 6 }), { minLength: 2, maxLength: 3 }),
  weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 }),
  den: fc.integer({ min: 1, max: 4 }),
}).map(({ values, weights, den }) => {
  const w = weights.slice(0, values.length);
  const tot = w.reduce((a, b) => a + b, 0);
  return { values: values.map((v) => Rational.of(v, den)), probs: w.map((x) => Rational.of(x, tot)) };
});

/** Var of the sum of one pair (X₁, X₂) of Bernoulli(p) entries with correlation ρ (exact joint law). */
function correlatedPairSumVariance(p: Rational, rho: Rational): Rational {
  const q = Rational.ONE.sub(p);
  const p11 = p.mul(p).add(rho.mul(p).mul(q));
  const p10 = p.sub(p11), p00 = q.sub(p10);
  const law: FiniteDist = { values: [Rational.ZERO, Rational.ONE, Rational.fromInt(2)], probs: [p00, p10.add(p10), p11] };
  return populationVariance(law);
}

const normalDesc = 'random.normal, inputs (seed, μ ∈ {0, 1.5, −3, 0.25, fl32(0.3)}, σ ∈ {1, 0.5, 2, 0.125, fl32(1.7)})';
const maskDesc = 'random.bernoulli-mask, inputs (seed, p ∈ {1/2, 1/4, 3/4, 7/8, 1/8, fl32(0.9), fl32(0.1), fl32(0.8)})';

export const claim: ClaimModule = {
  id: 'stats.iid-sum-variance',
  properties: [
    {
      name: 'exact',
      kind: 'identity',
      description: 'For a finite law with rational values and probabilities and n ≤ 6 i.i.d. draws, the exact sampling distribution of S = ΣX_i (all |support|ⁿ samples enumerated) has Var(S) = n·Var(X).',
      arbitrary: fc.record({ law: lawArb, n: fc.integer({ min: 1, max: 6 }) }),
      runs: 40,
      check: ({ law, n }) => {
        const s = samplingDistribution(law, n, (xs) => Rational.sum(xs));
        const lhs = populationVariance(s), rhs = populationVariance(law).mul(Rational.fromInt(n));
        return lhs.eq(rhs) ? { ok: true } : { ok: false, detail: `n = ${n}: Var(S) = ${lhs} ≠ n·Var(X) = ${rhs}` };
      },
    },
    {
      name: 'normal-fit',
      kind: 'conformance',
      description: `${normalDesc}: ${FIT_N} values fit N(μ, σ²) — DKW inequality (Massart constant) on a grid of 97 points with proved Φ enclosures, level ALPHA_PER_CHECK.`,
      arbitrary: normalInputArb,
      ops: ['random.normal'],
      runs: 3,
      check: (inp, impl) => checkNormalFit(inp, impl!),
    },
    {
      name: 'normal-independence',
      kind: 'conformance',
      description: `${normalDesc}: pairs at lags ${LAGS.join(', ')} within a call of ${LAG_N}, and at the same index of the calls with seeds s and s + 1, are independent N(0, 1) pairs after standardising — exact χ² tests of the rotated pairs (Laurent–Massart), level ALPHA_PER_CHECK split over the tests.`,
      arbitrary: normalInputArb,
      ops: ['random.normal'],
      runs: 3,
      check: (inp, impl) => checkNormalIndependence(inp, impl!),
    },
    {
      name: 'normal-call-means',
      kind: 'conformance',
      description: `${normalDesc}: the means of ${CALLS_K} calls of ${CALLS_N} values (consecutive seeds) scatter like N(μ, σ²/n), i.e. Var(S) = nσ² — Σ n(m_k − μ)²/σ² against χ²_${CALLS_K} (Laurent–Massart, both tails), level ALPHA_PER_CHECK.`,
      arbitrary: normalInputArb,
      ops: ['random.normal'],
      runs: 3,
      check: (inp, impl) => checkNormalCallMeans(inp, impl!),
    },
    {
      name: 'normal-streams',
      kind: 'conformance',
      description: `${normalDesc}: the same arguments twice give identical values (determinism for a given seed, and for seed 0 every time), and a pool of one N(0, 1) call of ${STREAM_LONG_N} and ${STREAM_SHORT_K} of ${STREAM_SHORT_N} at the next seeds holds no more repeated values than independent draws may (McDiarmid; short periods, overlapping or identical streams) — level ALPHA_PER_CHECK.`,
      arbitrary: streamInputArb,
      ops: ['random.normal'],
      runs: 3,
      check: (inp, impl) => checkNormalStreams(inp, impl!),
    },
    {
      name: 'mask-independence',
      kind: 'conformance',
      description: `${maskDesc}: the number of (1, 1) pairs at lags ${LAGS.join(', ')} within a mask of ${MASK_LAG_N}, and at the same index of the masks of seeds s and s + 1, is Binomial(N, p²) — Chernoff–KL tests with proved critical counts, level ALPHA_PER_CHECK split over the tests.`,
      arbitrary: maskInputArb,
      ops: ['random.bernoulli-mask'],
      runs: 3,
      check: (inp, impl) => checkMaskIndependence(inp, impl!),
    },
    {
      name: 'mask-call-sums',
      kind: 'conformance',
      description: `${maskDesc}: the numbers of ones S_k of ${MASK_CALLS_K} masks of ${MASK_CALLS_N} (consecutive seeds) scatter with Var(S) = np(1 − p) — Maurer's lower tail on Σ(S_k − np)², level ALPHA_PER_CHECK.`,
      arbitrary: maskInputArb,
      ops: ['random.bernoulli-mask'],
      runs: 3,
      check: (inp, impl) => checkMaskCallSums(inp, impl!),
    },
    {
      name: 'mask-streams',
      kind: 'conformance',
      description: `${maskDesc}: the same arguments twice give identical masks (determinism for a given seed), and the masks of seeds s and s + 1 agree in a Binomial(n, p² + (1 − p)²) number of the ${MASK_STREAM_N} entries — level ALPHA_PER_CHECK.`,
      arbitrary: maskInputArb,
      ops: ['random.bernoulli-mask'],
      runs: 3,
      check: (inp, impl) => checkMaskStreams(inp, impl!),
    },
  ],
  audit: () => {
    const half = Rational.of(1, 2);
    const bern: FiniteDist = { values: [Rational.ZERO, Rational.ONE], probs: [half, half] };
    const n = 4;
    const iid = populationVariance(samplingDistribution(bern, n, (xs) => Rational.sum(xs)));
    const sumVar = populationVariance(bern).mul(Rational.fromInt(n));
    const rho = Rational.of(1, 2);
    const pairVar = correlatedPairSumVariance(half, rho);
    const corr = pairVar.mul(Rational.fromInt(n / 2));
    const three: FiniteDist = { values: [Rational.fromInt(-1), Rational.ZERO, Rational.fromInt(3)], probs: [Rational.of(1, 2), Rational.of(1, 4), Rational.of(1, 4)] };
    const iid3 = populationVariance(samplingDistribution(three, 3, (xs) => Rational.sum(xs)));
    return [
      {
        id: 'stats.iid-sum-variance',
        verdict: iid.eq(sumVar) && iid3.eq(populationVariance(three).mul(Rational.fromInt(3))) ? 'confirmed' : 'refuted',
        evidence: `Var(ΣX_i) = ΣVar(X_i) for i.i.d. X_i of finite variance (002:199), exactly: ${n} i.i.d. Bernoulli(1/2) draws, enumerated, give Var(S) = ${iid} = ${n}·1/4; ` +
          `3 draws of the law {−1: 1/2, 0: 1/4, 3: 1/4} give ${iid3} = 3·${populationVariance(three)}. "i.i.d." is more than needed (pairwise uncorrelated suffices) but not removable: ` +
          `the same ${n} Bernoulli(1/2) entries in pairs with correlation ρ = 1/2 (same marginals) give Var(S) = ${corr}, not ${sumVar}. ` +
          'The premise is what seeded samplers promise; properties normal-* and mask-* test it on the implementation as a distribution statement.',
      },
    ];
  },
};
