/**
 * Exact affine (asymmetric) quantisation (seed 004_975819c312b074f9.txt, lines 3297–3299 and
 * 3409–3477): s = (x_max − x_min)/(q_max − q_min), z = q_min − round(x_min/s),
 * q = clamp(round(x/s) + z, q_min, q_max), x̂ = s(q − z). All in exact rationals.
 */
import { Rational, type RoundingMode } from '../numerics/rational.js';
import { Interval, erfLower, erfUpper, sqrtDown, sqrtUp, addDown, addUp, add as ivAdd, sub as ivSub, mul as ivMul, div as ivDiv, log as ivLog } from '../numerics/interval.js';
import { encloseRational } from '../numerics/enclose.js';
import { roundToFormat, type FloatFormat } from '../numerics/float-format.js';

export interface QuantParams { scale: Rational; zeroPoint: bigint }

const clamp = (v: bigint, lo: bigint, hi: bigint): bigint => (v < lo ? lo : v > hi ? hi : v);

/**
 * Parameters for the range [x_min, x_max] widened to contain 0 (so that 0 is exactly
 * representable). A degenerate range (x_min = x_max = 0) gets s = 1, z = 0 by convention.
 */
export function affineParams(xmin: Rational, xmax: Rational, qmin: bigint, qmax: bigint, mode: RoundingMode = 'half-even'): QuantParams {
  const lo = Rational.min(xmin, Rational.ZERO);
  const hi = Rational.max(xmax, Rational.ZERO);
  if (hi.eq(lo)) return { scale: Rational.ONE, zeroPoint: 0n };
  const scale = hi.sub(lo).div(Rational.of(qmax - qmin));
  return { scale, zeroPoint: clamp(qmin - lo.div(scale).round(mode), qmin, qmax) };
}

export function quantize(x: Rational, p: QuantParams, qmin: bigint, qmax: bigint, mode: RoundingMode = 'half-even'): bigint {
  return clamp(x.div(p.scale).round(mode) + p.zeroPoint, qmin, qmax);
}

export function dequantize(q: bigint, p: QuantParams): Rational {
  return p.scale.mul(Rational.of(q - p.zeroPoint));
}

// ----------------------------------------------------------------------------- absmax and codebooks
// (quant.absmax-int8, quant.2bit-example, quant.nf4-map, quant.nf4-levels, quant.double-quant)


/** max |x| (0 for an empty or all-zero vector). */
export function absmax(xs: readonly Rational[]): Rational {
  return xs.reduce((m, x) => Rational.max(m, x.abs()), Rational.ZERO);
}

/** Symmetric absmax quantisation q = round_half_even(qmax·x/absmax(x)) (all 0 when absmax = 0). */
export function absmaxQuantize(xs: readonly Rational[], qmax: bigint): { absmax: Rational; q: bigint[] } {
  const a = absmax(xs);
  if (a.isZero()) return { absmax: a, q: xs.map(() => 0n) };
  const c = Rational.of(qmax).div(a);
  return { absmax: a, q: xs.map((x) => x.mul(c).round('half-even')) };
}

/** x̂ = q·absmax/qmax. */
export function absmaxDequantize(q: readonly bigint[], a: Rational, qmax: bigint): Rational[] {
  return q.map((v) => Rational.of(v).mul(a).div(Rational.of(qmax)));
}

/** Every index of `book` at the minimal distance from v (two at an exact midpoint). */
export function nearestCodes(v: Rational, book: readonly Rational[]): number[] {
  let best: Rational | undefined; let out: number[] = [];
  book.forEach((b, i) => {
    const d = v.sub(b).abs();
    if (best === undefined || d.lt(best)) { best = d; out = [i]; } else if (d.eq(best)) out.push(i);
  });
  return out;
}

/** Codebook quantisation with absmax scaling: each x/absmax to its nearest code(s). */
export function codebookQuantize(xs: readonly Rational[], book: readonly Rational[]): { absmax: Rational; codes: number[][] } {
  const a = absmax(xs);
  return { absmax: a, codes: xs.map((x) => nearestCodes(a.isZero() ? Rational.ZERO : x.div(a), book)) };
}

/** The NF4 codebook of bitsandbytes / QLoRA as published (float32 values, exactly as float64 literals). */
export const NF4_PUBLISHED: readonly number[] = [
  -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635,
  -0.18477343022823334, -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725,
  0.24611230194568634, 0.33791524171829224, 0.44070982933044434, 0.5626170039176941,
  0.7229568362236023, 1.0,
];

/** Φ(x) = (1 + erf(x/√2))/2 enclosed (rigorous erf enclosure of src/numerics/interval.ts). */
export function normalCdfEnclosure(x: number): [number, number] {
  const t = ivDiv(new Interval(x, x), new Interval(sqrtDown(2), sqrtUp(2)));
  return [addDown(1, erfLower(t.lo)) / 2, addUp(1, erfUpper(t.hi)) / 2];
}

/**
 * Φ⁻¹(p) enclosed, for p in [pl, pu] ⊂ (0, 1): bisection on doubles keeping a with Φ(a) < pl
 * certified (upper bound) and b with Φ(b) > pu certified (lower bound); Φ is increasing, so
 * Φ⁻¹(p) ∈ [a, b]. Stops when the midpoint cannot be certified either way.
 */
export function probitEnclosure(pl: number, pu: number): [number, number] {
  let a = -40, b = 40;
  for (let k = 0; k < 200; k++) {
    const m = (a + b) / 2;
    if (m === a || m === b) break;
    const [lo, hi] = normalCdfEnclosure(m);
    if (hi < pl) a = m; else if (lo > pu) b = m; else break;
  }
  return [a, b];
}

/** torch.linspace(start, end, n) in float32 (CPU kernel: symmetric from both ends), emulated exactly with Math.fround. */
export function float32Linspace(start: number, end: number, n: number): number[] {
  const f = Math.fround;
  const s = f(start), e = f(end);
  const step = f(f(e - s) / (n - 1));
  const half = Math.floor(n / 2);
  return Array.from({ length: n }, (_, i) => (i < half ? f(s + f(step * i)) : f(e - f(step * (n - 1 - i)))));
}

/**
 * The NF4 construction of bitsandbytes (create_normal_map, offset δ): 8 positive levels
 * Φ⁻¹(p_i) on the 9-point grid from δ to ½ (last dropped), 7 negative levels −Φ⁻¹(p_j) on the
 * 8-point grid, and 0; all divided by the largest, Φ⁻¹(δ). `grid` = 'float32': the probabilities
 * are torch.linspace's float32 values (as bitsandbytes computes them); 'exact': the exact
 * rationals δ − i(δ − ½)/8 and δ − j(δ − ½)/7. Returns 16 enclosures, ascending.
 */
export function nf4LevelEnclosures(offset: Rational, grid: 'float32' | 'exact'): Interval[] {
  const half = Rational.of(1n, 2n);
  const probs = (n: number): Interval[] => {
    if (grid === 'float32') return float32Linspace(offset.toFloat64(), 0.5, n).slice(0, -1).map((p) => new Interval(p, p));
    return Array.from({ length: n - 1 }, (_, i) => encloseRational(offset.sub(offset.sub(half).mul(Rational.of(i)).div(Rational.of(n - 1)))));
  };
  const probit = (p: Interval) => { const [a, b] = probitEnclosure(p.lo, p.hi); return new Interval(a, b); };
  const pos = probs(9).map(probit);
  const neg = probs(8).map(probit);
  const max = pos[0]!;
  const scaled = (v: Interval, sign: 1 | -1) => {
    const r = ivDiv(v, max);
    return sign === 1 ? r : new Interval(-r.hi, -r.lo);
  };
  const out = [...neg.map((v) => scaled(v, -1)), new Interval(0, 0), ...pos.map((v) => scaled(v, 1))];
  return out.sort((x, y) => x.lo - y.lo);
}

/** fl32 of the real in `v` when the enclosure decides it (both ends round alike), else undefined. */
export function float32Of(v: Interval): number | undefined {
  const a = Math.fround(v.lo), b = Math.fround(v.hi);
  return a === b ? a : undefined;
}

// --------------------------------------------------------------------------------- double quantisation

/**
 * Storage of blockwise k-bit quantisation with double quantisation (QLoRA): n weights of kW bits,
 * ⌈n/b₁⌉ first-level constants quantised to kC bits, ⌈⌈n/b₁⌉/b₂⌉ second-level constants of
 * kC₁ bits. Returns total bits (exact count).
 */
export function doubleQuantBits(n: bigint, b1: bigint, b2: bigint, kW: bigint, kC: bigint, kC1: bigint): bigint {
  const c = (n + b1 - 1n) / b1;
  const c1 = (c + b2 - 1n) / b2;
  return n * kW + c * kC + c1 * kC1;
}

/**
 * Blockwise double quantisation of a vector (exact): blocks of b1 weights get absmax constants c;
 * the c's, in blocks of b2, get int8 absmax codes c₂ with second-level constants c₁ (the c₁ are
 * kept exact: "FP32"); the weights are quantised with the codebook against the *dequantised*
 * constants. Returns the stored arrays (their lengths are what is counted).
 */
export function doubleQuantize(xs: readonly Rational[], book: readonly Rational[], b1: number, b2: number):
  { codes: number[]; c2: bigint[]; c1: Rational[]; cHat: Rational[] } {
  const blocks: Rational[][] = [];
  for (let i = 0; i < xs.length; i += b1) blocks.push(xs.slice(i, i + b1));
  const c = blocks.map(absmax);
  const c2: bigint[] = [], c1: Rational[] = [], cHat: Rational[] = [];
  for (let i = 0; i < c.length; i += b2) {
    const { absmax: a, q } = absmaxQuantize(c.slice(i, i + b2), 127n);
    c1.push(a); c2.push(...q);
    cHat.push(...absmaxDequantize(q, a, 127n));
  }
  const codes: number[] = [];
  blocks.forEach((blk, j) => {
    const a = cHat[j]!;
    for (const x of blk) {
      const t = a.isZero() ? Rational.ZERO : x.div(a);
      const clipped = Rational.max(Rational.of(-1), Rational.min(Rational.ONE, t));
      codes.push(nearestCodes(clipped, book)[0]!);
    }
  });
  return { codes, c2, c1, cHat };
}

// ------------------------------------------------------------------------------------ integer GEMM

/** Σ_k (x_ik − z_x)(w_kj − z_w): the exact product of the zero-point-shifted integer matrices. */
export function intGemmShifted(X: readonly bigint[][], W: readonly bigint[][], zx: bigint, zw: bigint): bigint[][] {
  const K = W.length, N = K > 0 ? W[0]!.length : 0;
  return X.map((row) => Array.from({ length: N }, (_, j) => {
    let s = 0n;
    for (let k = 0; k < K; k++) s += (row[k]! - zx) * (W[k]![j]! - zw);
    return s;
  }));
}

/** The same by the expansion Σ x w − z_w Σ_k x − z_x Σ_k w + K z_x z_w (the zero-point cross terms). */
export function intGemmExpanded(X: readonly bigint[][], W: readonly bigint[][], zx: bigint, zw: bigint): bigint[][] {
  const K = W.length, N = K > 0 ? W[0]!.length : 0;
  const colSum = Array.from({ length: N }, (_, j) => W.reduce((s, r) => s + r[j]!, 0n));
  return X.map((row) => {
    const rowSum = row.reduce((s, v) => s + v, 0n);
    return Array.from({ length: N }, (_, j) => {
      let s = 0n;
      for (let k = 0; k < K; k++) s += row[k]! * W[k]![j]!;
      return s - zw * rowSum - zx * colSum[j]! + BigInt(K) * zx * zw;
    });
  });
}

// ------------------------------------------------------------------------------------ fake quant

/** FakeQuant(x) = s·(clip(round(x/s) + z, q_min, q_max) − z), exact. */
export function fakeQuant(x: Rational, s: Rational, z: bigint, qmin: bigint, qmax: bigint): Rational {
  return dequantize(quantize(x, { scale: s, zeroPoint: z }, qmin, qmax), { scale: s, zeroPoint: z });
}

/** The clipped straight-through gradient: 1 when round(x/s) + z lies in [q_min, q_max], else 0 (PyTorch FakeQuantize). */
export function steGradient(x: Rational, s: Rational, z: bigint, qmin: bigint, qmax: bigint): 0 | 1 {
  const q = x.div(s).round('half-even') + z;
  return q >= qmin && q <= qmax ? 1 : 0;
}

// ------------------------------------------------------------------------------------ calibration

/** Symmetric quantisation with clipping threshold T: s = T/qmax, q = clip(round(x/s), −qmax, qmax); the exact mean squared error. */
export function clipMse(xs: readonly Rational[], T: Rational, qmax: bigint): Rational {
  if (xs.length === 0) return Rational.ZERO;
  // Exact in BigInt without normalising each step: x_i = n_i/D (common denominator), s = sn/sd;
  // x/s = n·sd/(D·sn), rounded half to even by integer division; e = x − s·q = (n·sd − D·sn·q)/(D·sd).
  const s = T.div(Rational.of(qmax));
  const sn = s.num, sd = s.den;
  let D = 1n;
  for (const x of xs) D = (D * x.den) / gcdB(D, x.den);
  const den = D * sn;
  let sum = 0n;
  for (const x of xs) {
    const n = x.num * (D / x.den);
    const num = n * sd; // x/s = num/den, den > 0
    let fl = num / den; if (num % den !== 0n && num < 0n) fl -= 1n; // floor
    const r2 = 2n * (num - fl * den);
    let q = r2 < den ? fl : r2 > den ? fl + 1n : (fl % 2n === 0n ? fl : fl + 1n);
    q = clamp(q, -qmax, qmax);
    const e = num - D * sn * q; // (x − s·q)·D·sd
    sum += e * e;
  }
  return Rational.of(sum, D * sd * D * sd * BigInt(xs.length));
}

const gcdB = (a: bigint, b: bigint): bigint => { a = a < 0n ? -a : a; b = b < 0n ? -b : b; while (b) { [a, b] = [b, a % b]; } return a; };

/** The exhaustive sweep: thresholds T_k = k·absmax/qmax for every code k = 1 … qmax; the exact MSE of each. */
export function mseSweep(xs: readonly Rational[], qmax: bigint): { k: bigint; T: Rational; mse: Rational }[] {
  const a = absmax(xs);
  const out: { k: bigint; T: Rational; mse: Rational }[] = [];
  if (a.isZero()) return out;
  for (let k = 1n; k <= qmax; k++) { const T = a.mul(Rational.of(k)).div(Rational.of(qmax)); out.push({ k, T, mse: clipMse(xs, T, qmax) }); }
  return out;
}

/** Percentile threshold (nearest rank): the ⌈p·n⌉-th smallest |x| (p a rational in (0, 1]). */
export function percentileThreshold(xs: readonly Rational[], p: Rational): Rational {
  const a = xs.map((x) => x.abs()).sort((u, v) => u.cmp(v));
  const r = Rational.of(a.length).mul(p).ceil();
  return a[Math.max(0, Number(r) - 1)]!;
}

/**
 * TensorRT-style entropy calibration on a histogram of |x| (counts per bin, bins of equal width):
 * for each candidate i ≥ levels, P = the first i bins with the outlier mass folded into bin i−1,
 * Q = P's first i bins merged into `levels` groups and spread evenly over each group's non-empty
 * bins; KL(P‖Q) enclosed (logs of integers enclosed by logLower/logUpper). Returns per candidate
 * i the enclosure [lo, hi] of the KL divergence (in nats).
 */
export function klSweep(hist: readonly number[], levels: number): { i: number; lo: number; hi: number }[] {
  const out: { i: number; lo: number; hi: number }[] = [];
  const pt = (v: number) => new Interval(v, v);
  const ln = (v: number) => ivLog(pt(v));
  for (let i = levels; i <= hist.length; i++) {
    const P = hist.slice(0, i);
    P[i - 1] = P[i - 1]! + hist.slice(i).reduce((s, v) => s + v, 0);
    // Q: groups of (nearly) equal numbers of bins; group g covers bins [⌊g·i/levels⌋, ⌊(g+1)·i/levels⌋)
    const Q = new Array<number>(i).fill(0); // numerators; Q_j = Qn_j / Qd_j
    const Qd = new Array<number>(i).fill(1);
    for (let g = 0; g < levels; g++) {
      const a = Math.floor((g * i) / levels), b = Math.floor(((g + 1) * i) / levels);
      let mass = 0, nz = 0;
      for (let j = a; j < b; j++) { mass += hist[j]!; if (hist[j]! > 0) nz++; }
      for (let j = a; j < b; j++) if (hist[j]! > 0) { Q[j] = mass; Qd[j] = nz; }
    }
    const sumP = P.reduce((s, v) => s + v, 0);
    const sumQ = hist.slice(0, i).reduce((s, v) => s + v, 0); // Σ_j Q_j = mass of the first i bins
    let acc = new Interval(0, 0), infinite = false;
    for (let j = 0; j < i; j++) {
      if (P[j]! === 0) continue;
      if (Q[j]! === 0) { infinite = true; break; }
      // p log(p/q), p = P_j/ΣP, q = Q_j/(Qd_j·ΣQ): log p − log q = ln P_j + ln Qd_j + ln ΣQ − ln ΣP − ln Q_j (outward-rounded intervals)
      const d = ivSub(ivSub(ivAdd(ivAdd(ln(P[j]!), ln(Qd[j]!)), ln(sumQ)), ln(sumP)), ln(Q[j]!));
      acc = ivAdd(acc, ivMul(ivDiv(pt(P[j]!), pt(sumP)), d));
    }
    const lo = infinite ? Infinity : acc.lo, hi = infinite ? Infinity : acc.hi;
    out.push({ i, lo, hi });
  }
  return out;
}

/**
 * The NF4 codebook exactly as bitsandbytes' create_normal_map computes it: probabilities from
 * torch.linspace in float32, Φ⁻¹ (scipy, float64: its value is not needed — only its float32
 * rounding, decided by the enclosure), the list stored as a float32 tensor (torch.Tensor(v)),
 * then divided by its maximum in float32 (one correctly rounded float32 division, computed here
 * from exact rationals). Undefined entries: an enclosure too wide to decide a float32 rounding.
 */
export function nf4Bitsandbytes(offset: Rational): (number | undefined)[] {
  const probs = (n: number) => float32Linspace(offset.toFloat64(), 0.5, n).slice(0, -1);
  const f32 = (p: number) => { const [a, b] = probitEnclosure(p, p); return float32Of(new Interval(a, b)); };
  const pos = probs(9).map(f32), neg = probs(8).map((p) => { const v = f32(p); return v === undefined ? undefined : -v; });
  const vals = [...neg, 0, ...pos];
  const max = pos[0];
  if (max === undefined) return vals.map(() => undefined);
  const div32 = (a: number) => Math.fround(a / max); // a, max float32: the float64 quotient rounded to float32 is the correctly rounded float32 quotient (53 ≥ 2·24 + 2)
  return vals.map((v) => (v === undefined ? undefined : div32(v))).sort((x, y) => (x ?? 0) - (y ?? 0));
}

// ------------------------------------------------------------------------------------ float8 / float4
// (quant.cast-float8, quant.cast-float4; ONNX Cast / QuantizeLinear semantics, opset 19 and 23)

export type MiniFloatName = 'E4M3FN' | 'E4M3FNUZ' | 'E5M2' | 'E5M2FNUZ' | 'E2M1';

/**
 * A small binary float format: 1 sign bit, `ebits` exponent bits with `bias`, `mbits` mantissa bits.
 * `special`: 'fn' (no ∞; NaN = S.1111.111), 'uz' (no ∞, no −0; NaN = 1.0000.000 = 0x80 only),
 * 'ieee' (∞ = S.11111.00, NaN = S.11111.xx with xx ≠ 0), 'none' (E2M1: every code finite).
 */
export interface MiniFloat { name: MiniFloatName; ebits: number; mbits: number; bias: number; special: 'fn' | 'uz' | 'ieee' | 'none' }

export const MINIFLOATS: Readonly<Record<MiniFloatName, MiniFloat>> = {
  E4M3FN: { name: 'E4M3FN', ebits: 4, mbits: 3, bias: 7, special: 'fn' },
  E4M3FNUZ: { name: 'E4M3FNUZ', ebits: 4, mbits: 3, bias: 8, special: 'uz' },
  E5M2: { name: 'E5M2', ebits: 5, mbits: 2, bias: 15, special: 'ieee' },
  E5M2FNUZ: { name: 'E5M2FNUZ', ebits: 5, mbits: 2, bias: 16, special: 'uz' },
  E2M1: { name: 'E2M1', ebits: 2, mbits: 1, bias: 1, special: 'none' },
};

export type MiniValue = { kind: 'nan' } | { kind: 'inf'; neg: boolean } | { kind: 'finite'; neg: boolean; value: Rational };

const bitsOf = (f: MiniFloat) => 1 + f.ebits + f.mbits;
const signBit = (f: MiniFloat) => 1 << (f.ebits + f.mbits);

/** The value of a code (exact): the format table of the ONNX float8/float4 documents. */
export function miniDecode(f: MiniFloat, code: number): MiniValue {
  const sb = signBit(f), c = code & (sb - 1), neg = (code & sb) !== 0;
  const E = c >> f.mbits, M = c & ((1 << f.mbits) - 1), Emax = (1 << f.ebits) - 1;
  if (f.special === 'uz' && code === sb) return { kind: 'nan' };
  if (f.special === 'fn' && c === sb - 1) return { kind: 'nan' };
  if (f.special === 'ieee' && E === Emax) return M === 0 ? { kind: 'inf', neg } : { kind: 'nan' };
  const two = Rational.of(2);
  const value = E === 0
    ? Rational.of(M).mul(two.pow(1 - f.bias - f.mbits))
    : Rational.of((1 << f.mbits) + M).mul(two.pow(E - f.bias - f.mbits));
  return { kind: 'finite', neg, value };
}

/** The largest finite magnitude code (0x7E, 0x7F, 0x7B, 0x7F, 0x7). */
export function miniMaxCode(f: MiniFloat): number {
  const m = signBit(f) - 1;
  return f.special === 'fn' ? m - 1 : f.special === 'ieee' ? m - (1 << f.mbits) : m;
}

/** Every NaN code of the format (none for E2M1). */
const nanCache = new Map<MiniFloatName, number[]>();
const gridCache = new Map<MiniFloatName, Map<string, number>>();
export function miniNanCodes(f: MiniFloat): number[] {
  const hit = nanCache.get(f.name);
  if (hit) return hit;
  const out: number[] = [];
  nanCache.set(f.name, out);
  for (let c = 0; c < 1 << bitsOf(f); c++) if (miniDecode(f, c).kind === 'nan') out.push(c);
  return out;
}

/** floor(log2 a) for a > 0, exactly. */
function floorLog2(a: Rational): number {
  const two = Rational.of(2);
  let e = a.num.toString(2).length - a.den.toString(2).length;
  while (two.pow(e).gt(a)) e--;
  while (two.pow(e + 1).le(a)) e++;
  return e;
}

/**
 * The codes ONNX Cast(to = format, saturate) may return for the float x (exact; a set because every
 * NaN code is accepted for a NaN result, and E2M1 has no NaN: a NaN input is unspecified → every code):
 *  - x rounded to nearest, ties to even, on the format's grid continued above the largest binade
 *    (unbounded exponent; subnormals below): correctly rounded from the exact value of x;
 *  - ±0 → ±0 (the UZ formats have no −0: 0), a non-zero x rounding to 0 keeps its sign likewise;
 *  - a rounded magnitude above the largest finite value (and ±∞): saturate → ±max; otherwise ±∞ for
 *    E5M2 and NaN for the others (E2M1 always saturates: ONNX casts to float4 saturate);
 *  - ±∞ with saturate into the FNUZ formats (no infinity): ±max or NaN, both admissible — ONNX's Cast
 *    table says NaN, ONNX's reference implementation (float32_to_float8e4m3/e5m2 with uz) returns ±max
 *    (glossary float8-fnuz-infinity);
 *  - NaN → NaN.
 */
export function miniEncode(f: MiniFloat, x: number, saturate: boolean): number[] {
  const sb = signBit(f), maxCode = miniMaxCode(f);
  const nans = miniNanCodes(f);
  if (Number.isNaN(x)) return f.special === 'none' ? Array.from({ length: 1 << bitsOf(f) }, (_, i) => i) : nans;
  const neg = x < 0 || Object.is(x, -0);
  const sign = (mag: number) => (neg && !(f.special === 'uz' && mag === 0) ? sb | mag : mag);
  const overflow = (): number[] => (saturate || f.special === 'none' ? [sign(maxCode)] : f.special === 'ieee' ? [sign(maxCode + 1)] : nans);
  if (!Number.isFinite(x)) return saturate && f.special === 'uz' ? [sign(maxCode), ...nans] : overflow();
  const a = Rational.fromFloat64(Math.abs(x));
  if (a.isZero()) return [sign(0)];
  const e = Math.max(floorLog2(a), 1 - f.bias);
  const unit = Rational.of(2).pow(e - f.mbits);
  const m = a.div(unit).round('half-even');
  const value = Rational.of(m).mul(unit);
  if (value.isZero()) return [sign(0)];
  const max = (miniDecode(f, maxCode) as { value: Rational }).value;
  if (value.gt(max)) return overflow();
  let grid = gridCache.get(f.name);
  if (!grid) {
    grid = new Map();
    for (let c = 1; c <= maxCode; c++) { const d = miniDecode(f, c); if (d.kind === 'finite') grid.set(d.value.toString(), c); }
    gridCache.set(f.name, grid);
  }
  const c = grid.get(value.toString());
  if (c !== undefined) return [sign(c)];
  throw new Error(`miniEncode: ${value} not on the ${f.name} grid`);
}

// ------------------------------------------------------------------------------------ NF4 blockwise (quant.nf4)

/**
 * QLoRA / bitsandbytes NF4 quantisation of x in blocks of `blockSize` (the last block may be
 * shorter): absmax_b = max |x| over the block; code = the index of the nearest of the 16 published
 * levels to x/absmax_b, an exact midpoint going to the LOWER level (bitsandbytes' decision tree tests
 * t > threshold strictly); a block with absmax 0 gets code 7 (level 0). Dequantised value:
 * absmax_b·level(code). All exact.
 */
export function nf4Blockwise(xs: readonly Rational[], blockSize: number): { absmax: Rational[]; codes: number[]; values: Rational[] } {
  const book = NF4_PUBLISHED.map(Rational.fromFloat64);
  const absmaxes: Rational[] = [], codes: number[] = [], values: Rational[] = [];
  for (let i = 0; i < xs.length; i += blockSize) {
    const blk = xs.slice(i, i + blockSize);
    const a = absmax(blk);
    absmaxes.push(a);
    for (const x of blk) {
      const c = a.isZero() ? 7 : nearestCodes(x.div(a), book)[0]!;
      codes.push(c);
      values.push(a.mul(book[c]!));
    }
  }
  return { absmax: absmaxes, codes, values };
}

// ------------------------------------------------------------------------------------ per-axis / blocked parameters
// (quant.quantize / quant.dequantize with `axis` and `blockSize`: ONNX QuantizeLinear / DequantizeLinear opset 21)

/**
 * The index into the (row-major, flattened) scale / zero-point tensor of the element at flat index
 * `flat` of a tensor of `shape`: per-tensor (axis undefined) 0; per-axis the element's index along
 * `axis` (scale shape [shape[axis]]); blocked (blockSize B) the scale tensor has the input's shape
 * with dimension `axis` replaced by ⌈shape[axis]/B⌉, and the element's index along axis becomes
 * ⌊i_axis/B⌋. A negative axis counts from the end (ONNX).
 */
export function paramIndex(flat: number, shape: readonly number[], axis: number | undefined, blockSize: number | undefined): number {
  if (axis === undefined) return 0;
  const r = shape.length, ax = axis < 0 ? axis + r : axis;
  const idx: number[] = new Array(r);
  let rest = flat;
  for (let d = r - 1; d >= 0; d--) { idx[d] = rest % shape[d]!; rest = Math.floor(rest / shape[d]!); }
  if (!blockSize) return idx[ax]!;
  let out = 0;
  for (let d = 0; d < r; d++) {
    const dim = d === ax ? Math.ceil(shape[d]! / blockSize) : shape[d]!;
    out = out * dim + (d === ax ? Math.floor(idx[d]! / blockSize) : idx[d]!);
  }
  return out;
}



// ------------------------------------------------------------------------------------ float8 QuantizeLinear / DequantizeLinear
// (quant.quantize / quant.dequantize with `format`: ONNX QuantizeLinear / DequantizeLinear opset 19+ with a FLOAT8* type)

/**
 * ONNX QuantizeLinear to a float8 format, exactly as ONNX defines it (onnx/reference/ops/op_quantize_linear.py:
 * `x = x / y_scale`, then saturate_cast / astype to the float8 type): two roundings. First the exact
 * quotient x/s is rounded to nearest-even in the request format `fmt` (float32: ONNX's x and y_scale are
 * float32, numpy divides in float32; a quotient beyond the format's range is ±∞, one that underflows to 0
 * keeps the sign of x); then that float is cast to the float8 format as quant.cast-float8 (miniEncode).
 * The zero point is 0 (ONNX's reference ignores it for float8). Returns the admissible codes.
 */
export function quantizeFloat8(x: number, s: number, f: MiniFloat, saturate: boolean, fmt: FloatFormat): number[] {
  if (!Number.isFinite(x)) return miniEncode(f, x / s, saturate); // ±∞/s = ±∞ for s > 0; NaN stays NaN
  const t = roundToFormat(Rational.fromFloat64(x).div(Rational.fromFloat64(s)), fmt);
  const neg = x < 0 || Object.is(x, -0);
  const v = t === 'inf' ? Infinity : t === '-inf' ? -Infinity : t.isZero() ? (neg ? -0 : 0) : t.toFloat64();
  return miniEncode(f, v, saturate);
}

/** ONNX DequantizeLinear of a float8 code: s·v(code), exactly (the code must be a finite value). */
export function dequantizeFloat8(code: number, s: Rational, f: MiniFloat): Rational {
  const d = miniDecode(f, code);
  if (d.kind !== 'finite') throw new Error(`dequantizeFloat8: code ${code} of ${f.name} is ${d.kind}, not a finite value`);
  return d.neg ? s.mul(d.value).neg() : s.mul(d.value);
}
