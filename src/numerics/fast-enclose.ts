/**
 * FAST RIGOROUS tier for the big ops (softmax, attention, layer norm at real sizes): error-free
 * transformations, compensated sums and dot products with a rigorous a-posteriori bound, and
 * mid-radius enclosures of exp over typed arrays. No BigInt, no allocation in the inner loops.
 *
 * ## Rigour argument (binary64, round to nearest, no FMA)
 *
 * 1. **Outward rounding.** {@link succ} and {@link pred} compute `x ± (φ|x| + η)` with
 *    `φ = u(1 + 2u)`, `u = 2^-53`, `η = 2^-1074` in round-to-nearest; by Rump, Zimmermann, Boldo
 *    and Melquiond ("Computing predecessor and successor in rounding to nearest", BIT 49, 2009,
 *    Algorithm 2 / Theorem 2.2) the result is `≥ nextUp(x)` resp. `≤ nextDown(x)` for every finite
 *    `x` (±∞ on overflow). So for any exact real `v` and `r = RN(v)`, `pred(r) ≤ v ≤ succ(r)`:
 *    every rounded operation becomes rigorous by one `pred`/`succ` of its result. Tested against
 *    the bit-level `nextUp`/`nextDown` in test/numerics/fast-enclose.test.ts.
 * 2. **Error-free transformations.** {@link twoSum} (Knuth): `a + b = s + e` exactly unless an
 *    intermediate overflows (then a NaN/∞ shows up and the caller falls back). {@link split}
 *    (Veltkamp, factor `2^27 + 1`): `a = hi + lo` exactly with both halves of ≤ 26 significant
 *    bits, for `|a| ≤ 2^995`. {@link twoProduct} (Dekker): `a·b = p + e` exactly when
 *    `|a|, |b| ≤ 2^995` and `e_a + e_b ≥ −969` (no underflow in the error term): ensured here by
 *    requiring every non-zero factor to lie in `[2^-480, 2^480]` ({@link inSafeRange}). Products of
 *    two float32 values are exact in binary64 (24 + 24 ≤ 53 bits, exponents within −298…256).
 * 3. **Compensated sums and dot products** (Ogita, Rump, Oishi, "Accurate sum and dot product",
 *    SIAM J. Sci. Comput. 26, 2005, Sum2/Dot2). With `h_i` the (exact or rounded) products,
 *    `r_i` their exact errors, `(s_i, q_i) = TwoSum(s_{i−1}, h_i)` and `c` the recursively summed
 *    `q_i + r_i`, the exact value is `s_n + Σq_i + Σr_i` and `res = RN(s_n + c)`. Each
 *    `|q_i| ≤ u|s_i| ≤ u(1 + γ_n)H`, `|r_i| ≤ u|h_i|`, with `H = Σ|h_i|`; the recursive sum of the
 *    `2n` compensation terms errs by at most `γ_n(Σ|q_i| + Σ|r_i|)`, the last addition by `u|res|`
 *    (additions never underflow: a subnormal sum is exact). For `nu ≤ 1/100` this gives
 *    \[ |res − Σ a_i b_i| \le u|res| + 3n(n+1)u^2·\hat H, \]
 *    where `Ĥ` is the computed `H` (`H ≤ Ĥ/(1 − γ_{n−1})` is absorbed by the factor 3).
 *    {@link radius} evaluates such bounds in floating point, multiplied by `1 + 2^-48` (covers
 *    the handful of roundings of the bound itself) plus `2η` (underflow in the bound).
 * 4. **exp.** `Math.exp` is assumed within {@link ULP_ALLOWANCE}`.exp` steps of `e^x`
 *    (src/numerics/interval.ts states and tests the assumption); `k` steps around `E` are within
 *    `k·2^-52·E + k·η`. For an argument known only to within `ρ ≤ 1/2`,
 *    `e^{d+δ} = e^d(1 + β)` with `|β| ≤ ρ + ρ²` (for `|δ| ≤ ρ ≤ 1`).
 *
 * Everything that can leave the safe ranges (non-finite values, magnitudes outside
 * `[2^-480, 2^480]` for split products, an argument radius `> 1/2`) is detected, and the fast
 * functions then return `false`/`null` so that the caller uses the exact tier instead.
 *
 * @module
 */

import { ULP_ALLOWANCE } from './interval.js';

/** Unit roundoff of binary64. */
export const U = 2 ** -53;
/** Smallest positive subnormal. */
export const ETA = 2 ** -1074;
const PHI = U * (1 + 2 * U);
/** Relative slack applied to every computed bound (covers the roundings of the bound itself). */
const SLACK = 1 + 2 ** -48;
/** Veltkamp splitter 2^27 + 1. */
const SPLITTER = 134217729;
/** Safe magnitude range of non-zero factors of a split product (see the module doc, point 2). */
export const SAFE_MIN = 2 ** -480;
export const SAFE_MAX = 2 ** 480;
/** Relative error allowed for Math.exp: k steps of at most 2^-52·|E| each (normal range). */
const EXP_REL = ULP_ALLOWANCE.exp * 2 ** -52;
const EXP_ABS = ULP_ALLOWANCE.exp * ETA;

// ---------------------------------------------------------------------------
// Outward rounding and error-free transformations
// ---------------------------------------------------------------------------

/** A double `≥ nextUp(x)` (equal to it except near powers of two), for finite `x`; `+∞` on overflow. */
export function succ(x: number): number {
  return x + (PHI * Math.abs(x) + ETA);
}

/** A double `≤ nextDown(x)`, for finite `x`; `−∞` on overflow. */
export function pred(x: number): number {
  return x - (PHI * Math.abs(x) + ETA);
}

/** Knuth's TwoSum: `[s, e]` with `s = RN(a + b)` and `a + b = s + e` exactly (no overflow). */
export function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const z = s - a;
  return [s, (a - (s - z)) + (b - z)];
}

/** Veltkamp's split: `[hi, lo]`, `a = hi + lo` exactly, each half with ≤ 26 significant bits (`|a| ≤ 2^995`). */
export function split(a: number): [number, number] {
  const c = SPLITTER * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}

/** Dekker's TwoProduct: `[p, e]` with `p = RN(a·b)` and `a·b = p + e` exactly for factors in the safe range. */
export function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  let c = SPLITTER * a;
  const ah = c - (c - a), al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b), bl = b - bh;
  return [p, (((ah * bh - p) + ah * bl) + al * bh) + al * bl];
}

/** Whether every value is a float32 value (so that products of two such values are exact in binary64). */
export function isFloat32Valued(xs: ArrayLike<number>): boolean {
  for (let i = 0; i < xs.length; i++) if (Math.fround(xs[i]!) !== xs[i]) return false;
  return true;
}

/** Whether every value is 0 or has magnitude in `[2^-480, 2^480]` (split products are then exact). */
export function inSafeRange(xs: ArrayLike<number>): boolean {
  for (let i = 0; i < xs.length; i++) {
    const a = Math.abs(xs[i]!);
    if (a !== 0 && !(a >= SAFE_MIN && a <= SAFE_MAX)) return false;
  }
  return true;
}

/** Splits `src` into `hi`, `lo` (same length) by Veltkamp's method. */
export function splitInto(src: ArrayLike<number>, hi: Float64Array, lo: Float64Array): void {
  for (let i = 0; i < src.length; i++) {
    const a = src[i]!;
    const c = SPLITTER * a;
    const h = c - (c - a);
    hi[i] = h;
    lo[i] = a - h;
  }
}

/**
 * The coefficient `3n(n+1)u²` of `Ĥ` in the compensated bound (module doc, point 3), for
 * `n ≤ 2^40` (exact: an integer times a power of two).
 */
export function compensatedCoefficient(n: number): number {
  if (!(n <= 2 ** 40)) throw new RangeError(`compensatedCoefficient: n = ${n} > 2^40`);
  return 3 * n * (n + 1) * U * U;
}

/**
 * Rigorous radius of a compensated result `res` with computed absolute sum `hAbs` over `n` terms
 * plus an extra rigorous radius `extra ≥ 0` that is added: an upper bound of
 * `u|res| + 3n(n+1)u²·hAbs + extra`.
 */
export function radius(res: number, hAbs: number, n: number, extra = 0): number {
  return (U * Math.abs(res) + compensatedCoefficient(n) * hAbs + extra) * SLACK + 2 * ETA;
}

// ---------------------------------------------------------------------------
// Compensated kernels (results in module scratch: RES, HABS)
// ---------------------------------------------------------------------------

let RES = 0;
let HABS = 0;

/**
 * Sum2 of the exact products `a[ao + i]·b[bo + i]`, `i < n` (both float32-valued, or any values whose
 * products are exact). Sets RES (the compensated result) and HABS (Σ|a_i b_i|, computed).
 */
function dotExactProducts(a: Float64Array, ao: number, b: Float64Array, bo: number, n: number): void {
  let s = 0, c = 0, h = 0;
  for (let i = 0; i < n; i++) {
    const p = a[ao + i]! * b[bo + i]!;
    const t = s + p;
    const z = t - s;
    c += (s - (t - z)) + (p - z);
    s = t;
    h += Math.abs(p);
  }
  RES = s + c;
  HABS = h;
}

/**
 * Dot2 with pre-split factors: `a = ah + al`, `b = bh + bl` (Veltkamp), all factors in the safe range.
 * Sets RES and HABS (Σ|RN(a_i b_i)|).
 */
function dotSplit(
  a: Float64Array, ah: Float64Array, al: Float64Array, ao: number,
  b: Float64Array, bh: Float64Array, bl: Float64Array, bo: number, n: number,
): void {
  let s = 0, c = 0, h = 0;
  for (let i = 0; i < n; i++) {
    const ia = ao + i, ib = bo + i;
    const x = a[ia]!, y = b[ib]!;
    const xh = ah[ia]!, xl = al[ia]!, yh = bh[ib]!, yl = bl[ib]!;
    const p = x * y;
    const r = (((xh * yh - p) + xh * yl) + xl * yh) + xl * yl;
    const t = s + p;
    const z = t - s;
    c += ((s - (t - z)) + (p - z)) + r;
    s = t;
    h += Math.abs(p);
  }
  RES = s + c;
  HABS = h;
}

/**
 * Dot2 where `a` is pre-split and every `b` has at most 26 significant bits (e.g. float32 values):
 * Dekker's product with `b = b + 0`. Sets RES and HABS.
 */
function dotSplitShort(a: Float64Array, ah: Float64Array, al: Float64Array, ao: number, b: Float64Array, bo: number, n: number): void {
  let s = 0, c = 0, h = 0;
  for (let i = 0; i < n; i++) {
    const ia = ao + i;
    const y = b[bo + i]!;
    const p = a[ia]! * y;
    const r = (ah[ia]! * y - p) + al[ia]! * y;
    const t = s + p;
    const z = t - s;
    c += ((s - (t - z)) + (p - z)) + r;
    s = t;
    h += Math.abs(p);
  }
  RES = s + c;
  HABS = h;
}

/** A row-major matrix prepared for compensated dot products of its rows. */
export interface PreparedRows {
  rows: number;
  cols: number;
  data: Float64Array;
  /** Veltkamp halves (only when not every value is float32). */
  hi: Float64Array | null;
  lo: Float64Array | null;
  float32: boolean;
}

/**
 * Copies `m` (rows × cols, ragged rows rejected) into a typed array and splits it when needed.
 * Returns null when some value is not finite or, for non-float32 data, outside the safe range.
 */
export function prepareRows(m: readonly (readonly number[])[], cols: number, forceSplit = false): PreparedRows | null {
  const rows = m.length;
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const row = m[r]!;
    if (row.length !== cols) return null;
    data.set(row, r * cols);
  }
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i]!)) return null;
  const float32 = isFloat32Valued(data);
  if (float32 && !forceSplit) return { rows, cols, data, hi: null, lo: null, float32 };
  if (!inSafeRange(data)) return null;
  const hi = new Float64Array(data.length), lo = new Float64Array(data.length);
  splitInto(data, hi, lo);
  return { rows, cols, data, hi, lo, float32 };
}

/** Transposes a row-major matrix into a new PreparedRows (columns become rows). */
export function prepareColumns(m: readonly (readonly number[])[], cols: number, forceSplit = false): PreparedRows | null {
  const rows = m.length;
  const t: number[][] = Array.from({ length: cols }, () => new Array<number>(rows));
  for (let r = 0; r < rows; r++) {
    const row = m[r]!;
    if (row.length !== cols) return null;
    for (let c = 0; c < cols; c++) t[c]![r] = row[c]!;
  }
  return prepareRows(t, rows, forceSplit);
}

/**
 * Compensated dot product of row `i` of `a` with row `j` of `b` (same length `n ≤ cols`, first `n`
 * entries): writes a rigorous enclosure into `out[k]` (lower), `out[k + 1]` (upper). Requires both
 * float32-valued or both split (`prepareRows` output); returns false on a non-finite result.
 */
export function dotRowsInto(a: PreparedRows, i: number, b: PreparedRows, j: number, n: number, out: Float64Array, k: number): boolean {
  if (a.hi === null || a.lo === null || b.hi === null || b.lo === null) {
    if (!(a.float32 && b.float32)) throw new RangeError('dotRowsInto: mix of split and unsplit rows (prepare both with forceSplit)');
    dotExactProducts(a.data, i * a.cols, b.data, j * b.cols, n);
  } else dotSplit(a.data, a.hi, a.lo, i * a.cols, b.data, b.hi, b.lo, j * b.cols, n);
  const res = RES, rad = radius(res, HABS, n);
  const lo = pred(res - rad), hi = succ(res + rad);
  if (!(lo - lo === 0 && hi - hi === 0)) return false;
  out[k] = lo;
  out[k + 1] = hi;
  return true;
}

/**
 * Output kernel of a mid-radius row times a matrix row: `Σ_i x_i b_i` with `x_i ∈ [pm_i − pr_i, pm_i + pr_i]`
 * (`pm = ph + pl` split, every non-zero `pm_i` in the safe range) and `b` row `j` of `B` (the first `n`
 * entries): Dot2 of `pm·b` plus the rigorous radius `Σ pr_i |b_i|` (summed in the same loop; its
 * rounding is covered by the factor `1 + 2(n+1)u` and `nη` for underflow). Writes the enclosure into
 * `outLo[k]`, `outHi[k]`; false on a non-finite result.
 */
export function dotMidRadInto(pm: Float64Array, ph: Float64Array, pl: Float64Array, pr: Float64Array, n: number, B: PreparedRows, j: number, outLo: Float64Array, outHi: Float64Array, k: number): boolean {
  const b = B.data, bo = j * B.cols;
  let s = 0, c = 0, h = 0, x = 0;
  if (B.hi === null || B.lo === null) {
    // every b has ≤ 24 significant bits (float32): Dekker's product with b = b + 0
    for (let i = 0; i < n; i++) {
      const y = b[bo + i]!;
      const p = pm[i]! * y;
      const r = (ph[i]! * y - p) + pl[i]! * y;
      const t = s + p;
      const z = t - s;
      c += ((s - (t - z)) + (p - z)) + r;
      s = t;
      h += Math.abs(p);
      x += pr[i]! * Math.abs(y);
    }
  } else {
    const bh = B.hi, bl = B.lo;
    for (let i = 0; i < n; i++) {
      const ib = bo + i;
      const y = b[ib]!, yh = bh[ib]!, yl = bl[ib]!, xh = ph[i]!, xl = pl[i]!;
      const p = pm[i]! * y;
      const r = (((xh * yh - p) + xh * yl) + xl * yh) + xl * yl;
      const t = s + p;
      const z = t - s;
      c += ((s - (t - z)) + (p - z)) + r;
      s = t;
      h += Math.abs(p);
      x += pr[i]! * Math.abs(y);
    }
  }
  const res = s + c;
  const rad = radius(res, h, n, x * (1 + 2 * (n + 1) * U) + n * ETA);
  const lo = pred(res - rad), hi = succ(res + rad);
  if (!(lo - lo === 0 && hi - hi === 0)) return false;
  outLo[k] = lo;
  outHi[k] = hi;
  return true;
}

/**
 * Mid-radius form of intervals `[lo_i, hi_i]` ⊂ [0, ∞) for {@link dotMidRadInto}: `pm_i` a double in
 * `[lo_i, hi_i]`, `pr_i ≥ max(hi_i − pm_i, pm_i − lo_i)`, split `pm = ph + pl`; a midpoint below the
 * safe range is replaced by 0 with radius `hi_i` (the interval `[−hi_i, hi_i]` still contains it).
 */
export function midRadSplit(lo: Float64Array, hi: Float64Array, n: number, pm: Float64Array, ph: Float64Array, pl: Float64Array, pr: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const l = lo[i]!, u = hi[i]!;
    let m = 0.5 * l + 0.5 * u;
    if (m < l) m = l;
    if (m > u) m = u;
    let r = succ(Math.max(u - m, m - l));
    if (m < SAFE_MIN) {
      m = 0;
      r = u;
    }
    const c = SPLITTER * m;
    const mh = c - (c - m);
    pm[i] = m;
    ph[i] = mh;
    pl[i] = m - mh;
    pr[i] = r;
  }
}

/**
 * Rigorous enclosure `[lo, hi]` of `Σ a_i b_i` (Dot2 with an a-posteriori bound), or null when a
 * value is not finite or, for non-float32 data, outside the safe range.
 */
export function dotEnclose(a: ArrayLike<number>, b: ArrayLike<number>): [number, number] | null {
  const n = a.length;
  if (b.length !== n) throw new RangeError('dotEnclose: length mismatch');
  const A = prepareRows([Array.from(a)], n), B = prepareRows([Array.from(b)], n);
  if (A === null || B === null) return null;
  const out = new Float64Array(2);
  if (A.float32 !== B.float32) {
    const A2 = prepareRows([Array.from(a)], n, true), B2 = prepareRows([Array.from(b)], n, true);
    if (A2 === null || B2 === null) return null;
    return dotRowsInto(A2, 0, B2, 0, n, out, 0) ? [out[0]!, out[1]!] : null;
  }
  return dotRowsInto(A, 0, B, 0, n, out, 0) ? [out[0]!, out[1]!] : null;
}

/**
 * Rigorous enclosure of `Σ x_i` (Sum2 with an a-posteriori bound), or null for non-finite data or
 * an overflowing result.
 */
export function sumEnclose(x: ArrayLike<number>): [number, number] | null {
  let s = 0, c = 0, h = 0;
  for (let i = 0; i < x.length; i++) {
    const p = x[i]!;
    const t = s + p;
    const z = t - s;
    c += (s - (t - z)) + (p - z);
    s = t;
    h += Math.abs(p);
  }
  const res = s + c;
  const rad = radius(res, h, x.length);
  const lo = pred(res - rad), hi = succ(res + rad);
  return lo - lo === 0 && hi - hi === 0 ? [lo, hi] : null;
}

// ---------------------------------------------------------------------------
// exp and softmax in mid-radius form
// ---------------------------------------------------------------------------

/**
 * Batch exp in mid-radius form: for each `i`, `e^{x_i + δ}` with `|δ| ≤ rad[i]` (rad may be null: 0)
 * lies in `[mid[i] − r[i], mid[i] + r[i]]` (rigorous upper bound `r[i]`). Returns false if some
 * `x_i` is not finite or some radius exceeds 1/2.
 */
export function expMidRad(x: ArrayLike<number>, rad: ArrayLike<number> | null, mid: Float64Array, r: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) {
    const rho = rad === null ? 0 : rad[i]!;
    if (!(rho <= 0.5) || !(x[i]! - x[i]! === 0)) return false;
    const E = Math.exp(x[i]!);
    if (!(E - E === 0)) return false;
    mid[i] = E;
    r[i] = expRadius(E, rho);
  }
  return true;
}

/** Upper bound of `|e^{d+δ} − E|` for `E = Math.exp(d)`, `|δ| ≤ rho ≤ 1/2` (module doc, point 4). */
function expRadius(E: number, rho: number): number {
  const b = rho + rho * rho;
  return (E * EXP_REL + EXP_ABS + (E * (1 + EXP_REL) + EXP_ABS) * b) * SLACK + 2 * ETA;
}

/**
 * Rigorous softmax of a vector given in mid-radius form (`x_i ∈ [mid_i − rad_i, mid_i + rad_i]`, rad
 * may be null for exact inputs), over the first `n` entries: writes `[lo, hi] ⊂ [0, 1]` of each
 * probability into `lo`, `hi`. Shift by the largest midpoint `m` (any real shift cancels): with
 * `(d_i, err_i) = TwoSum(mid_i, −m)`, `e_i = e^{d_i + err_i + δ_i}` is enclosed by {@link expMidRad}
 * with radius `|err_i| + rad_i`; the sum `Σ e_i` by Sum2 of the midpoints plus the summed radii; then
 * `p_i ∈ [e̲_i / S̄, ē_i / S̲]` with directed rounding by {@link pred}/{@link succ}.
 * Returns false (nothing usable written) on non-finite data or radii beyond 1/2.
 */
export function softmaxInto(mid: ArrayLike<number>, rad: ArrayLike<number> | null, n: number, lo: Float64Array, hi: Float64Array, scratch?: { em: Float64Array; er: Float64Array }): boolean {
  if (n === 0) return true;
  let m = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = mid[i]!;
    if (!(v - v === 0) || !(Math.abs(v) <= 2 ** 1000)) return false;
    if (v > m) m = v;
  }
  const em = scratch && scratch.em.length >= n ? scratch.em : new Float64Array(n);
  const er = scratch && scratch.er.length >= n ? scratch.er : new Float64Array(n);
  // exps and their compensated sum
  let s = 0, c = 0, h = 0, rs = 0;
  for (let i = 0; i < n; i++) {
    const a = mid[i]!;
    const d = a - m;
    const z = d - a;
    const err = (a - (d - z)) + (-m - z);
    const ri = rad === null ? 0 : rad[i]!;
    if (!(ri <= 0.5)) return false;
    let E = 0, r = ETA;
    if (d >= -800) {
      const rho = succ(Math.abs(err) + ri);
      if (!(rho <= 0.5)) return false;
      E = Math.exp(d); // d ≤ 0: E ∈ [0, 1]
      r = expRadius(E, rho);
    } // else the argument is ≤ d(1 − u) + 1/2 < −799: 0 < e_i < 2^-1074 = η

    em[i] = E;
    er[i] = r;
    const t = s + E;
    const zz = t - s;
    c += (s - (t - zz)) + (E - zz);
    s = t;
    h += E;
    rs += r;
  }
  const S = s + c;
  // Σ of the n radii (non-negative, recursive sum): true ≤ computed·(1 + 2nu) for nu ≤ 1/100
  const SR = radius(S, h, n, rs * (1 + 2 * n * U));
  const sHi = succ(S + SR), sLo = pred(S - SR);
  if (!(sLo > 0) || !(sHi - sHi === 0)) return false;
  for (let i = 0; i < n; i++) {
    const E = em[i]!, r = er[i]!;
    const nl = pred(E - r);
    let l = nl > 0 ? pred(nl / sHi) : 0;
    if (!(l > 0)) l = 0;
    let u = succ(succ(E + r) / sLo);
    if (!(u < 1)) u = 1;
    lo[i] = l;
    hi[i] = u;
  }
  return true;
}

/**
 * Enclosure of `√d` for an integer `d ≥ 1`: `[r, r]` when `RN(√d)² = d`, else one step outward.
 */
export function sqrtIntEnclose(d: number): [number, number] {
  const r = Math.sqrt(d);
  if (r * r === d && Number.isInteger(r)) return [r, r];
  return [pred(r), succ(r)];
}
