/**
 * FAST tier of lemmata's rigorous numerics: interval arithmetic on IEEE-754
 * binary64 ("double") endpoints.
 *
 * An {@link Interval} `[lo, hi]` is a *claim*: the true real value of the
 * quantity it stands for lies in `{ t ∈ ℝ : lo ≤ t ≤ hi }`. Every function in
 * this module maps enclosures to enclosures, i.e. if each argument interval
 * contains its true value, the result contains the true value of the
 * function. Endpoints may be `±Infinity` (meaning "unbounded on that side");
 * `NaN` endpoints are never produced and rejected by the constructor.
 *
 * ## Rigour argument
 *
 * 1. **Basic operations** `+ − × ÷ √` are correctly rounded in IEEE 754
 *    (round-to-nearest-even in JavaScript). Hence for the exact real result
 *    `v` and the computed `r = RN(v)` we always have
 *    `nextDown(r) ≤ v ≤ nextUp(r)` — including subnormal results
 *    (the gap between adjacent doubles bounds the error) and overflow
 *    (`RN(v) = ∞` only if `v > MAX`, and `nextDown(∞) = MAX`). The directed
 *    helpers {@link addDown}, {@link mulUp}, … additionally recover the
 *    *sign* of the rounding error exactly (TwoSum for `±`, Dekker's
 *    TwoProduct for `×`, `÷`, `√` — the remainder `a − q·b` resp. `a − r²`
 *    is exactly representable, and Sterbenz' lemma makes `a − RN(q·b)`
 *    exact) whenever no over/underflow can disturb those error-free
 *    transformations, so that exact results are *not* widened:
 *    `point(2) × point(3)` is exactly `[6, 6]`. When the exactness test is
 *    not applicable they fall back to the one-step widening above.
 *
 * 2. **Elementary functions** `exp, expm1, log, sin, cos, tanh` are computed
 *    with V8's `Math.*`, which is *not* guaranteed correctly rounded. V8
 *    implements them with ports of fdlibm (`src/base/ieee754.cc`), whose
 *    documented error is below 1 ulp (exp, log, sin, cos, expm1; sin/cos
 *    with exact Payne–Hanek argument reduction for all arguments). We
 *    **assume** `|Math.f(x) − f(x)| ≤ ULP_ALLOWANCE.f` *steps* (adjacent
 *    doubles) around the computed value, and widen by that many steps; see
 *    {@link ULP_ALLOWANCE}. The assumption is empirical; the test suite
 *    validates it against the BigInt precise tier (`precise.ts`) on many
 *    seeded inputs over the whole range.
 *
 * 3. **Monotonicity**: `exp, expm1, log, sqrt, tanh, erf, sigmoid` are
 *    increasing, so `f([a, b]) ⊆ [lower(f(a)), upper(f(b))]`. `sin`/`cos`
 *    use the sign of the derivative at the endpoints to detect interior
 *    extrema (see {@link sin}).
 *
 * 4. **erf** has no `Math` counterpart; it is computed by a positive series
 *    evaluated entirely in this module's outward-rounded arithmetic plus an
 *    explicit truncation bound (see {@link erf}), so its rigour rests only on
 *    (1) and on the `exp` allowance.
 *
 * ## Conventions
 *
 * - `div` by an interval that contains 0 throws `RangeError` (no
 *   `[−∞, ∞]` results are silently produced).
 * - `log`/`sqrt` of an interval that meets the negative axis enclose the
 *   function over the part of the interval inside the domain
 *   (`[a,b] ∩ (0, ∞)` resp. `[0, ∞)`); if that part is empty they throw
 *   `RangeError`.
 * - In products, an endpoint product `0 · ±∞` is taken as `0` (the elements
 *   of an interval are reals; an infinite endpoint only says "unbounded").
 * - Hot paths ({@link expEnclosureInto}, {@link expLower}, …) take and
 *   return plain numbers and allocate nothing.
 *
 * @module
 */

// ---------------------------------------------------------------------------
// Bit-level stepping (private nextUp / nextDown, k steps at once)
// ---------------------------------------------------------------------------

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const W_LO = LITTLE_ENDIAN ? 0 : 1;
const W_HI = LITTLE_ENDIAN ? 1 : 0;
const TWO32 = 4294967296;
/** Smallest positive subnormal, 2^-1074. */
const MIN_SUB = 5e-324;
const MAX = Number.MAX_VALUE;

/**
 * The double `k` representable steps above `x` (`k ≥ 1` integer, `k < 2^31`).
 * `stepUp(x, 1)` is IEEE `nextUp`: `±0 → 2^-1074`, `MAX → +∞`, `+∞ → +∞`,
 * `−∞ → −MAX`; `NaN → NaN`.
 */
export function stepUp(x: number, k: number): number {
  if (x > 0) {
    if (x === Infinity) return x;
    F64[0] = x;
    let lo = U32[W_LO]! + k;
    let hi = U32[W_HI]!;
    if (lo >= TWO32) {
      lo -= TWO32;
      hi += 1;
    }
    if (hi >= 0x7ff00000) return Infinity;
    U32[W_LO] = lo;
    U32[W_HI] = hi;
    return F64[0]!;
  }
  if (x < 0) {
    if (x === -Infinity) {
      return k === 1 ? -MAX : stepUp(-MAX, k - 1);
    }
    // Step the magnitude |x| down by k.
    F64[0] = -x;
    let lo = U32[W_LO]!;
    let hi = U32[W_HI]!;
    if (hi === 0 && lo <= k) {
      // Crosses (or reaches) zero: remaining steps go into positive subnormals.
      return (k - lo) * MIN_SUB;
    }
    lo -= k;
    if (lo < 0) {
      lo += TWO32;
      hi -= 1;
    }
    U32[W_LO] = lo;
    U32[W_HI] = hi;
    return -F64[0]!;
  }
  if (x === 0) return k * MIN_SUB;
  return x; // NaN
}

/** The double `k` representable steps below `x`; mirror image of {@link stepUp}. */
export function stepDown(x: number, k: number): number {
  return -stepUp(-x, k);
}

// ---------------------------------------------------------------------------
// Error-free transformations and directed rounding of + − × ÷ √
// ---------------------------------------------------------------------------

/** 2^995: beyond this Veltkamp splitting (× (2^27+1)) may overflow. */
const SPLIT_MAX = 2 ** 995;
/** 2^-960: above this Dekker's TwoProduct error term cannot underflow. */
const PROD_MIN = 2 ** -960;
const SPLITTER = 134217729; // 2^27 + 1

/**
 * Exact sign of `a·b − p` for `p = RN(a·b)`, or `NaN` when the error-free
 * transformation is not guaranteed exact (over/underflow ranges).
 * Dekker's TwoProduct: `a·b = p + e` exactly when no overflow occurs in the
 * splitting and `e_a + e_b ≥ e_min + 52` (ensured by `|p| ≥ 2^-960`).
 */
function prodErrSign(a: number, b: number, p: number): number {
  const ap = a < 0 ? -a : a;
  const bp = b < 0 ? -b : b;
  const pp = p < 0 ? -p : p;
  if (!(ap < SPLIT_MAX && bp < SPLIT_MAX && pp >= PROD_MIN)) return NaN;
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  return e > 0 ? 1 : e < 0 ? -1 : 0;
}

/**
 * Exact sign of `a·b − p` where the product is known to be `a·b = p + e`
 * exactly; returns the pair `(p, e)` through module scratch to avoid
 * allocation. Used for division and square-root residuals.
 */
let TP_E = 0;
function twoProdErr(a: number, b: number, p: number): boolean {
  const ap = a < 0 ? -a : a;
  const bp = b < 0 ? -b : b;
  const pp = p < 0 ? -p : p;
  if (!(ap < SPLIT_MAX && bp < SPLIT_MAX && pp >= PROD_MIN && pp < SPLIT_MAX)) return false;
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  TP_E = ah * bh - p + ah * bl + al * bh + al * bl;
  return true;
}

/** Largest double `≤ a + b` (exact when the sum is representable). */
export function addDown(a: number, b: number): number {
  const s = a + b;
  if (s - s === 0) {
    // TwoSum (Knuth): err = (a + b) − s exactly, barring intermediate overflow (→ NaN).
    const bb = s - a;
    const err = a - (s - bb) + (b - bb);
    if (err >= 0) return s;
    return stepDown(s, 1);
  }
  if (s === Infinity) return a === Infinity || b === Infinity ? Infinity : MAX;
  return -Infinity; // −∞ or NaN (∞ − ∞)
}

/** Smallest double `≥ a + b`. */
export function addUp(a: number, b: number): number {
  return -addDown(-a, -b);
}

/** Largest double `≤ a − b`. */
export function subDown(a: number, b: number): number {
  return addDown(a, -b);
}

/** Smallest double `≥ a − b`. */
export function subUp(a: number, b: number): number {
  return -addDown(-a, b);
}

/** Exponent of the last {@link unitMant} call. */
let UE = 0;
/**
 * `m` with `x = m · 2^UE`, `1 ≤ |m| < 2` (finite nonzero `x`), by exact bit
 * manipulation (subnormals are first scaled by the exact factor 2^54).
 */
function unitMant(x: number): number {
  let off = 0;
  F64[0] = x;
  let hi = U32[W_HI]!;
  if ((hi & 0x7ff00000) === 0) {
    F64[0] = x * 18014398509481984; // 2^54, exact
    hi = U32[W_HI]!;
    off = -54;
  }
  UE = ((hi >>> 20) & 0x7ff) - 1023 + off;
  U32[W_HI] = (hi & 0x800fffff) | 0x3ff00000;
  return F64[0]!;
}
/** 2^-1021: above this, RN commutes with scaling by powers of two into [1/2, 4). */
const NORMAL_SAFE = 2 ** -1021;

/**
 * Exact sign of `a·b − p` for `p = RN(a·b)` finite nonzero, or `NaN` if it
 * cannot be certified (`p` subnormal / near the underflow threshold). Out of
 * Dekker's safe range the operands are first scaled to `[1, 2)` (exact), which
 * is valid because `p` is normal and RN commutes with power-of-two scaling.
 */
function mulErrSign(a: number, b: number, p: number): number {
  const s = prodErrSign(a, b, p);
  if (s === s) return s;
  if (!((p < 0 ? -p : p) >= NORMAL_SAFE)) return NaN;
  const ma = unitMant(a);
  const ea = UE;
  const mb = unitMant(b);
  const eb = UE;
  // p·2^{−(ea+eb)} ∈ [1, 4] is exact (|ea+eb| ≤ 1023 because p is normal and finite)
  return prodErrSign(ma, mb, p * 2 ** -(ea + eb));
}

/** Exact sign of `a/b − q` for `q = RN(a/b)` finite nonzero (finite `a, b`), or `NaN`. */
function divErrSign(a: number, b: number, q: number): number {
  let p = q * b;
  if (!twoProdErr(q, b, p)) {
    if (!((q < 0 ? -q : q) >= NORMAL_SAFE)) return NaN;
    a = unitMant(a);
    const ea = UE;
    b = unitMant(b);
    const eb = UE;
    q = q * 2 ** (eb - ea); // ∈ [1/2, 2], exact (power-of-two scaling of a normal number)
    p = q * b;
    if (!twoProdErr(q, b, p)) return NaN;
  }
  const r = a - p; // exact (Sterbenz)
  // a/b − q = (a − q·b)/b = ((a − p) − e)/b
  return (r > TP_E ? 1 : r < TP_E ? -1 : 0) * (b > 0 ? 1 : -1);
}

/** Exact sign of `√a − r` for `r = RN(√a)`, `a > 0` finite, or `NaN`. */
function sqrtErrSign(a: number, r: number): number {
  let p = r * r;
  if (!twoProdErr(r, r, p)) {
    a = unitMant(a);
    let ea = UE;
    if (ea % 2 !== 0) {
      a *= 2;
      ea -= 1;
    }
    r = r * 2 ** (-ea / 2); // RN(√m) with m = a·2^{−ea} ∈ [1, 4): exact scaling
    p = r * r;
    if (!twoProdErr(r, r, p)) return NaN;
  }
  const d = a - p; // exact (Sterbenz)
  return d > TP_E ? 1 : d < TP_E ? -1 : 0;
}

/** Largest double `≤ a · b` (with `0 · ±∞ := 0`). */
export function mulDown(a: number, b: number): number {
  const p = a * b;
  if (p - p === 0) {
    if (p === 0) {
      if (a === 0 || b === 0) return 0;
      return (a > 0) === (b > 0) ? 0 : -MIN_SUB; // underflow to ±0
    }
    if (mulErrSign(a, b, p) >= 0) return p;
    return stepDown(p, 1);
  }
  if (p !== p) return 0; // 0 · ∞
  if (p === Infinity) return a - a === 0 && b - b === 0 ? MAX : Infinity;
  return -Infinity;
}

/** Smallest double `≥ a · b` (with `0 · ±∞ := 0`). */
export function mulUp(a: number, b: number): number {
  return -mulDown(-a, b);
}

/**
 * Largest double `≤ a / b` (`b ≠ 0`; `±∞/±∞` gives `−∞`, a valid but
 * useless bound). The residual `a − q·b` is exact: with `q·b = p + e`
 * (TwoProduct) and `a − p` exact by Sterbenz, its sign is `sign((a−p) − e)`.
 */
export function divDown(a: number, b: number): number {
  const q = a / b;
  if (q - q === 0) {
    if (q === 0) {
      if (a === 0) return 0;
      return (a > 0) === (b > 0) ? 0 : -MIN_SUB;
    }
    if (a - a === 0 && b - b === 0 && divErrSign(a, b, q) >= 0) return q;
    return stepDown(q, 1);
  }
  if (q === Infinity) return a - a === 0 && b - b === 0 ? MAX : Infinity;
  return -Infinity;
}

/** Smallest double `≥ a / b`. */
export function divUp(a: number, b: number): number {
  return -divDown(-a, b);
}

/** Largest double `≤ √a` (`a ≥ 0`). Exact results are detected via the residual `a − r²`. */
export function sqrtDown(a: number): number {
  const r = Math.sqrt(a);
  if (r === 0 || r === Infinity || r !== r) return r;
  if (sqrtErrSign(a, r) >= 0) return r;
  return stepDown(r, 1);
}

/** Smallest double `≥ √a` (`a ≥ 0`). */
export function sqrtUp(a: number): number {
  const r = Math.sqrt(a);
  if (r === 0 || r === Infinity || r !== r) return r;
  if (sqrtErrSign(a, r) <= 0) return r;
  return stepUp(r, 1);
}

// ---------------------------------------------------------------------------
// Interval type and basic arithmetic
// ---------------------------------------------------------------------------

/** A closed interval `[lo, hi]` of reals with double endpoints, `lo ≤ hi`, no NaN. */
export class Interval {
  readonly lo: number;
  readonly hi: number;
  /** @throws RangeError unless `lo ≤ hi` (NaN rejected). */
  constructor(lo: number, hi: number) {
    if (!(lo <= hi)) throw new RangeError(`Interval: need lo <= hi, got [${lo}, ${hi}]`);
    this.lo = lo;
    this.hi = hi;
  }
  toString(): string {
    return `[${this.lo}, ${this.hi}]`;
  }
}

/** `[lo, hi]`; throws `RangeError` unless `lo ≤ hi`. */
export function iv(lo: number, hi: number): Interval {
  return new Interval(lo, hi);
}

/** The degenerate interval `[x, x]` of an exact double `x` (not NaN). */
export function point(x: number): Interval {
  return new Interval(x, x);
}

/** Interval sum, outward rounded. */
export function add(a: Interval, b: Interval): Interval {
  return new Interval(addDown(a.lo, b.lo), addUp(a.hi, b.hi));
}

/** Interval difference, outward rounded. */
export function sub(a: Interval, b: Interval): Interval {
  return new Interval(subDown(a.lo, b.hi), subUp(a.hi, b.lo));
}

/** Negation (exact). */
export function neg(a: Interval): Interval {
  return new Interval(-a.hi, -a.lo);
}

/** Interval product, outward rounded (`0 · ∞ := 0`). */
export function mul(a: Interval, b: Interval): Interval {
  const { lo: al, hi: ah } = a;
  const { lo: bl, hi: bh } = b;
  if (al >= 0 && bl >= 0) return new Interval(mulDown(al, bl), mulUp(ah, bh));
  if (ah <= 0 && bh <= 0) return new Interval(mulDown(ah, bh), mulUp(al, bl));
  const lo = Math.min(mulDown(al, bl), mulDown(al, bh), mulDown(ah, bl), mulDown(ah, bh));
  const hi = Math.max(mulUp(al, bl), mulUp(al, bh), mulUp(ah, bl), mulUp(ah, bh));
  return new Interval(lo, hi);
}

/**
 * Interval quotient, outward rounded.
 * @throws RangeError if `b` contains 0 (including an endpoint equal to ±0).
 */
export function div(a: Interval, b: Interval): Interval {
  const { lo: bl, hi: bh } = b;
  if (bl <= 0 && bh >= 0) throw new RangeError(`div: divisor ${b} contains 0`);
  const { lo: al, hi: ah } = a;
  const lo = Math.min(divDown(al, bl), divDown(al, bh), divDown(ah, bl), divDown(ah, bh));
  const hi = Math.max(divUp(al, bl), divUp(al, bh), divUp(ah, bl), divUp(ah, bh));
  return new Interval(lo, hi);
}

/** `{x² : x ∈ a}` (tighter than `mul(a, a)` when `a` straddles 0). */
export function sqr(a: Interval): Interval {
  const { lo, hi } = a;
  if (lo >= 0) return new Interval(mulDown(lo, lo), mulUp(hi, hi));
  if (hi <= 0) return new Interval(mulDown(hi, hi), mulUp(lo, lo));
  const m = -lo > hi ? -lo : hi;
  return new Interval(0, mulUp(m, m));
}

/** `a · k` for an exact double `k`. */
export function scale(a: Interval, k: number): Interval {
  if (k >= 0) return new Interval(mulDown(a.lo, k), mulUp(a.hi, k));
  return new Interval(mulDown(a.hi, k), mulUp(a.lo, k));
}

/** Smallest interval containing both. */
export function hull(a: Interval, b: Interval): Interval {
  return new Interval(a.lo < b.lo ? a.lo : b.lo, a.hi > b.hi ? a.hi : b.hi);
}

/** `a.lo ≤ x ≤ a.hi` (exact comparison). */
export function contains(a: Interval, x: number): boolean {
  return a.lo <= x && x <= a.hi;
}

/** An upper bound on `hi − lo` (rounded up). */
export function width(a: Interval): number {
  return subUp(a.hi, a.lo);
}

/**
 * A double inside `a`, close to its midpoint (not an enclosure; intended as a
 * representative). `mid([−∞, ∞]) = 0`, `mid([x, ∞]) = max(x, MAX)`.
 */
export function mid(a: Interval): number {
  const { lo, hi } = a;
  if (lo === hi) return lo;
  if (lo === -Infinity) return hi === Infinity ? 0 : Math.min(hi, -MAX);
  if (hi === Infinity) return Math.max(lo, MAX);
  const m = lo / 2 + hi / 2; // no overflow; lo ≤ m ≤ hi up to rounding, clamped below
  return m < lo ? lo : m > hi ? hi : m;
}

/** Magnitude `max{|x| : x ∈ a}` (exact). */
export function mag(a: Interval): number {
  const l = Math.abs(a.lo);
  const h = Math.abs(a.hi);
  return l > h ? l : h;
}

/** Both endpoints finite. */
export function isFinite(a: Interval): boolean {
  return Number.isFinite(a.lo) && Number.isFinite(a.hi);
}

// ---------------------------------------------------------------------------
// Elementary functions
// ---------------------------------------------------------------------------

/**
 * Assumed maximum error of V8's `Math.*` functions, in *steps* (adjacent
 * doubles) around the computed value, i.e. the true `f(x)` is assumed to lie
 * in `[stepDown(Math.f(x), k), stepUp(Math.f(x), k)]`.
 *
 * | function | steps | rationale |
 * |----------|-------|-----------|
 * | `exp`    | 4 | fdlibm `e_exp.c`: "error is always less than 1 ulp" |
 * | `expm1`  | 4 | fdlibm `s_expm1.c`: "< 1 ulp" |
 * | `log`    | 4 | fdlibm `e_log.c`: "error < 1 ulp" (accurate near 1 too) |
 * | `sin`    | 4 | fdlibm `k_sin.c`/`e_rem_pio2.c`: < 1 ulp, exact reduction for all `x` |
 * | `cos`    | 4 | as `sin` |
 * | `tanh`   | 8 | fdlibm `s_tanh.c` composes `expm1` with a division: ≲ 2.5 ulp |
 * | `sqrt`   | 0 | IEEE correctly rounded: handled exactly by {@link sqrtDown}/{@link sqrtUp} |
 *
 * An error of `η·2^-53` *relative* is at most `η` steps, and an error of
 * `η` ulp is at most `2η` steps (only at a binade boundary, where the steps
 * below are half an ulp). So 4 steps cover ≥ 2 ulp, twice the documented
 * fdlibm bound, and 8 steps for `tanh` cover ≥ 4 ulp. The cost in width is
 * negligible (≤ 2^-49 relative). The test suite checks the assumption
 * against the precise tier (see `test/numerics/interval.test.ts`). Observed
 * on Node 20 / V8 over 40 000 seeded arguments per function (wide ranges,
 * tiny, huge, near kπ/2, near overflow): `exp, expm1, log, sin, cos` were
 * always faithfully rounded (max error 0.80 ulp); `tanh` reached 1.64 ulp,
 * i.e. at most 1 step outside the faithful bracket — 4 resp. 8 steps leave a
 * wide margin.
 */
export const ULP_ALLOWANCE = Object.freeze({
  exp: 4,
  expm1: 4,
  log: 4,
  sin: 4,
  cos: 4,
  tanh: 8,
  sqrt: 0,
} as const);

const K_EXP = ULP_ALLOWANCE.exp;
const K_EXPM1 = ULP_ALLOWANCE.expm1;
const K_LOG = ULP_ALLOWANCE.log;
const K_SIN = ULP_ALLOWANCE.sin;
const K_COS = ULP_ALLOWANCE.cos;
const K_TANH = ULP_ALLOWANCE.tanh;

/** A double `≤ e^x` (`0` for underflow, `e^{±∞}` taken as the limit). */
export function expLower(x: number): number {
  if (x === 0) return 1;
  const e = Math.exp(x);
  if (e === Infinity) return x === Infinity ? Infinity : stepDown(MAX, K_EXP - 1);
  const l = stepDown(e, K_EXP);
  return l > 0 ? l : 0;
}

/** A double `≥ e^x`. */
export function expUpper(x: number): number {
  if (x === 0) return 1;
  if (x === -Infinity) return 0;
  return stepUp(Math.exp(x), K_EXP);
}

/** `[expLower(x), expUpper(x)]` as a fresh pair. */
export function expEnclosure(x: number): [number, number] {
  return [expLower(x), expUpper(x)];
}

/**
 * Hot path: writes a rigorous enclosure of `e^x` into `out[i]` (lower) and
 * `out[i + 1]` (upper). Allocation-free.
 */
export function expEnclosureInto(x: number, out: Float64Array, i: number): void {
  if (x === 0) {
    out[i] = 1;
    out[i + 1] = 1;
    return;
  }
  const e = Math.exp(x);
  if (e - e === 0) {
    const l = stepDown(e, K_EXP);
    out[i] = l > 0 ? l : 0;
    out[i + 1] = stepUp(e, K_EXP);
  } else {
    out[i] = expLower(x);
    out[i + 1] = expUpper(x);
  }
}

/**
 * Batch hot path: for each `j`, `out[2j], out[2j+1]` enclose `e^{xs[j]}`.
 * `out.length ≥ 2·xs.length`.
 */
export function expEnclosureBatch(xs: Float64Array, out: Float64Array): void {
  const n = xs.length;
  for (let j = 0; j < n; j++) expEnclosureInto(xs[j]!, out, 2 * j);
}

/** `e^a` (monotone). */
export function exp(a: Interval): Interval {
  return new Interval(expLower(a.lo), expUpper(a.hi));
}

/** A double `≤ e^x − 1`. */
export function expm1Lower(x: number): number {
  if (x === 0) return 0;
  const e = Math.expm1(x);
  if (e === Infinity) return x === Infinity ? Infinity : stepDown(MAX, K_EXPM1 - 1);
  const l = stepDown(e, K_EXPM1);
  return l > -1 ? l : -1;
}

/** A double `≥ e^x − 1`. */
export function expm1Upper(x: number): number {
  if (x === 0) return 0;
  if (x === -Infinity) return -1;
  return stepUp(Math.expm1(x), K_EXPM1);
}

/** `e^a − 1` (monotone). */
export function expm1(a: Interval): Interval {
  return new Interval(expm1Lower(a.lo), expm1Upper(a.hi));
}

/** A double `≤ ln x` for `x > 0` (`−∞` for `x ≤ 0`). */
export function logLower(x: number): number {
  if (x === 1) return 0;
  if (!(x > 0)) return -Infinity;
  if (x === Infinity) return Infinity;
  return stepDown(Math.log(x), K_LOG);
}

/** A double `≥ ln x` for `x > 0`. */
export function logUpper(x: number): number {
  if (x === 1) return 0;
  if (x === Infinity) return Infinity;
  return stepUp(Math.log(x), K_LOG);
}

/**
 * `ln a` over `a ∩ (0, ∞)`: `[logLower(a.lo), logUpper(a.hi)]`, with lower
 * endpoint `−∞` when `a.lo ≤ 0`.
 * @throws RangeError if `a.hi ≤ 0`.
 */
export function log(a: Interval): Interval {
  if (!(a.hi > 0)) throw new RangeError(`log: interval ${a} has no positive part`);
  return new Interval(logLower(a.lo), logUpper(a.hi));
}

/**
 * `√a` over `a ∩ [0, ∞)`, using correctly rounded `Math.sqrt` with exact
 * residual tests (exact squares stay degenerate).
 * @throws RangeError if `a.hi < 0`.
 */
export function sqrt(a: Interval): Interval {
  if (!(a.hi >= 0)) throw new RangeError(`sqrt: interval ${a} has no non-negative part`);
  return new Interval(a.lo > 0 ? sqrtDown(a.lo) : 0, sqrtUp(a.hi));
}

/** A double `≤ tanh x`. */
export function tanhLower(x: number): number {
  if (x === 0) return 0;
  const l = stepDown(Math.tanh(x), K_TANH);
  return l > -1 ? l : -1;
}

/** A double `≥ tanh x`. */
export function tanhUpper(x: number): number {
  if (x === 0) return 0;
  const h = stepUp(Math.tanh(x), K_TANH);
  return h < 1 ? h : 1;
}

/** `tanh a` (monotone, clamped to `[−1, 1]`). */
export function tanh(a: Interval): Interval {
  return new Interval(tanhLower(a.lo), tanhUpper(a.hi));
}

function clamp1Lo(x: number): number {
  return x > -1 ? x : -1;
}
function clamp1Hi(x: number): number {
  return x < 1 ? x : 1;
}

/** Enclosure lower/upper of sin at a point. */
function sinLo(x: number): number {
  if (x === 0) return 0;
  return clamp1Lo(stepDown(Math.sin(x), K_SIN));
}
function sinHi(x: number): number {
  if (x === 0) return 0;
  return clamp1Hi(stepUp(Math.sin(x), K_SIN));
}
function cosLo(x: number): number {
  if (x === 0) return 1;
  return clamp1Lo(stepDown(Math.cos(x), K_COS));
}
function cosHi(x: number): number {
  if (x === 0) return 1;
  return clamp1Hi(stepUp(Math.cos(x), K_COS));
}
/** Robust sign of a quantity known to lie in [lo, hi]: +1, −1 or 0 (unknown). */
function rsign(lo: number, hi: number): number {
  return lo > 0 ? 1 : hi < 0 ? -1 : 0;
}

/** Widths above this are split in two (`< π`, see {@link sin}). */
const TRIG_PIECE = 3;

/**
 * Range of a trigonometric function `f ∈ {sin, cos}` over `[a, b]` with
 * `b − a ≤ 3 < π`, given enclosures of `f` and of its derivative `f'`
 * (`sin' = cos`, `cos' = −sin`). Critical points of `f` are spaced exactly
 * `π` apart, so `[a, b]` contains at most one; it contains one iff `f'`
 * changes sign (all zeros of `f'` are simple), and it is a maximum iff
 * `f'(a) > 0 > f'(b)`. If the sign of `f'` at an endpoint cannot be
 * certified (its enclosure contains 0), a critical point may be at/near that
 * endpoint; its value there is `±1` with the sign of `f` (certified because
 * `|f| ≈ 1` there), and we include it.
 */
function trigPiece(
  a: number,
  b: number,
  fLo: (x: number) => number,
  fHi: (x: number) => number,
  dLo: (x: number) => number,
  dHi: (x: number) => number,
): [number, number] {
  let lo = Math.min(fLo(a), fLo(b));
  let hi = Math.max(fHi(a), fHi(b));
  if (a === b) return [lo, hi];
  const sa = rsign(dLo(a), dHi(a));
  const sb = rsign(dLo(b), dHi(b));
  if (sa > 0 && sb < 0) hi = 1;
  else if (sa < 0 && sb > 0) lo = -1;
  else {
    if (sa === 0) {
      if (fLo(a) > 0) hi = 1;
      else if (fHi(a) < 0) lo = -1;
      else return [-1, 1];
    }
    if (sb === 0) {
      if (fLo(b) > 0) hi = 1;
      else if (fHi(b) < 0) lo = -1;
      else return [-1, 1];
    }
  }
  return [lo, hi];
}

function negSinLo(x: number): number {
  return -sinHi(x);
}
function negSinHi(x: number): number {
  return -sinLo(x);
}

function trig(a: Interval, which: 'sin' | 'cos'): Interval {
  const { lo, hi } = a;
  if (!(lo - lo === 0 && hi - hi === 0)) return new Interval(-1, 1);
  const fLo = which === 'sin' ? sinLo : cosLo;
  const fHi = which === 'sin' ? sinHi : cosHi;
  const dLo = which === 'sin' ? cosLo : negSinLo;
  const dHi = which === 'sin' ? cosHi : negSinHi;
  const w = subUp(hi, lo);
  if (w <= TRIG_PIECE) {
    const [l, h] = trigPiece(lo, hi, fLo, fHi, dLo, dHi);
    return new Interval(l, h);
  }
  if (w <= 2 * TRIG_PIECE) {
    // Split at a double m with both pieces of width ≤ 3.
    const m = lo / 2 + hi / 2;
    if (subUp(m, lo) <= TRIG_PIECE && subUp(hi, m) <= TRIG_PIECE) {
      const [l1, h1] = trigPiece(lo, m, fLo, fHi, dLo, dHi);
      const [l2, h2] = trigPiece(m, hi, fLo, fHi, dLo, dHi);
      return new Interval(Math.min(l1, l2), Math.max(h1, h2));
    }
  }
  return new Interval(-1, 1);
}

/**
 * `sin a`. Point endpoints use `Math.sin` ± {@link ULP_ALLOWANCE}`.sin`
 * steps. For non-degenerate intervals of width ≤ 3 (< π) interior extrema
 * are detected from the certified signs of `cos` at the endpoints (see
 * `trigPiece`); widths in (3, 6] are split into two such pieces; wider
 * intervals (or infinite endpoints) give `[−1, 1]`. π is never needed as a
 * double, so its non-representability causes no error.
 */
export function sin(a: Interval): Interval {
  return trig(a, 'sin');
}

/** `cos a`; as {@link sin} with `cos' = −sin`. */
export function cos(a: Interval): Interval {
  return trig(a, 'cos');
}

// ---------------------------------------------------------------------------
// erf
// ---------------------------------------------------------------------------

/** Round-to-nearest double of 2/√π = 1.12837916709551257389615890312154517… */
const TWO_OVER_SQRT_PI = 1.1283791670955126;
/** Rigorous double enclosure of 2/√π (the literal is within half an ulp + 1e-17 of the truth). */
const TWO_OVER_SQRT_PI_LO = stepDown(TWO_OVER_SQRT_PI, 1);
const TWO_OVER_SQRT_PI_HI = stepUp(TWO_OVER_SQRT_PI, 1);
const ERF_TINY = 2 ** -26;
const ERF_TAIL = 6;
const ONE_MINUS_U = 1 - 2 ** -53; // = stepDown(1, 1)
const TAIL_REL = 2 ** -60;

let ERF_LO = 0;
let ERF_HI = 0;

/**
 * Enclose `erf(x)` for `x > 0` into `ERF_LO, ERF_HI`.
 *
 * - `x < 2^-26`: `erf x = (2/√π)(x − x³/3 + …)` and the series is
 *   alternating with decreasing terms, so
 *   `(2/√π)·x·(1 − x²/3) ≤ erf x ≤ (2/√π)·x`; since `x²/3 < 2^-53`, the
 *   factor `1 − 2^-53` is a valid lower bound for `1 − x²/3`.
 * - `2^-26 ≤ x < 6`: the positive series (A&S 7.1.6)
 *   \[ \operatorname{erf} x = \tfrac{2}{\sqrt\pi} e^{-x^2} S(x),\quad
 *      S(x) = \sum_{n\ge0} t_n,\ t_0 = x,\ t_{n+1} = t_n \frac{2x^2}{2n+3}. \]
 *   All terms are positive, so each `t_n` and the partial sums are carried
 *   as outward-rounded intervals (directed `mulDown/divDown/addDown` for the
 *   lower chain, `…Up` for the upper chain — monotone in every argument
 *   because everything is positive). No hand error analysis is needed: the
 *   enclosure property is inherited from the directed operations; the width
 *   grows by about 3 steps per term (≈ 110 terms at `x = 6`, i.e. a
 *   relative width ≲ 1e-13). Truncation after `t_N`: for `m > N` the ratio
 *   `t_{m+1}/t_m = 2x²/(2m+3) ≤ ρ := 2x²/(2N+5)`, so the tail is
 *   `≤ t_N · ρ/(1−ρ) ≤ t_N` once `ρ ≤ 1/2`; we stop when additionally
 *   `t_N ≤ 2^-60 S` and add `t_N` (upper chain) to the upper sum.
 *   `e^{-x²}` uses {@link expLower}/{@link expUpper} on the interval `−x²`.
 * - `x ≥ 6`: `0 < erfc x ≤ e^{-x²}/(x√π) ≤ e^{-36}/(6√π) < 2.2·10^{-17} < 2^{-53}`
 *   (A&S 7.1.13), so `erf x ∈ [1 − 2^-53, 1]`.
 */
function erfPos(x: number): void {
  if (x < ERF_TINY) {
    ERF_LO = mulDown(mulDown(TWO_OVER_SQRT_PI_LO, x), ONE_MINUS_U);
    ERF_HI = mulUp(TWO_OVER_SQRT_PI_HI, x);
    return;
  }
  if (x >= ERF_TAIL) {
    ERF_LO = ONE_MINUS_U;
    ERF_HI = 1;
    return;
  }
  const qlo = mulDown(x, x);
  const qhi = mulUp(x, x);
  const q2lo = 2 * qlo; // exact doubling
  const q2hi = 2 * qhi;
  let tlo = x;
  let thi = x;
  let slo = x;
  let shi = x;
  for (let n = 0; ; n++) {
    tlo = divDown(mulDown(tlo, q2lo), 2 * n + 3);
    thi = divUp(mulUp(thi, q2hi), 2 * n + 3);
    slo = addDown(slo, tlo);
    shi = addUp(shi, thi);
    // rho (rounded up) bounds the ratio of all later consecutive terms
    const rho = divUp(q2hi, 2 * n + 5);
    if (rho <= 0.5 && thi <= slo * TAIL_REL) {
      shi = addUp(shi, thi);
      break;
    }
  }
  const elo = expLower(-qhi);
  const ehi = expUpper(-qlo);
  const lo = mulDown(mulDown(slo, elo), TWO_OVER_SQRT_PI_LO);
  const hi = mulUp(mulUp(shi, ehi), TWO_OVER_SQRT_PI_HI);
  ERF_LO = lo > 0 ? lo : 0;
  ERF_HI = hi < 1 ? hi : 1;
}

/** A double `≤ erf x`. */
export function erfLower(x: number): number {
  if (x === 0 || x !== x) return x === 0 ? 0 : x;
  if (x > 0) {
    erfPos(x);
    return ERF_LO;
  }
  if (x === -Infinity) return -1;
  erfPos(-x);
  return -ERF_HI;
}

/** A double `≥ erf x`. */
export function erfUpper(x: number): number {
  if (x === 0 || x !== x) return x === 0 ? 0 : x;
  if (x > 0) {
    if (x === Infinity) return 1;
    erfPos(x);
    return ERF_HI;
  }
  erfPos(-x);
  return -ERF_LO;
}

/**
 * `erf a` (monotone). Relative width ≲ 1e-13 (wider than `exp` because the
 * series is evaluated in outward-rounded double arithmetic); see `erfPos`
 * for the derivation.
 */
export function erf(a: Interval): Interval {
  return new Interval(erfLower(a.lo), erfUpper(a.hi));
}

// ---------------------------------------------------------------------------
// sigmoid, logSumExp, softmax
// ---------------------------------------------------------------------------

/**
 * A double `≤ σ(x) = 1/(1+e^{−x})`. For `x ≥ 0` uses `1/(1+E)` with
 * `E = e^{−x}` (decreasing in `E` ⇒ take `E`'s upper bound); for `x < 0`
 * uses `E/(1+E)` with `E = e^{x}` (increasing in `E`), which keeps relative
 * accuracy for tiny probabilities. Each formula is monotone in `E`, so no
 * dependency problem arises.
 */
export function sigmoidLower(x: number): number {
  if (x >= 0) {
    const e = expUpper(-x);
    return divDown(1, addUp(1, e));
  }
  const e = expLower(x);
  if (e === 0) return 0;
  const r = divDown(e, addUp(1, e));
  return r > 0 ? r : 0;
}

/** A double `≥ σ(x)`. */
export function sigmoidUpper(x: number): number {
  if (x >= 0) {
    const e = expLower(-x);
    const r = divUp(1, addDown(1, e));
    return r < 1 ? r : 1;
  }
  const e = expUpper(x);
  if (e === Infinity) return 1;
  const r = divUp(e, addDown(1, e));
  return r < 1 ? r : 1;
}

/** Logistic sigmoid `σ(a) = 1/(1+e^{−a})` (monotone, within `[0, 1]`). */
export function sigmoid(a: Interval): Interval {
  return new Interval(sigmoidLower(a.lo), sigmoidUpper(a.hi));
}

/**
 * `log Σ_i e^{x_i}` over the box `xs`.
 *
 * With the shift `m = max_i hi(x_i)` (an exact double):
 * `LSE = m + log Σ_i e^{x_i − m}`; the differences `x_i − m` are enclosed
 * with directed subtraction (`hi ≤ 0` up to one step, so no overflow), the
 * exponentials by {@link expLower}/{@link expUpper}, the sum by directed
 * addition and the log by {@link logLower}/{@link logUpper}. The result is
 * further intersected with the trivially valid
 * `[max_i lo(x_i), m + log n]`.
 * @throws RangeError for an empty array.
 */
export function logSumExp(xs: readonly Interval[]): Interval {
  const n = xs.length;
  if (n === 0) throw new RangeError('logSumExp: empty input');
  let m = -Infinity;
  let maxLo = -Infinity;
  for (const x of xs) {
    if (x.hi > m) m = x.hi;
    if (x.lo > maxLo) maxLo = x.lo;
  }
  if (m === Infinity) return new Interval(maxLo, Infinity);
  if (m === -Infinity) return new Interval(-Infinity, -Infinity);
  let slo = 0;
  let shi = 0;
  for (const x of xs) {
    slo = addDown(slo, expLower(subDown(x.lo, m)));
    shi = addUp(shi, expUpper(subUp(x.hi, m)));
  }
  let lo = addDown(m, logLower(slo));
  let hi = addUp(m, logUpper(shi));
  if (lo < maxLo) lo = maxLo;
  const cap = addUp(m, logUpper(n));
  if (hi > cap) hi = cap;
  return new Interval(lo, hi);
}

/** Threshold above which {@link softmax} switches from the O(n²) to the O(n) method. */
export const SOFTMAX_PAIRWISE_MAX = 64;

/**
 * Softmax over the box `xs`, O(n²), tightest variant:
 * \[ p_i = \Big(\sum_j e^{x_j - x_i}\Big)^{-1} \in
 *   \Big[\big(\textstyle\sum_j e^{\overline{x_j - x_i}}\big)^{-1},
 *        \big(\textstyle\sum_j e^{\underline{x_j - x_i}}\big)^{-1}\Big], \]
 * where the differences are enclosed by interval subtraction, and the
 * `j = i` term is exactly `e^0 = 1` (same real, no dependency loss).
 */
export function softmaxPairwise(xs: readonly Interval[]): Interval[] {
  const n = xs.length;
  const out = new Array<Interval>(n);
  for (let i = 0; i < n; i++) {
    const xi = xs[i]!;
    let slo = 1;
    let shi = 1;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const xj = xs[j]!;
      slo = addDown(slo, expLower(subDown(xj.lo, xi.hi)));
      shi = addUp(shi, expUpper(subUp(xj.hi, xi.lo)));
    }
    const lo = divDown(1, shi);
    const hi = divUp(1, slo);
    out[i] = new Interval(lo > 0 ? lo : 0, hi < 1 ? hi : 1);
  }
  return out;
}

/**
 * Softmax over the box `xs`, O(n). With a shared shift `m = max_j hi(x_j)`,
 * `e_j = e^{x_j − m}` (enclosed), and `R_i = Σ_{j≠i} e_j` (enclosed via
 * directed prefix + suffix sums, never by subtraction):
 * \[ p_i = \frac{e_i}{e_i + R_i}, \]
 * which is increasing in `e_i` and decreasing in `R_i`, so
 * `p_i ∈ [e̲_i/(e̲_i + R̄_i), ē_i/(ē_i + R̲_i)]` rigorously. Falls back to
 * {@link softmaxPairwise} if some upper endpoint is infinite.
 */
export function softmaxShifted(xs: readonly Interval[]): Interval[] {
  const n = xs.length;
  let m = -Infinity;
  for (const x of xs) if (x.hi > m) m = x.hi;
  if (!(m - m === 0)) return softmaxPairwise(xs);
  const elo = new Float64Array(n);
  const ehi = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const x = xs[j]!;
    elo[j] = expLower(subDown(x.lo, m));
    ehi[j] = expUpper(subUp(x.hi, m));
  }
  // suffix sums: sufLo[j] = Σ_{k≥j} elo[k] (rounded down), sufHi likewise up
  const sufLo = new Float64Array(n + 1);
  const sufHi = new Float64Array(n + 1);
  for (let j = n - 1; j >= 0; j--) {
    sufLo[j] = addDown(sufLo[j + 1]!, elo[j]!);
    sufHi[j] = addUp(sufHi[j + 1]!, ehi[j]!);
  }
  const out = new Array<Interval>(n);
  let preLo = 0;
  let preHi = 0;
  for (let i = 0; i < n; i++) {
    const rlo = addDown(preLo, sufLo[i + 1]!);
    const rhi = addUp(preHi, sufHi[i + 1]!);
    const el = elo[i]!;
    const eh = ehi[i]!;
    let lo = el === 0 ? 0 : divDown(el, addUp(el, rhi));
    const dh = addDown(eh, rlo);
    let hi = dh > 0 ? divUp(eh, dh) : 1;
    if (!(lo > 0)) lo = 0;
    if (!(hi < 1)) hi = 1;
    out[i] = new Interval(lo, hi);
    preLo = addDown(preLo, el);
    preHi = addUp(preHi, eh);
  }
  return out;
}

/**
 * Rigorous softmax: {@link softmaxPairwise} for `n ≤ 64`
 * ({@link SOFTMAX_PAIRWISE_MAX}), {@link softmaxShifted} otherwise.
 */
export function softmax(xs: readonly Interval[]): Interval[] {
  return xs.length <= SOFTMAX_PAIRWISE_MAX ? softmaxPairwise(xs) : softmaxShifted(xs);
}
