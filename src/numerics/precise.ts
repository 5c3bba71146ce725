/**
 * HIGH-PRECISION tier of lemmata's rigorous numerics: enclosures of
 * elementary functions of *rational* arguments with *rational* bounds,
 * computed in BigInt fixed point at a caller-chosen precision.
 *
 * Every function returns {@link RBounds} `{lo, hi}` with
 * `lo ≤ f(x) ≤ hi` (a theorem, not an estimate: no JS float ever enters a
 * bound) and `hi − lo ≤ 2^-(bits−10) · max(1, |f(x)|)` (in practice much
 * tighter; `exp`, `sqrt`, `sigmoid` and, for small arguments, `sin`, `tanh`,
 * `erf`, `expm1`, `log` near 1 are accurate to about `bits` bits *relative*).
 *
 * ## Method and error accounting
 *
 * Work is done on integers `X` standing for `X·2^-P` ("fixed point at scale
 * `P`"), with `P = bits + GUARD` (`GUARD = 32`) plus, where stated, extra bits.
 * The only rounding operations are `floor` and `ceil` (of BigInt quotients
 * and shifts). All bounds are obtained in one of two ways:
 *
 * - **Directed positive chains.** A series of *positive* terms
 *   `u_{n+1} = u_n · g_n` with positive factors `g_n` is evaluated twice:
 *   once with every product/quotient floored (each computed term is then a
 *   lower bound of the true term, by induction and monotonicity) and once
 *   ceiled (upper bounds). Hence no per-term error analysis is needed.
 * - **Truncation.** For positive series, the tail after the last added term
 *   is bounded by a geometric series (ratio ≤ 1/2 is checked), and added to
 *   the upper bound. For alternating series with decreasing terms (sin, cos,
 *   atan, the erfc asymptotic series by DLMF §7.12(i)), the remainder is
 *   bounded in magnitude by the first neglected term, whose *upper* chain
 *   value widens both bounds.
 *
 * Constants: `ln 2 = 2 atanh(1/3) = Σ 2/((2n+1)·3^{2n+1})` (positive chain,
 * tail ≤ t_N/8), `π = 16 atan(1/5) − 4 atan(1/239)` (Machin; alternating
 * chains), `2/√π` from `π` by integer square roots. They are cached at the
 * highest precision requested and shifted (floor/ceil) for lower precisions.
 *
 * Argument reductions (each an exact identity, with enclosed constants):
 *
 * - `exp`: `x = k ln2 + r`, `k = round(x/ln 2)` (any integer `k` is valid;
 *   rounding only keeps `|r| ≲ 0.35`), `ln 2` enclosed at `P + bitlen(k) + 4`
 *   bits so that `r` is known to ±2 units at scale `P`; `e^r` by Taylor
 *   (`r ≥ 0`: positive chains, tail ≤ last term because `r/(n+1) ≤ 1/2`;
 *   `r < 0`: `1/e^{|r|}` with directed division); `e^x = 2^k e^r` exactly.
 * - `log`: `x = 2^e y`, `y ∈ [2/3, 4/3]`, `ln y = 2 atanh z`,
 *   `z = (y−1)/(y+1)`, `|z| ≤ 1/5`, positive chains in `z²`, tail ≤ 1 unit;
 *   `ln x = e ln 2 + ln y`.
 * - `sqrt`: `s = ⌊√⌊x·4^P⌋⌋` (exact integer square root) gives
 *   `s ≤ √x·2^P < s+1`; exact rational squares are returned exactly.
 * - `sin`/`cos`: `x = k·π/2 + r` with `π` enclosed at `P + log2|x| + 8` bits
 *   (so reduction is accurate for *any* rational, e.g. `1e308`), quadrant
 *   `k mod 4`, `|r| ≤ π/4 + ε`; the series are evaluated at `r_lo` and
 *   widened by `r_hi − r_lo` (sin and cos are 1-Lipschitz).
 * - `tanh x = 1 − 2/(e^{2x}+1)` (monotone in `e^{2x}`, no dependency loss).
 * - `erf`: `erf x = (2/√π) e^{−x²} Σ_n 2^n x^{2n+1}/(2n+1)!!` (A&S 7.1.6;
 *   positive chains) for `x² ≤ (P+10)·ln2/2`; the erfc asymptotic series
 *   (DLMF 7.12.1, remainder ≤ first neglected term for real `x`) for larger
 *   `x`, where the truncation error `≈ e^{−2x²} < 2^{−(P+10)}`; and
 *   `0 < erfc x < e^{−x²}/(x√π) ≤ 2^{−x²}` (A&S 7.1.13) once `x² ≥ P+10`.
 *
 * To keep numbers small, composite results (non-dyadic rationals from
 * divisions) are rounded outward (floor/ceil) to about `bits + GUARD`
 * significant bits, which preserves the enclosure; small exact results
 * (e.g. `logSumExpR([7/3]) = [7/3, 7/3]`) are returned unchanged.
 *
 * @module
 */

import { Rational, bigintBitLength } from './rational.js';
import { stepDown, stepUp } from './interval.js';

/** A rigorous enclosure `lo ≤ value ≤ hi`. */
export interface RBounds {
  lo: Rational;
  hi: Rational;
}

/** Default precision in bits. */
export const DEFAULT_BITS = 200;
/** Extra working bits on top of the requested precision. */
const GUARD = 32;
/** Largest |x| accepted by {@link expR} (the result has ~1.44·|x| bits). */
export const EXP_MAX_ARG = 2 ** 20;

// ---------------------------------------------------------------------------
// BigInt helpers
// ---------------------------------------------------------------------------

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}
function shrFloor(a: bigint, s: number): bigint {
  return s >= 0 ? a >> BigInt(s) : a << BigInt(-s);
}
function shrCeil(a: bigint, s: number): bigint {
  return s >= 0 ? -(-a >> BigInt(s)) : a << BigInt(-s);
}
function absB(a: bigint): bigint {
  return a < 0n ? -a : a;
}
/** `⌊x·2^P⌋` for a rational `x` and `P ≥ 0`. */
function fixFloor(x: Rational, P: number): bigint {
  return floorDiv(x.num << BigInt(P), x.den);
}
/** `⌈x·2^P⌉`. */
function fixCeil(x: Rational, P: number): bigint {
  return ceilDiv(x.num << BigInt(P), x.den);
}

/** ⌊√n⌋ for n ≥ 0 (Newton's method from above; exact). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt: negative');
  if (n < 4503599627370496n) {
    // < 2^52: double sqrt is accurate to well within 1; fix up exactly
    let r = BigInt(Math.floor(Math.sqrt(Number(n))));
    while (r * r > n) r -= 1n;
    while ((r + 1n) * (r + 1n) <= n) r += 1n;
    return r;
  }
  const b = bigintBitLength(n);
  const shift = b - 104 > 0 ? (b - 104) & ~1 : 0;
  let x = (BigInt(Math.floor(Math.sqrt(Number(n >> BigInt(shift))))) + 1n) << BigInt(shift / 2);
  // one Newton step lands on or above ⌊√n⌋ (AM–GM); then decrease monotonically
  x = (x + n / x) >> 1n;
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x -= 1n;
  return x;
}

/** Canonical rational `m·2^e`. */
function dyadic(m: bigint, e: number): Rational {
  if (m === 0n) return Rational.ZERO;
  if (e >= 0) return Rational.unchecked(m << BigInt(e), 1n);
  const tz = bigintBitLength(m & -m) - 1; // trailing zeros of |m|
  const s = tz < -e ? tz : -e;
  return Rational.unchecked(m >> BigInt(s), 1n << BigInt(-e - s));
}

/** Approximate `log2 |x|` (exact to within 1) for a nonzero rational. */
function ilog2(x: Rational): number {
  return bigintBitLength(x.num) - bigintBitLength(x.den);
}

/**
 * A rational ≤ x with about `sig` significant bits (a dyadic), or `x` itself
 * when it is already small (so exact results stay exact).
 */
function roundDownSig(x: Rational, sig: number): Rational {
  if (x.num === 0n || x.den === 1n) return x;
  if (bigintBitLength(x.num) + bigintBitLength(x.den) <= 2 * sig + 128) return x;
  const s = sig - ilog2(x);
  if (s < 0) return Rational.fromInt(floorDiv(x.num, x.den << BigInt(-s)) << BigInt(-s));
  return dyadic(floorDiv(x.num << BigInt(s), x.den), -s);
}
/** A rational ≥ x with about `sig` significant bits, or `x` itself when small. */
function roundUpSig(x: Rational, sig: number): Rational {
  return roundDownSig(x.neg(), sig).neg();
}
function outward(b: RBounds, sig: number): RBounds {
  return { lo: roundDownSig(b.lo, sig), hi: roundUpSig(b.hi, sig) };
}

function checkBits(bits: number): void {
  if (!Number.isSafeInteger(bits) || bits < 8 || bits > 1_000_000) {
    throw new RangeError(`precise: bits must be an integer in [8, 1e6], got ${bits}`);
  }
}

const R1 = Rational.ONE;
const R2 = Rational.fromInt(2);

// ---------------------------------------------------------------------------
// Constants: ln 2, π, 2/√π (cached fixed-point enclosures)
// ---------------------------------------------------------------------------

interface FixCache {
  P: number;
  lo: bigint;
  hi: bigint;
}

function fromCache(c: FixCache | undefined, P: number): [bigint, bigint] | undefined {
  if (c === undefined || c.P < P) return undefined;
  return [shrFloor(c.lo, c.P - P), shrCeil(c.hi, c.P - P)];
}
function roundP(P: number): number {
  return Math.ceil(P / 64) * 64;
}

let LN2: FixCache | undefined;
/** `[lo, hi]` with `lo·2^-P ≤ ln 2 ≤ hi·2^-P`. */
function ln2Fix(P: number): [bigint, bigint] {
  const c = fromCache(LN2, P);
  if (c) return c;
  const W = roundP(P) + GUARD;
  // ln 2 = Σ_{n≥0} 2 / ((2n+1) 3^{2n+1}); p_n = 2·2^W / 3^{2n+1}
  let plo = (2n << BigInt(W)) / 3n;
  let phi = ceilDiv(2n << BigInt(W), 3n);
  let slo = 0n;
  let shi = 0n;
  for (let n = 0; ; n++) {
    const d = BigInt(2 * n + 1);
    slo += plo / d;
    const thi = ceilDiv(phi, d);
    shi += thi;
    if (thi <= 1n) {
      shi += 1n; // tail ≤ t_N · (1/9)/(1 − 1/9) = t_N/8 ≤ 1 unit
      break;
    }
    plo /= 9n;
    phi = ceilDiv(phi, 9n);
  }
  LN2 = { P: W, lo: slo, hi: shi };
  return fromCache(LN2, P)!;
}

/** atan(1/m) at scale W by the alternating series with directed chains. */
function atanInvFix(m: bigint, W: number): [bigint, bigint] {
  const m2 = m * m;
  let plo = (1n << BigInt(W)) / m;
  let phi = ceilDiv(1n << BigInt(W), m);
  let slo = 0n;
  let shi = 0n;
  for (let n = 0; ; n++) {
    const d = BigInt(2 * n + 1);
    const tlo = plo / d;
    const thi = ceilDiv(phi, d);
    if (thi <= 1n) {
      // terms decrease; |remainder| ≤ first neglected term ≤ thi
      slo -= thi;
      shi += thi;
      break;
    }
    if (n % 2 === 0) {
      slo += tlo;
      shi += thi;
    } else {
      slo -= thi;
      shi -= tlo;
    }
    plo /= m2;
    phi = ceilDiv(phi, m2);
  }
  return [slo, shi];
}

let PI: FixCache | undefined;
/** `[lo, hi]` with `lo·2^-P ≤ π ≤ hi·2^-P`. */
function piFix(P: number): [bigint, bigint] {
  const c = fromCache(PI, P);
  if (c) return c;
  const W = roundP(P) + GUARD;
  const [alo, ahi] = atanInvFix(5n, W);
  const [blo, bhi] = atanInvFix(239n, W);
  PI = { P: W, lo: 16n * alo - 4n * bhi, hi: 16n * ahi - 4n * blo };
  return fromCache(PI, P)!;
}

let C2SP: FixCache | undefined;
/** `[lo, hi]` enclosing `2/√π` at scale P. */
function twoOverSqrtPiFix(P: number): [bigint, bigint] {
  const c = fromCache(C2SP, P);
  if (c) return c;
  const W = roundP(P) + GUARD;
  const [plo, phi] = piFix(W);
  // √π·2^W = √(π·2^W · 2^W)
  const slo = isqrt(plo << BigInt(W));
  const shi = isqrt(phi << BigInt(W)) + 1n;
  const num = 2n << BigInt(2 * W);
  C2SP = { P: W, lo: num / shi, hi: ceilDiv(num, slo) };
  return fromCache(C2SP, P)!;
}

/** Enclosure of π with `hi − lo ≤ 2^-bits`. */
export function piR(bits: number = DEFAULT_BITS): RBounds {
  checkBits(bits);
  const P = bits + 8;
  const [lo, hi] = piFix(P);
  return { lo: dyadic(lo, -P), hi: dyadic(hi, -P) };
}

/** Enclosure of ln 2 with `hi − lo ≤ 2^-bits`. */
export function ln2R(bits: number = DEFAULT_BITS): RBounds {
  checkBits(bits);
  const P = bits + 8;
  const [lo, hi] = ln2Fix(P);
  return { lo: dyadic(lo, -P), hi: dyadic(hi, -P) };
}

// ---------------------------------------------------------------------------
// exp
// ---------------------------------------------------------------------------

/** Bound of e^t for 0 ≤ t ≤ 2^P (i.e. t ≤ 1) at scale P; `upper` selects the chain. */
function expPosFix(t: bigint, P: number, upper: boolean): bigint {
  const one = 1n << BigInt(P);
  if (t === 0n) return one;
  let sum = one;
  let term = one;
  if (!upper) {
    for (let n = 1n; ; n++) {
      term = (term * t) / (n << BigInt(P));
      if (term === 0n) return sum;
      sum += term;
    }
  }
  for (let n = 1n; ; n++) {
    term = ceilDiv(term * t, n << BigInt(P));
    sum += term;
    // tail after term N ≤ term_N · (t/(N+1)) / (1 − t/(N+2)) ≤ term_N (t ≤ 1, N ≥ 1)
    if (term <= 1n) return sum + term;
  }
}

/** Bound of e^r for |r| ≤ 2^P at scale P. */
function expFix(r: bigint, P: number, upper: boolean): bigint {
  if (r >= 0n) return expPosFix(r, P, upper);
  const e = expPosFix(-r, P, !upper);
  const num = 1n << BigInt(2 * P);
  return upper ? ceilDiv(num, e) : num / e;
}

interface DyBounds {
  mlo: bigint;
  mhi: bigint;
  /** value bounds are mlo·2^e, mhi·2^e */
  e: number;
}

/** Core of {@link expR}: dyadic bounds at working precision P. */
function expDy(x: Rational, P: number): DyBounds {
  if (x.num === 0n) return { mlo: 1n, mhi: 1n, e: 0 };
  const xf = x.toFloat64();
  if (!(Math.abs(xf) <= EXP_MAX_ARG)) {
    throw new RangeError(`expR: |x| must be ≤ 2^20, got ${x.toDecimal(6)}`);
  }
  const k = Math.round(xf / Math.LN2);
  const kb = BigInt(k);
  const Q = P + bigintBitLength(kb) + 4;
  const [llo, lhi] = ln2Fix(Q);
  const xlo = fixFloor(x, Q);
  const xhi = fixCeil(x, Q);
  const rlo = shrFloor(xlo - (k >= 0 ? kb * lhi : kb * llo), Q - P);
  const rhi = shrCeil(xhi - (k >= 0 ? kb * llo : kb * lhi), Q - P);
  const one = 1n << BigInt(P);
  if (absB(rlo) > one || absB(rhi) > one) throw new Error('expR: internal reduction failure');
  return { mlo: expFix(rlo, P, false), mhi: expFix(rhi, P, true), e: k - P };
}

/** Enclosure of `e^x` (relative width ≲ 2^-(bits+20)). @throws RangeError if |x| > 2^20. */
export function expR(x: Rational, bits: number = DEFAULT_BITS): RBounds {
  checkBits(bits);
  const d = expDy(x, bits + GUARD);
  return { lo: dyadic(d.mlo, d.e), hi: dyadic(d.mhi, d.e) };
}

/** Boost (extra bits) for relative accuracy of a function ~ x near 0. */
function smallBoost(x: Rational): number {
  const l = ilog2(x);
  return l < 1 ? 2 - l : 0;
}

/** Enclosure of `e^x − 1`, relatively accurate also for tiny |x|. */
export function expm1R(x: Rational, bits: number = DEFAULT_BITS): RBounds {
  checkBits(bits);
  if (x.num === 0n) return { lo: Rational.ZERO, hi: Rational.ZERO };
  const e = expR(x, bits + smallBoost(x));
  return outward({ lo: e.lo.sub(R1), hi: e.hi.sub(R1) }, bits + GUARD);
}

// ---------------------------------------------------------------------------
// log
// ---------------------------------------------------------------------------

/** `e·ln 2` enclosure at scale P. */
function mulLn2Fix(e: number, P: number): [bigint, bigint] {
  if (e === 0) return [0n, 0n];
  const eb = BigInt(e);
  const extra = bigintBitLength(eb) + 2;
  const [llo, lhi] = ln2Fix(P + extra);
  const a = eb > 0n ? eb * llo : eb * lhi;
  const b = eb > 0n ? eb * lhi : eb * llo;
  return [shrFloor(a, extra), shrCeil(b, extra)];
}

/** Enclosure of `ln x` for `x > 0`. @throws RangeError for `x ≤ 0`. */
export function logR(x: Rational, bits: number = DEFAULT_BITS): RBounds {
  checkBits(bits);
  if (x.sign() <= 0) throw new RangeError('logR: argument must be positive');
  if (x.num === 1n && x.den === 1n) return { lo: Rational.ZERO, hi: Rational.ZERO };
  // x = 2^e · N/D with N/D ∈ [2/3, 4/3]
  let e = ilog2(x);
  const fit = (ee: number): [bigint, bigint] =>
    ee >= 0 ? [x.num, x.den << BigInt(ee)] : [x.num << BigInt(-ee), x.den];
  let [N, D] = fit(e);
  for (let i = 0; i < 4; i++) {
    if (3n * N > 4n * D) e++;
    else if (3n * N < 2n * D) e--;
    else break;
    [N, D] = fit(e);
  }
  const zn = absB(N - D);
  const zd = N + D;
  let boost = 0;
  if (e === 0 && zn !== 0n) {
    const l = bigintBitLength(zn) - bigintBitLength(zd);
    if (l < 0) boost = -l + 1;
  }
  const P = bits + GUARD + boost;
  let slo = 0n;
  let shi = 0n;
  if (zn !== 0n) {
    // ln y = 2 atanh z = 2 Σ z^{2n+1}/(2n+1), |z| ≤ 1/5
    const zlo = (zn << BigInt(P)) / zd;
    const zhi = ceilDiv(zn << BigInt(P), zd);
    const wlo = (zlo * zlo) >> BigInt(P);
    const whi = shrCeil(zhi * zhi, P);
    let plo = zlo;
    let phi = zhi;
    for (let n = 0; ; n++) {
      const d = BigInt(2 * n + 1);
      slo += plo / d;
      shi += ceilDiv(phi, d);
      if (phi <= 1n) {
        shi += 1n; // tail ≤ p_N · w/(1−w) ≤ p_N/24 < 1 unit
        break;
      }
      plo = (plo * wlo) >> BigInt(P);
      phi = shrCeil(phi * whi, P);
    }
    slo *= 2n;
    shi *= 2n;
    if (N < D) [slo, shi] = [-shi, -slo];
  }
  const [elo, ehi] = mulLn2Fix(e, P);
  return { lo: dyadic(slo + elo, -P), hi: dyadic(shi + ehi, -P) };
}

// ---------------------------------------------------------------------------
// sqrt
// ---------------------------------------------------------------------------

/** Enclosure of `√x` for `x ≥ 0` (exact for squares of rationals). */
export function sqrtR(x: Rational, bits: number = DEFAULT_BITS): RBounds {
  checkBits(bits);
  const s = x.sign();
  if (s < 0) throw new RangeError('sqrtR: argument must be non-negative');
  if (s === 0) return { lo: Rational.ZERO, hi: Rational.ZERO };
  const rn = isqrt(x.num);
  const rd = isqrt(x.den);
  if (rn * rn === x.num && rd * rd === x.den) {
    const r = Rational.unchecked(rn, rd); // gcd(rn, rd) = 1 since gcd(num, den) = 1
    return { lo: r, hi: r };
  }
  const l = ilog2(x);
  const P = bits + GUARD + (l < 0 ? Math.ceil(-l / 2) + 1 : 0);
  const A = (x.num << BigInt(2 * P)) / x.den;
  const r = isqrt(A);
  return { lo: dyadic(r, -P), hi: dyadic(r + 1n, -P) };
}

// ---------------------------------------------------------------------------
// sin, cos
// ---------------------------------------------------------------------------

/**
 * Alternating series `Σ (−1)^n u_n` where `u_0 = start` and
 * `u_n = u_{n−1} · w / (d_n · 2^P)`, `d_n = (a_n)(a_n + 1)`, with
 * `w ∈ [wlo, whi]`; terms must be decreasing (ratio < 1).
 */
function altSeries(
  startLo: bigint,
  startHi: bigint,
  wlo: bigint,
  whi: bigint,
  P: number,
  firstDen: number,
): [bigint, bigint] {
  let ulo = startLo;
  let uhi = startHi;
  let slo = ulo;
  let shi = uhi;
  const sP = BigInt(P);
  for (let n = 1; ; n++) {
    const a = firstDen + 2 * (n - 1);
    const d = BigInt(a * (a + 1)) << sP;
    ulo = (ulo * wlo) / d;
    uhi = ceilDiv(uhi * whi, d);
    if (uhi <= 1n) {
      // |remainder| ≤ first neglected term ≤ uhi
      return [slo - uhi, shi + uhi];
    }
    if (n % 2 === 0) {
      slo += ulo;
      shi += uhi;
    } else {
      slo -= uhi;
      shi -= ulo;
    }
  }
}

/** sin(t) for a point t, |t| ≤ 2^P, at scale P. */
function sinPointFix(t: bigint, P: number): [bigint, bigint] {
  if (t === 0n) return [0n, 0n];
  const a = absB(t);
  const w = a * a;
  const wlo = w >> BigInt(P);
  const whi = shrCeil(w, P);
  // sin a = a − a³/3! + …: u_n = u_{n−1} a² / ((2n)(2n+1))
  const [lo, hi] = altSeries(a, a, wlo, whi, P, 2);
  return t < 0n ? [-hi, -lo] : [lo, hi];
}

/** cos(t) for a point t, |t| ≤ 2^P, at scale P. */
function cosPointFix(t: bigint, P: number): [bigint, bigint] {
  const one = 1n << BigInt(P);
  if (t === 0n) return [one, one];
  const a = absB(t);
  const w = a * a;
  // cos a = 1 − a²/2! + …: u_n = u_{n−1} a² / ((2n−1)(2n))
  return altSeries(one, one, w >> BigInt(P), shrCeil(w, P), P, 1);
}

/** x = k·π/2 + r; returns quadrant k mod 4 and r ∈ [rlo, rhi] at scale P. */
function reduceHalfPi(x: Rational, P: number): { q: number; rlo: bigint; rhi: bigint } {
  const xf = Math.abs(x.toFloat64());
  if (xf < 0.75) return { q: 0, rlo: fixFloor(x, P), rhi: fixCeil(x, P) };
  const ex = Math.max(0, ilog2(x) + 1);
  const Q = P + ex + 8;
  const [plo, phi] = piFix(Q);
  const xlo = fixFloor(x, Q);
  const xhi = fixCeil(x, Q);
  // k = round(2x/π) (approximately; any integer k is valid)
  const k = floorDiv(4n * xlo + plo, 2n * plo);
  // 2r = 2x − kπ
  const r2lo = 2n * xlo - (k >= 0n ? k * phi : k * plo);
  const r2hi = 2n * xhi - (k >= 0n ? k * plo : k * phi);
  const rlo = shrFloor(r2lo, Q - P + 1);
  const rhi = shrCeil(r2hi, Q - P + 1);
  const one = 1n << BigInt(P);
  if (absB(rlo) > one || absB(rhi) > one) throw new Error('sin/cos: internal reduction failure');
  return { q: Number(((k % 4n) + 4n) % 4n), rlo, rhi };
}

function trigR(x: Rational, bits: number, which: 'sin' | 'cos'): RBounds {
  checkBits(bits);
  const P = bits + GUARD + (which === 'sin' && x.num !== 0n ? smallBoost(x) : 0);
  const { q, rlo, rhi } = reduceHalfPi(x, P);
  const w = rhi - rlo; // Lipschitz widening
  const s = sinPointFix(rlo, P);
  const c = cosPointFix(rlo, P);
  const S: [bigint, bigint] = [s[0] - w, s[1] + w];
  const C: [bigint, bigint] = [c[0] - w, c[1] + w];
  const negI = (a: [bigint, bigint]): [bigint, bigint] => [-a[1], -a[0]];
  const idx = which === 'sin' ? q : (q + 1) % 4; // cos x = sin(x + π/2)
  const res = idx === 0 ? S : idx === 1 ? C : idx === 2 ? negI(S) : negI(C);
  const one = 1n << BigInt(P);
  const lo = res[0] < -one ? -one : res[0];
  const hi = res[1] > one ? one : res[1];
  return { lo: dyadic(lo, -P), hi: dyadic(hi, -P) };
}

/** Enclosure of `sin x` (argument reduction with enclosed π; any rational x). */
export function sinR(x: Rational, bits: number = DEFAULT_BITS): RBounds {
  if (x.num === 0n) return { lo: Rational.ZERO, hi: Rational.ZERO };
  return trigR(x, bits, 'sin');
}

/** Enclosure of `cos x`. */
export function cosR(x: Rational, bits: number = DEFAULT_BITS): RBounds {
  if (x.num === 0n) return { lo: R1, hi: R1 };
  return trigR(x, bits, 'cos');
}

// ---------------------------------------------------------------------------
// tanh, sigmoid
// ---------------------------------------------------------------------------

/**
 * Enclosure of `tanh x = 1 − 2/(e^{2x}+1)` (increasing in `e^{2x}`). For
 * `|x| > bits + 30`, `0 < 1 − tanh|x| < 2e^{−2|x|} ≤ 2^{1−2(bits+30)}`.
 */
export function tanhR(x: Rational, bits: number = DEFAULT_BITS): RBounds {
  checkBits(bits);
  const s = x.sign();
  if (s === 0) return { lo: Rational.ZERO, hi: Rational.ZERO };
  const a = x.abs();
  let res: RBounds;
  if (a.gt(Rational.fromInt(bits + 30))) {
    res = { lo: R1.sub(dyadic(1n, 1 - 2 * (bits + 30))), hi: R1 };
  } else {
    const e = expR(a.mul(R2), bits + 4 + smallBoost(a));
    res = outward({ lo: R1.sub(R2.div(e.lo.add(R1))), hi: R1.sub(R2.div(e.hi.add(R1))) }, bits + GUARD + smallBoost(a));
  }
  return s > 0 ? res : { lo: res.hi.neg(), hi: res.lo.neg() };
}

/** Enclosure of the logistic `σ(x) = 1/(1+e^{−x})` (relatively accurate for tiny σ). */
export function sigmoidR(x: Rational, bits: number = DEFAULT_BITS): RBounds {
  checkBits(bits);
  const L = Math.max(bits + 30, 1100);
  if (x.lt(Rational.fromInt(-L))) {
    // σ(x) < e^{x} < 2^{x} ≤ 2^{−L}
    return { lo: Rational.ZERO, hi: dyadic(1n, -L) };
  }
  if (x.gt(Rational.fromInt(L))) return { lo: R1.sub(dyadic(1n, -L)), hi: R1 };
  const e = expR(x.neg(), bits + 4);
  return outward({ lo: R1.div(R1.add(e.hi)), hi: R1.div(R1.add(e.lo)) }, bits + GUARD);
}

// ---------------------------------------------------------------------------
// erf
// ---------------------------------------------------------------------------

/** erf(a) for a > 0 at working precision P. */
function erfPosR(a: Rational, P: number): RBounds {
  const a2 = a.mul(a);
  const sP = BigInt(P);
  // Region 3: x² ≥ P + 10 ⇒ 0 < erfc < 2^{−x²} ≤ 2^{−(P+10)}
  if (a2.ge(Rational.fromInt(P + 10))) return { lo: R1.sub(dyadic(1n, -(P + 10))), hi: R1 };
  const [clo, chi] = twoOverSqrtPiFix(P);
  const C = { lo: dyadic(clo, -P), hi: dyadic(chi, -P) };
  const E = expR(a2.neg(), P); // e^{−x²}, relative precision ~2^-(P+20)
  // switch to the asymptotic series once x² > 0.3466·(P+10) ≈ (P+10)·ln2/2, where its
  // optimal truncation error e^{−2x²} is below 2^{−(P+10)} (accuracy only; rigour holds anyway)
  const thr = Rational.of(3466n * BigInt(P + 10), 10000n);
  if (a2.le(thr)) {
    // Region 1: positive series S = Σ t_n, t_{n+1} = t_n·2x²/(2n+3)
    const two = a2.mul(R2);
    const wlo = fixFloor(two, P);
    const whi = fixCeil(two, P);
    let tlo = fixFloor(a, P);
    let thi = fixCeil(a, P);
    let slo = tlo;
    let shi = thi;
    for (let n = 0; ; n++) {
      const d = BigInt(2 * n + 3) << sP;
      tlo = (tlo * wlo) / d;
      thi = ceilDiv(thi * whi, d);
      slo += tlo;
      shi += thi;
      // ratio of later terms ≤ ρ = 2x²/(2n+5) ≤ 1/2 ⇒ tail ≤ t_{n+1}
      if (2n * whi <= BigInt(2 * n + 5) << sP && thi <= 1n) {
        shi += thi;
        break;
      }
    }
    const S = { lo: dyadic(slo, -P), hi: dyadic(shi, -P) };
    const lo = C.lo.mul(E.lo).mul(S.lo);
    let hi = C.hi.mul(E.hi).mul(S.hi);
    if (hi.gt(R1)) hi = R1;
    return { lo, hi };
  }
  // Region 2: erfc x = e^{−x²}/(x√π) (Σ_{m<N} (−1)^m (2m−1)!!/(2x²)^m + R_N),
  // |R_N| ≤ first neglected term (DLMF 7.12(i), real x).
  const v = R1.div(a2.mul(R2));
  const vlo = fixFloor(v, P);
  const vhi = fixCeil(v, P);
  const one = 1n << sP;
  let ulo = one;
  let uhi = one;
  let slo = one;
  let shi = one;
  const nmax = a2.floor();
  for (let n = 1n; ; n++) {
    const f = 2n * n - 1n;
    ulo = (ulo * f * vlo) >> sP;
    uhi = shrCeil(uhi * f * vhi, P);
    if (uhi <= 1n || n >= nmax) {
      slo -= uhi;
      shi += uhi;
      break;
    }
    if (n % 2n === 0n) {
      slo += ulo;
      shi += uhi;
    } else {
      slo -= uhi;
      shi -= ulo;
    }
  }
  // erfc/(…) with 1/(x√π) = (2/√π)/(2x)
  const twoA = a.mul(R2);
  let erfcLo = C.lo.mul(E.lo).mul(dyadic(slo, -P)).div(twoA);
  const erfcHi = C.hi.mul(E.hi).mul(dyadic(shi, -P)).div(twoA);
  if (erfcLo.sign() < 0) erfcLo = Rational.ZERO;
  return { lo: R1.sub(erfcHi), hi: R1.sub(erfcLo) };
}

/**
 * Enclosure of `erf x` (see module doc for the three regions). Cost grows
 * like `x²` terms in the series region (≈ 0.35·bits), then drops.
 */
export function erfR(x: Rational, bits: number = DEFAULT_BITS): RBounds {
  checkBits(bits);
  const s = x.sign();
  if (s === 0) return { lo: Rational.ZERO, hi: Rational.ZERO };
  const a = x.abs();
  const P = bits + GUARD + smallBoost(a);
  const r = outward(erfPosR(a, P), P);
  return s > 0 ? r : { lo: r.hi.neg(), hi: r.lo.neg() };
}

// ---------------------------------------------------------------------------
// logSumExp, softmax
// ---------------------------------------------------------------------------

/**
 * Enclosures of `e^{x_j − m}` for `m = max x` at precision `P`; terms with
 * `x_j − m < −L` are enclosed by `[0, 2^{−L}]` (`e^{−d} < 2^{−d}`), which
 * avoids huge BigInts.
 */
function shiftedExps(xs: readonly Rational[], P: number, L: number): { m: Rational; e: RBounds[] } {
  let m = xs[0]!;
  for (const x of xs) if (x.gt(m)) m = x;
  const negL = Rational.fromInt(-L);
  const tiny = dyadic(1n, -L);
  const e = xs.map((x): RBounds => {
    const d = x.sub(m);
    if (d.lt(negL)) return { lo: Rational.ZERO, hi: tiny };
    return expR(d, P);
  });
  return { m, e };
}

/**
 * Enclosure of `log Σ e^{x_i}` = `m + log Σ e^{x_i − m}` with `m = max x_i`
 * (the sum is ≥ 1: the maximal term is exactly `e^0 = 1`).
 * @throws RangeError for an empty array.
 */
export function logSumExpR(xs: readonly Rational[], bits: number = DEFAULT_BITS): RBounds {
  checkBits(bits);
  if (xs.length === 0) throw new RangeError('logSumExpR: empty input');
  const P = bits + GUARD + Math.ceil(Math.log2(xs.length + 1));
  const { m, e } = shiftedExps(xs, P, Math.max(P + 30, 1100));
  let slo = Rational.ZERO;
  let shi = Rational.ZERO;
  for (const b of e) {
    slo = slo.add(b.lo);
    shi = shi.add(b.hi);
  }
  const llo = logR(roundDownSig(slo, P + 8), P);
  const lhi = logR(roundUpSig(shi, P + 8), P);
  return outward({ lo: m.add(llo.lo), hi: m.add(lhi.hi) }, P);
}

/**
 * Enclosures of `softmax(xs)_i = e_i/(e_i + R_i)`, `e_j = e^{x_j − max x}`,
 * `R_i = Σ_{j≠i} e_j`. The bound is increasing in `e_i`, decreasing in
 * `R_i`; `R_i`'s bounds are exact rational differences of the exact sums of
 * the bounds (no dependency loss). Relatively accurate also for tiny
 * probabilities (down to `2^{−1100}`, below which `[0, 2^{−1100}]`-type
 * bounds are used).
 */
export function softmaxR(xs: readonly Rational[], bits: number = DEFAULT_BITS): RBounds[] {
  checkBits(bits);
  const n = xs.length;
  if (n === 0) return [];
  const P = bits + GUARD + Math.ceil(Math.log2(n + 1));
  const L = Math.max(P + 30, 1100);
  const { e } = shiftedExps(xs, P, L);
  let tlo = Rational.ZERO;
  let thi = Rational.ZERO;
  for (const b of e) {
    tlo = tlo.add(b.lo);
    thi = thi.add(b.hi);
  }
  return e.map((b): RBounds => {
    const rlo = tlo.sub(b.lo);
    const rhi = thi.sub(b.hi);
    const lo = b.lo.isZero() ? Rational.ZERO : b.lo.div(b.lo.add(rhi));
    const hi = b.hi.div(b.hi.add(rlo));
    return outward({ lo, hi: hi.gt(R1) ? R1 : hi }, P);
  });
}

// ---------------------------------------------------------------------------
// Conversion to doubles
// ---------------------------------------------------------------------------

/**
 * Round `lo` DOWN and `hi` UP to doubles: `[a, b]` with `a ≤ lo`, `hi ≤ b`
 * (compared exactly via `Rational.fromFloat64`). Overflow gives `±MAX` or
 * `±∞` on the safe side.
 */
export function toFloat64Bounds(b: RBounds): [number, number] {
  let lo = b.lo.toFloat64();
  if (lo === Infinity) lo = Number.MAX_VALUE;
  else if (lo !== -Infinity && Rational.fromFloat64(lo).gt(b.lo)) lo = stepDown(lo, 1);
  let hi = b.hi.toFloat64();
  if (hi === -Infinity) hi = -Number.MAX_VALUE;
  else if (hi !== Infinity && Rational.fromFloat64(hi).lt(b.hi)) hi = stepUp(hi, 1);
  return [lo, hi];
}
