/**
 * Binary floating-point formats and exact rounding into them.
 *
 * A binary format with precision `p` (significand bits including the hidden
 * bit) and exponent range `[emin, emax]` represents
 *
 * $$ F = \{\, \pm m \cdot 2^{e-p+1} : 0 \le m < 2^p,\ e_{\min} \le e \le e_{\max},\ (m \ge 2^{p-1} \text{ or } e = e_{\min}) \,\} \cup \{\pm\infty, \mathrm{NaN}\}, $$
 *
 * the elements with `m < 2^{p−1}` being the subnormals (gradual underflow).
 * Round-to-nearest-even `fl(x)` is the element of `F` closest to `x`, ties going
 * to the element with even `m`; `fl(x) = ±∞` iff `|x| ≥ (2 − 2^{−p})·2^{emax}`
 * (IEEE 754-2019 §4.3.1, §7.4). For `x` in the normal range,
 * `fl(x) = x(1 + δ)` with `|δ| ≤ u = 2^{−p}` — the *unit roundoff*
 * (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., Thm 2.2).
 *
 * | format   | p  | emin   | emax  | u        |
 * |----------|----|--------|-------|----------|
 * | float64  | 53 | −1022  | 1023  | 2^−53    |
 * | float32  | 24 | −126   | 127   | 2^−24    |
 * | float16  | 11 | −14    | 15    | 2^−11    |
 * | bfloat16 | 8  | −126   | 127   | 2^−8     |
 *
 * Storage: 1 sign bit, `w` exponent bits with bias `emax = 2^{w−1} − 1`, and
 * `p − 1` fraction bits (float16: 1+5+10, bfloat16: 1+8+7, float32: 1+8+23,
 * float64: 1+11+52).
 */

import { Rational, roundPositiveToBinary } from './rational.js';

export interface FloatFormat {
  name: 'float64' | 'float32' | 'float16' | 'bfloat16';
  /** p, significand bits including the hidden bit */
  precision: number;
  /** minimum normal exponent */
  emin: number;
  /** maximum exponent (= exponent bias) */
  emax: number;
  /** unit roundoff u = 2^{−p} */
  u: number;
}

export const FLOAT64: FloatFormat = Object.freeze({ name: 'float64', precision: 53, emin: -1022, emax: 1023, u: 2 ** -53 });
export const FLOAT32: FloatFormat = Object.freeze({ name: 'float32', precision: 24, emin: -126, emax: 127, u: 2 ** -24 });
export const FLOAT16: FloatFormat = Object.freeze({ name: 'float16', precision: 11, emin: -14, emax: 15, u: 2 ** -11 });
export const BFLOAT16: FloatFormat = Object.freeze({ name: 'bfloat16', precision: 8, emin: -126, emax: 127, u: 2 ** -8 });

const FORMATS: Record<FloatFormat['name'], FloatFormat> = {
  float64: FLOAT64,
  float32: FLOAT32,
  float16: FLOAT16,
  bfloat16: BFLOAT16,
};

/** Look a format up by name. @throws RangeError for an unknown name. */
export function formatByName(name: string): FloatFormat {
  const f = (FORMATS as Record<string, FloatFormat | undefined>)[name];
  if (!f) throw new RangeError(`unknown float format: ${name}`);
  return f;
}

// ------------------------------------------------------------------ shared views

const BUF = new ArrayBuffer(8);
const F64 = new Float64Array(BUF);
const I64 = new BigInt64Array(BUF);
const U64 = new BigUint64Array(BUF);
const DV = new DataView(BUF);

/** 2^e as an exact double, for −1074 ≤ e ≤ 1023 (built from the bit pattern). */
function pow2(e: number): number {
  if (e > 1023) return Infinity;
  if (e < -1074) return 0;
  if (e >= -1022) U64[0] = BigInt(e + 1023) << 52n;
  else U64[0] = 1n << BigInt(e + 1074);
  return F64[0]!;
}

/** ⌊log₂|x|⌋ for a finite nonzero double, exactly (subnormals included). */
function exponentOf(x: number): number {
  DV.setFloat64(0, x);
  const hi = DV.getUint32(0);
  const field = (hi >>> 20) & 0x7ff;
  if (field !== 0) return field - 1023;
  const mhi = hi & 0xfffff;
  const lo = DV.getUint32(4);
  const bl = mhi !== 0 ? 52 - Math.clz32(mhi) : 32 - Math.clz32(lo);
  return -1075 + bl;
}

// ------------------------------------------------------------------ rounding

/**
 * `fl(q)`: the exact value of the element of `fmt` nearest to `q`
 * (roundTiesToEven, gradual underflow), or `'inf'`/`'-inf'` when
 * `|q| ≥ (2 − 2^{−p})·2^{emax}`. Values that underflow to zero return
 * `Rational.ZERO` (a rational has no signed zero; {@link roundToNumber}
 * returns −0 for a negative value).
 */
export function roundToFormat(q: Rational, fmt: FloatFormat): Rational | 'inf' | '-inf' {
  if (q.num === 0n) return Rational.ZERO;
  const neg = q.num < 0n;
  const r = roundPositiveToBinary(neg ? -q.num : q.num, q.den, fmt.precision, fmt.emin, fmt.emax);
  if (r === null) return neg ? '-inf' : 'inf';
  if (r.m === 0n) return Rational.ZERO;
  const n = neg ? -r.m : r.m;
  return r.e >= 0 ? Rational.of(n << BigInt(r.e)) : Rational.of(n, 1n << BigInt(-r.e));
}

/** `fl(q)` as a JS number (exact: all four formats embed in float64); ±Infinity on overflow, −0 for negative underflow. */
export function roundToNumber(q: Rational, fmt: FloatFormat): number {
  if (q.num === 0n) return 0;
  if (fmt === FLOAT64 || fmt.name === 'float64') return q.toFloat64();
  if (fmt === FLOAT32 || fmt.name === 'float32') return q.toFloat32();
  const neg = q.num < 0n;
  const r = roundPositiveToBinary(neg ? -q.num : q.num, q.den, fmt.precision, fmt.emin, fmt.emax);
  if (r === null) return neg ? -Infinity : Infinity;
  const v = Number(r.m) * pow2(r.e); // exact: result is representable
  return neg ? -v : v;
}

/** The double `x` rounded to `fmt` (nearest-even); exact conversion, single rounding. */
function roundDouble(x: number, fmt: FloatFormat): number {
  if (!Number.isFinite(x) || fmt.name === 'float64') return x;
  if (fmt.name === 'float32') return Math.fround(x);
  if (x === 0) return x;
  return roundToNumber(Rational.fromFloat64(x), fmt);
}

// ------------------------------------------------------------------ bit patterns

function exponentBits(fmt: FloatFormat): number {
  return Math.round(Math.log2(fmt.emax + 1)) + 1;
}

/** Whether the finite double x is a value of `fmt` (±0 included; rounding it to `fmt` leaves it unchanged). */
export function isRepresentable(x: number, fmt: FloatFormat): boolean {
  return Number.isFinite(x) && Object.is(roundDouble(x, fmt), x);
}

function requireRepresentable(x: number, fmt: FloatFormat, who: string): void {
  if (Number.isNaN(x)) return;
  if (!Object.is(roundDouble(x, fmt), x)) {
    throw new RangeError(`${who}: ${x} is not exactly representable in ${fmt.name}`);
  }
}

/**
 * The bit pattern of `x` in `fmt`: a number for float16/bfloat16/float32, a
 * BigInt for float64. `x` must be exactly representable in `fmt` (±0, ±∞
 * allowed); NaN encodes as the canonical quiet NaN (float16 0x7E00, bfloat16
 * 0x7FC0, float32 0x7FC00000, float64 0x7FF8000000000000).
 * @throws RangeError if `x` is not representable.
 */
export function encodeBits(x: number, fmt: FloatFormat): number | bigint {
  if (fmt.name === 'float64') {
    if (Number.isNaN(x)) return 0x7ff8000000000000n;
    F64[0] = x;
    return U64[0]!;
  }
  if (fmt.name === 'float32') {
    if (Number.isNaN(x)) return 0x7fc00000;
    requireRepresentable(x, fmt, 'encodeBits');
    DV.setFloat32(0, x);
    return DV.getUint32(0);
  }
  const p = fmt.precision;
  const w = exponentBits(fmt);
  const fracScale = 2 ** (p - 1);
  const signBit = 2 ** (w + p - 1);
  const expAllOnes = (2 ** w - 1) * fracScale;
  if (Number.isNaN(x)) return expAllOnes + fracScale / 2;
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let bits: number;
  if (a === Infinity) bits = expAllOnes;
  else if (a === 0) bits = 0;
  else {
    const E = exponentOf(a);
    const e = Math.max(E, fmt.emin);
    const m = a / pow2(e - p + 1); // exact (scaling by a power of two, no underflow)
    if (E > fmt.emax || !Number.isInteger(m)) {
      throw new RangeError(`encodeBits: ${x} is not exactly representable in ${fmt.name}`);
    }
    // ((e − emin) << (p−1)) + m: the hidden bit of a normal m carries into the exponent field
    bits = (e - fmt.emin) * fracScale + m;
  }
  return neg ? bits + signBit : bits;
}

/** Inverse of {@link encodeBits}: the value of a bit pattern (float64 takes a BigInt; a number is accepted if safe). */
export function decodeBits(bits: number | bigint, fmt: FloatFormat): number {
  if (fmt.name === 'float64') {
    U64[0] = BigInt.asUintN(64, BigInt(bits));
    return F64[0]!;
  }
  const b = Number(bits);
  const p = fmt.precision;
  const w = exponentBits(fmt);
  const total = w + p;
  if (!Number.isInteger(b) || b < 0 || b >= 2 ** total) {
    throw new RangeError(`decodeBits: ${bits} is not a ${total}-bit pattern`);
  }
  if (fmt.name === 'float32') {
    DV.setUint32(0, b);
    return DV.getFloat32(0);
  }
  const fracScale = 2 ** (p - 1);
  const signBit = 2 ** (total - 1);
  const neg = b >= signBit;
  const mag = neg ? b - signBit : b;
  const field = Math.floor(mag / fracScale);
  const frac = mag - field * fracScale;
  let v: number;
  if (field === 2 ** w - 1) v = frac === 0 ? Infinity : NaN;
  else if (field === 0) v = frac * pow2(fmt.emin - p + 1);
  else v = (fracScale + frac) * pow2(field - fmt.emax - p + 1);
  return neg ? -v : v;
}

// ------------------------------------------------------------------ spacing

/**
 * `ulp(x)` in `fmt`: the spacing of the elements of `fmt` in the binade of
 * |x|, i.e. `2^{max(E, emin) − p + 1}` with `E = ⌊log₂|x|⌋` (Higham §2.1;
 * this is the "Goldberg" ulp, the gap *above* |x| for representable x).
 * `ulp(0)` is the smallest subnormal `2^{emin−p+1}`. For finite |x| beyond the
 * finite range of `fmt`, returns the spacing of the top binade
 * `2^{emax−p+1}`. `ulp(±∞) = ∞`, `ulp(NaN) = NaN`. Exact.
 */
export function ulp(x: number, fmt: FloatFormat): number {
  if (Number.isNaN(x)) return NaN;
  if (!Number.isFinite(x)) return Infinity;
  const p = fmt.precision;
  if (x === 0) return pow2(fmt.emin - p + 1);
  const E = Math.min(Math.max(exponentOf(x), fmt.emin), fmt.emax);
  return pow2(E - p + 1);
}

/** Position of `x` (representable in fmt) in the ordered list of fmt values; ±0 ↦ 0. */
function ordinal(x: number, fmt: FloatFormat): bigint {
  const bits = encodeBits(x, fmt);
  if (typeof bits === 'bigint') {
    F64[0] = x;
    const s = I64[0]!;
    return s < 0n ? -(s & 0x7fffffffffffffffn) : s;
  }
  const total = exponentBits(fmt) + fmt.precision;
  const signBit = 2 ** (total - 1);
  return BigInt(bits >= signBit ? -(bits - signBit) : bits);
}

/**
 * Number of steps between `a` and `b` in `fmt` (both must be exactly
 * representable in `fmt`): `|ord(a) − ord(b)|` where `ord` maps the ordered
 * elements of `fmt` to consecutive integers with `ord(±0) = 0` (so +0 and −0
 * are 0 apart; `ord(+∞) = ord(maxFinite) + 1`). NaN if either is NaN. For
 * float64 distances above 2^53 the returned number is rounded.
 */
export function ulpDistance(a: number, b: number, fmt: FloatFormat): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  const d = ordinal(a, fmt) - ordinal(b, fmt);
  return Number(d < 0n ? -d : d);
}

/** Smallest double > x (float64). nextUp(±0) = 2^−1074, nextUp(−min subnormal) = −0, nextUp(+∞) = +∞, nextUp(−∞) = −MAX_VALUE, NaN ↦ NaN. */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  F64[0] = x;
  if (x > 0) I64[0] = I64[0]! + 1n;
  else I64[0] = I64[0]! - 1n; // negative: magnitude decreases (−MIN_VALUE → −0)
  return F64[0]!;
}

/** Largest double < x (float64): `nextDown(x) = −nextUp(−x)`. */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/**
 * Higham's constant (Accuracy and Stability, §3.1, Lemma 3.1)
 *
 * $$ \gamma_k = \frac{k u}{1 - k u}, \qquad k u < 1, $$
 *
 * which bounds `|θ_k| ≤ γ_k` for a product `∏_{i=1}^{k}(1+δ_i)^{±1} = 1 + θ_k`
 * with `|δ_i| ≤ u`; e.g. a recursively summed dot product of length n has
 * `|fl(xᵀy) − xᵀy| ≤ γ_n |x|ᵀ|y|` (Higham eq. (3.5)).
 *
 * Evaluation: γ_k is computed *exactly* as a rational from the exact values
 * of the doubles `k` and `u`, then rounded UPWARDS to a double (round to
 * nearest, then one `nextUp` if that fell below the exact value). The result is
 * therefore the smallest double `≥ γ_k`, so bounds built from it are never
 * optimistic. (A plain float64 evaluation `k*u/(1-k*u)` could round below
 * γ_k by up to ~2 ulps; stepping up by `nextUp` a couple of times would also be
 * safe, but the exact route is both safe and tight.)
 *
 * @throws RangeError if `k < 0`, either argument is not finite, or `k·u ≥ 1`
 *   (checked exactly).
 */
const GAMMA_MEMO = new Map<number, Map<number, number>>();
let gammaMemoSize = 0;
export function gamma(k: number, u: number): number {
  // memoised by number keys (u, then k): the bound models call it per entry with a handful of (k, u)
  // pairs; exact rationals are costly, and so is formatting the floats into a string key
  let byK = GAMMA_MEMO.get(u);
  const hit = byK?.get(k);
  if (hit !== undefined) return hit;
  const g = gammaExact(k, u);
  if (gammaMemoSize >= 4096) { GAMMA_MEMO.clear(); gammaMemoSize = 0; byK = undefined; }
  if (byK === undefined) { byK = new Map(); GAMMA_MEMO.set(u, byK); }
  byK.set(k, g);
  gammaMemoSize++;
  return g;
}

function gammaExact(k: number, u: number): number {
  if (!Number.isFinite(k) || !Number.isFinite(u) || k < 0 || u < 0) {
    throw new RangeError(`gamma: need finite k ≥ 0 and u ≥ 0, got k=${k}, u=${u}`);
  }
  const ku = Rational.fromFloat64(k).mul(Rational.fromFloat64(u));
  if (ku.ge(Rational.ONE)) throw new RangeError(`gamma: k·u = ${ku.toDecimal(6)} ≥ 1 (k=${k}, u=${u})`);
  const g = ku.div(Rational.ONE.sub(ku));
  const r = g.toFloat64();
  return Rational.fromFloat64(r).lt(g) ? nextUp(r) : r;
}
