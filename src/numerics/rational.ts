/**
 * Exact rational arithmetic on BigInt.
 *
 * A {@link Rational} is an immutable pair `num/den` of BigInts that is always
 * kept in canonical form: `gcd(|num|, den) = 1`, `den > 0n`, and zero is `0/1`.
 * Because the representation is canonical, structural equality
 * (`num === num && den === den`) is mathematical equality.
 *
 * IEEE 754 binary floating-point numbers enter and leave exactly:
 *  - every finite double is a dyadic rational `m·2^e`, so
 *    {@link Rational.fromFloat64} is exact (no rounding ever happens at the door);
 *  - {@link Rational.toFloat64} / {@link Rational.toFloat32} are *correctly
 *    rounded* (round-to-nearest, ties-to-even, gradual underflow, overflow to
 *    ±Infinity), computed with BigInt bit arithmetic, never by dividing floats
 *    (except in the fast path where numerator and denominator are both exactly
 *    representable doubles, in which case a single IEEE division is itself
 *    correctly rounded).
 *
 * Reference: IEEE 754-2019 §4.3 (rounding-direction attributes), §7.4
 * (overflow); N. J. Higham, *Accuracy and Stability of Numerical Algorithms*,
 * 2nd ed., §2.1.
 */

/** 2^53 as a BigInt: below this every integer is an exactly representable double. */
const TWO53 = 0x20000000000000n;
const LOG10_2 = Math.log10(2);

/**
 * Greatest common divisor of |a| and |b| (non-negative; `gcd(0, 0) = 0n`).
 *
 * Lehmer's algorithm (Knuth, TAOCP vol. 2, §4.5.2, Algorithm L) while the
 * operands are large: the leading ~51 bits are run through Euclid in exact
 * double arithmetic to collect a 2×2 cofactor matrix, which is then applied to
 * the BigInts in one go (replacing ~15–25 BigInt remainder steps by four
 * small×big products). Once both operands are below 2^53 it finishes with
 * Euclid in doubles (integer `%` on doubles < 2^53 is exact). A large power of
 * two (the denominator of every float-derived rational) takes a shortcut:
 * `gcd(x, 2^k) = min(lowbit(x), 2^k)`.
 */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  if (a < b) {
    const t = a;
    a = b;
    b = t;
  }
  if (b === 0n) return a;
  if (b === 1n) return 1n;
  // invariant: a >= b
  if (b >= TWO53) {
    // dyadic fast path (denominators of float-derived rationals are powers of two):
    // gcd(x, 2^k) = min(lowbit(x), 2^k)
    if ((b & (b - 1n)) === 0n) {
      const low = a & -a;
      return low < b ? low : b;
    }
    if ((a & (a - 1n)) === 0n) {
      const low = b & -b;
      return low < a ? low : a;
    }
  }
  while (b >= TWO53) {
    const fa = Number(a);
    const s = (fa < Infinity ? Math.floor(Math.log2(fa)) : bigintBitLength(a) - 1) - 49;
    const sb = BigInt(s);
    // leading words < 2^51 (log2 may be off by one)
    const [A, B, C, D] = lehmerCofactors(Number(a >> sb), Number(b >> sb));
    if (B === 0) {
      const t = a % b;
      a = b;
      b = t;
    } else {
      const na = BigInt(A) * a + BigInt(B) * b;
      const nb = BigInt(C) * a + BigInt(D) * b;
      a = na;
      b = nb;
    }
  }
  if (b === 0n) return a;
  let x: number;
  let y: number;
  if (a >= TWO53) {
    x = Number(b);
    y = Number(a % b);
  } else {
    x = Number(a);
    y = Number(b);
  }
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return BigInt(x);
}

/** Number of bits in |a| (`bigintBitLength(0n) = 0`, `bigintBitLength(5n) = 3`). */
/**
 * Lehmer's single-precision step (Knuth, TAOCP vol. 2, 4.5.2, Algorithm L): from the leading words
 * x ≥ y of two big numbers (exact doubles < 2^51), the cofactors [A, B, C, D] of the Euclidean
 * quotient steps that are certain to agree with those of the full numbers — (a, b) → (A·a + B·b,
 * C·a + D·b). B = 0 means no step was certain (take one full-precision step instead).
 */
export function lehmerCofactors(x: number, y: number): [number, number, number, number] {
  let A = 1;
  let B = 0;
  let C = 0;
  let D = 1;
  for (;;) {
    const yc = y + C;
    const yd = y + D;
    if (yc === 0 || yd === 0) break;
    const q = Math.floor((x + A) / yc);
    if (q !== Math.floor((x + B) / yd)) break;
    let t = A - q * C;
    A = C;
    C = t;
    t = B - q * D;
    B = D;
    D = t;
    t = x - q * y;
    x = y;
    y = t;
  }
  return [A, B, C, D];
}

export function bigintBitLength(a: bigint): number {
  if (a < 0n) a = -a;
  if (a === 0n) return 0;
  if (a < TWO53) {
    const x = Number(a);
    if (x < 4294967296) return 32 - Math.clz32(x);
    return 64 - Math.clz32(Math.floor(x / 4294967296));
  }
  const s = a.toString(16);
  return (s.length - 1) * 4 + (32 - Math.clz32(parseInt(s[0]!, 16)));
}

/** Rounding modes for {@link Rational.round}. */
export type RoundingMode =
  | 'half-even' // nearest, ties to the even integer
  | 'half-away' // nearest, ties away from zero
  | 'half-up' // nearest, ties towards +∞
  | 'half-down' // nearest, ties towards −∞
  | 'floor' // towards −∞
  | 'ceil' // towards +∞
  | 'trunc'; // towards zero

/**
 * Result of rounding a positive rational to a binary floating-point format:
 * the value is exactly `m · 2^e` with `0 ≤ m < 2^p`. For normal results
 * `2^(p-1) ≤ m`; for subnormal results `e = emin − p + 1` and `m < 2^(p−1)`.
 */
export interface BinaryRounded {
  m: bigint;
  e: number;
}

/**
 * Round the positive rational `num/den` (both `> 0n`) to the nearest element of
 * the binary format with precision `p` (incl. the hidden bit), minimum normal
 * exponent `emin` and maximum exponent `emax`, ties to even, with gradual
 * underflow. Returns `null` on overflow, i.e. when the value rounded with an
 * unbounded exponent range is `≥ 2^(emax+1)`; equivalently (IEEE 754 §7.4,
 * round-to-nearest) when `num/den ≥ (2 − 2^(−p))·2^emax`.
 *
 * Method: with `k = bitlen(num) − bitlen(den)` we have `2^(k−1) < q < 2^(k+1)`,
 * so `E = ⌊log₂ q⌋ ∈ {k−1, k}` is settled by one comparison. The quantum is
 * `2^t`, `t = max(E, emin) − p + 1`; then `m = round_half_even(q / 2^t)` is a
 * single BigInt division with remainder.
 *
 * Shared by {@link Rational.toFloat64}, {@link Rational.toFloat32} and
 * `float-format.ts`.
 */
export function roundPositiveToBinary(
  num: bigint,
  den: bigint,
  p: number,
  emin: number,
  emax: number,
): BinaryRounded | null {
  const k = bigintBitLength(num) - bigintBitLength(den);
  // E = k iff q >= 2^k
  const geq = k >= 0 ? num >= den << BigInt(k) : num << BigInt(-k) >= den;
  const E = geq ? k : k - 1;
  if (E > emax) return null;
  let t = (E > emin ? E : emin) - p + 1;
  let N = num;
  let D = den;
  if (t >= 0) D = den << BigInt(t);
  else N = num << BigInt(-t);
  let m = N / D;
  const r2 = (N - m * D) << 1n;
  if (r2 > D || (r2 === D && (m & 1n) === 1n)) m += 1n;
  if (m === 1n << BigInt(p)) {
    m >>= 1n;
    t += 1;
  }
  if (m !== 0n && t + bigintBitLength(m) - 1 > emax) return null;
  return { m, e: t };
}

const DV = new DataView(new ArrayBuffer(8));

/** Assemble a double from a rounding result (p = 53, emin = −1022). */
function encodeFloat64(neg: boolean, r: BinaryRounded): number {
  // bits = ((e + 1074) << 52) + m: for subnormals e = -1074 so the exponent field
  // is 0; for normals the hidden bit of m carries into the exponent field.
  const mNum = Number(r.m);
  const hiM = Math.floor(mNum / 4294967296);
  const lo = mNum - hiM * 4294967296;
  const hi = (r.e + 1074) * 1048576 + hiM + (neg ? 0x80000000 : 0);
  DV.setUint32(0, hi);
  DV.setUint32(4, lo);
  return DV.getFloat64(0);
}

/** Assemble a float32 value (returned as a JS number) from a rounding result. */
function encodeFloat32(neg: boolean, r: BinaryRounded): number {
  const bits = (r.e + 149) * 8388608 + Number(r.m) + (neg ? 0x80000000 : 0);
  DV.setUint32(0, bits);
  return DV.getFloat32(0);
}

export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  /** Internal: the caller guarantees the canonical form. Use {@link Rational.of}. */
  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static readonly ZERO: Rational = new Rational(0n, 1n);
  static readonly ONE: Rational = new Rational(1n, 1n);

  /**
   * @internal Build from a pair already in canonical form (gcd 1, den > 0).
   * No checks. For hot paths in this package (matrix.ts).
   */
  static unchecked(num: bigint, den: bigint): Rational {
    return num === 0n ? Rational.ZERO : new Rational(num, den);
  }

  /** `num/den`, normalised. Numbers must be safe integers. Throws RangeError if `den = 0`. */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = toBigInt(num);
    let d = toBigInt(den);
    if (d === 0n) throw new RangeError('Rational: zero denominator');
    if (n === 0n) return Rational.ZERO;
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d === 1n) return new Rational(n, 1n);
    const g = gcd(n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  /** The integer `n` (a number must be a safe integer). */
  static fromInt(n: number | bigint): Rational {
    const b = toBigInt(n);
    return b === 0n ? Rational.ZERO : new Rational(b, 1n);
  }

  /**
   * The exact value of a finite double. Every finite double is `m·2^e` with
   * `|m| < 2^53`, `e ≥ −1074`, so the result is dyadic. `-0 ↦ 0`.
   * @throws RangeError on NaN or ±Infinity.
   */
  static fromFloat64(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`Rational.fromFloat64: not finite: ${x}`);
    if (Number.isSafeInteger(x)) return x === 0 ? Rational.ZERO : new Rational(BigInt(x), 1n);
    DV.setFloat64(0, x);
    const hi = DV.getUint32(0);
    const lo = DV.getUint32(4);
    const neg = hi >>> 31 === 1;
    const field = (hi >>> 20) & 0x7ff;
    let mhi = hi & 0xfffff;
    let e: number;
    if (field === 0) {
      e = -1074;
    } else {
      mhi += 0x100000;
      e = field - 1075;
    }
    let m = mhi * 4294967296 + lo; // exact, < 2^53
    if (e >= 0) {
      const n = BigInt(m) << BigInt(e);
      return new Rational(neg ? -n : n, 1n);
    }
    // strip common factors of two (m is nonzero here)
    let tz: number;
    if (lo !== 0) tz = 31 - Math.clz32(lo & -lo);
    else tz = 32 + 31 - Math.clz32(mhi & -mhi);
    const shift = tz < -e ? tz : -e;
    m = m / 2 ** shift; // exact
    e += shift;
    const n = BigInt(m);
    return new Rational(neg ? -n : n, e === 0 ? 1n : 1n << BigInt(-e));
  }

  /**
   * The exact value of a float32 given as a JS number. The argument must be
   * exactly representable in binary32 (`Math.fround(x) === x`).
   * @throws RangeError otherwise (including NaN and ±Infinity).
   */
  static fromFloat32(x: number): Rational {
    if (Math.fround(x) !== x) throw new RangeError(`Rational.fromFloat32: not a float32 value: ${x}`);
    return Rational.fromFloat64(x);
  }

  /**
   * Parse `"p/q"`, `"-p/q"`, `"p"` (integers, optional sign on either part) or
   * an exact decimal such as `"-0.125"`, `"1e-3"`, `"+2.5E+10"`, `".5"`.
   * Surrounding whitespace is ignored. @throws SyntaxError on malformed input,
   * RangeError on a zero denominator.
   */
  static parse(s: string): Rational {
    const t = s.trim();
    const frac = /^([+-]?\d+)\s*\/\s*([+-]?\d+)$/.exec(t);
    if (frac) return Rational.of(BigInt(frac[1]!), BigInt(frac[2]!));
    const dec = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
    if (!dec || (dec[2] === '' && (dec[3] === undefined || dec[3] === ''))) {
      throw new SyntaxError(`Rational.parse: cannot parse ${JSON.stringify(s)}`);
    }
    const intPart = dec[2] ?? '';
    const fracPart = dec[3] ?? '';
    const exp = dec[4] === undefined ? 0 : Number(dec[4]);
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > 1_000_000) {
      throw new RangeError(`Rational.parse: exponent out of range in ${JSON.stringify(s)}`);
    }
    let n = BigInt((intPart + fracPart) || '0');
    if (dec[1] === '-') n = -n;
    const e10 = exp - fracPart.length;
    return e10 >= 0 ? Rational.of(n * 10n ** BigInt(e10)) : Rational.of(n, 10n ** BigInt(-e10));
  }

  /** Exact sum (0 for the empty list). */
  static sum(xs: readonly Rational[]): Rational {
    let acc = Rational.ZERO;
    for (const x of xs) acc = acc.add(x);
    return acc;
  }

  static min(a: Rational, b: Rational): Rational {
    return a.cmp(b) <= 0 ? a : b;
  }

  static max(a: Rational, b: Rational): Rational {
    return a.cmp(b) >= 0 ? a : b;
  }

  // ---------------------------------------------------------------- arithmetic

  /** Sum, by Knuth's gcd-splitting (TAOCP vol. 2, §4.5.1). */
  add(o: Rational): Rational {
    const a = this.num;
    const b = this.den;
    const c = o.num;
    const d = o.den;
    if (c === 0n) return this;
    if (a === 0n) return o;
    if (b === d) {
      const n = a + c;
      if (n === 0n) return Rational.ZERO;
      if (b === 1n) return new Rational(n, 1n);
      const g = gcd(n, b);
      return g === 1n ? new Rational(n, b) : new Rational(n / g, b / g);
    }
    // gcd(a*d + c, d) = gcd(c, d) = 1, so these are already canonical
    if (b === 1n) return new Rational(a * d + c, d);
    if (d === 1n) return new Rational(a + c * b, b);
    const g = gcd(b, d);
    if (g === 1n) return new Rational(a * d + c * b, b * d);
    const bg = b / g;
    const t = a * (d / g) + c * bg;
    if (t === 0n) return Rational.ZERO;
    const g2 = gcd(t, g);
    return g2 === 1n ? new Rational(t, bg * d) : new Rational(t / g2, bg * (d / g2));
  }

  sub(o: Rational): Rational {
    return this.add(o.neg());
  }

  /** Product, cross-cancelling first so that no final gcd is needed. */
  mul(o: Rational): Rational {
    const a = this.num;
    const b = this.den;
    const c = o.num;
    const d = o.den;
    if (a === 0n || c === 0n) return Rational.ZERO;
    if (b === 1n && d === 1n) return new Rational(a * c, 1n);
    const g1 = d === 1n ? 1n : gcd(a, d);
    const g2 = b === 1n ? 1n : gcd(c, b);
    const n = (g1 === 1n ? a : a / g1) * (g2 === 1n ? c : c / g2);
    const m = (g2 === 1n ? b : b / g2) * (g1 === 1n ? d : d / g1);
    return new Rational(n, m);
  }

  /** Quotient. @throws RangeError on division by zero. */
  div(o: Rational): Rational {
    const a = this.num;
    const b = this.den;
    const c = o.num;
    const d = o.den;
    if (c === 0n) throw new RangeError('Rational: division by zero');
    if (a === 0n) return Rational.ZERO;
    const g1 = gcd(a, c);
    const g2 = gcd(b, d);
    let n = (a / g1) * (d / g2);
    let m = (b / g2) * (c / g1);
    if (m < 0n) {
      n = -n;
      m = -m;
    }
    return new Rational(n, m);
  }

  neg(): Rational {
    return this.num === 0n ? this : new Rational(-this.num, this.den);
  }

  abs(): Rational {
    return this.num < 0n ? new Rational(-this.num, this.den) : this;
  }

  /** Reciprocal. @throws RangeError for zero. */
  inv(): Rational {
    if (this.num === 0n) throw new RangeError('Rational: inverse of zero');
    return this.num < 0n ? new Rational(-this.den, -this.num) : new Rational(this.den, this.num);
  }

  /** Integer power; `n` may be negative (then `this` must be nonzero). `0^0 = 1`. */
  pow(n: number): Rational {
    if (!Number.isSafeInteger(n)) throw new RangeError(`Rational.pow: exponent must be an integer: ${n}`);
    if (n === 0) return Rational.ONE;
    if (n < 0) return this.inv().pow(-n);
    if (this.num === 0n) return Rational.ZERO;
    const e = BigInt(n);
    // gcd(a^n, b^n) = 1 whenever gcd(a, b) = 1
    return new Rational(this.num ** e, this.den ** e);
  }

  // ---------------------------------------------------------------- comparison

  sign(): -1 | 0 | 1 {
    return this.num > 0n ? 1 : this.num < 0n ? -1 : 0;
  }

  cmp(o: Rational): -1 | 0 | 1 {
    if (this.den === o.den) return this.num < o.num ? -1 : this.num > o.num ? 1 : 0;
    const s = this.sign();
    const t = o.sign();
    if (s !== t) return s < t ? -1 : 1;
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  le(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }
  ge(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }

  // ---------------------------------------------------------------- integer rounding

  /** ⌊q⌋. */
  floor(): bigint {
    if (this.den === 1n) return this.num;
    return this.num >= 0n ? this.num / this.den : -((-this.num + this.den - 1n) / this.den);
  }

  /** ⌈q⌉. */
  ceil(): bigint {
    if (this.den === 1n) return this.num;
    return this.num >= 0n ? (this.num + this.den - 1n) / this.den : this.num / this.den;
  }

  /**
   * Round to an integer. `'half-up'` breaks ties towards +∞ and `'half-down'`
   * towards −∞ (NOT Java's HALF_UP/HALF_DOWN, which are away from / towards
   * zero — use `'half-away'` for the former).
   */
  round(mode: RoundingMode = 'half-even'): bigint {
    if (this.den === 1n) return this.num;
    const fl = this.floor();
    const r2 = (this.num - fl * this.den) << 1n; // in (0, 2·den)
    const c = r2 < this.den ? -1 : r2 > this.den ? 1 : 0;
    switch (mode) {
      case 'floor':
        return fl;
      case 'ceil':
        return fl + 1n;
      case 'trunc':
        return this.num < 0n ? fl + 1n : fl;
      case 'half-even':
        return c < 0 ? fl : c > 0 ? fl + 1n : (fl & 1n) === 0n ? fl : fl + 1n;
      case 'half-up':
        return c < 0 ? fl : fl + 1n;
      case 'half-down':
        return c > 0 ? fl + 1n : fl;
      case 'half-away':
        return c < 0 ? fl : c > 0 ? fl + 1n : this.num < 0n ? fl : fl + 1n;
      default:
        throw new RangeError(`Rational.round: unknown mode ${String(mode)}`);
    }
  }

  // ---------------------------------------------------------------- conversion

  /** `"p/q"`, or `"p"` when the denominator is 1. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  toJSON(): string {
    return this.toString();
  }

  /**
   * The double nearest to `q` (IEEE 754 roundTiesToEven), with gradual
   * underflow and overflow to ±Infinity. A nonzero negative value that
   * underflows to zero gives `-0` (the sign of an IEEE rounded result is the
   * sign of the exact value).
   */
  toFloat64(): number {
    const n = this.num;
    const d = this.den;
    if (d === 1n) {
      // Number(bigint) is correctly rounded (ECMA-262 §21.1.1.1 → ℝ→𝔽 rounding)
      return Number(n);
    }
    if (n < TWO53 && n > -TWO53 && d < TWO53) {
      // both operands exact doubles: one IEEE division is correctly rounded
      return Number(n) / Number(d);
    }
    const neg = n < 0n;
    const r = roundPositiveToBinary(neg ? -n : n, d, 53, -1022, 1023);
    if (r === null) return neg ? -Infinity : Infinity;
    return encodeFloat64(neg, r);
  }

  /**
   * The binary32 value nearest to `q` (roundTiesToEven, gradual underflow,
   * overflow to ±Infinity), returned as a JS number. Rounded directly from the
   * exact value — not `Math.fround(toFloat64())`, which can double-round.
   */
  toFloat32(): number {
    const n = this.num;
    if (n === 0n) return 0;
    const neg = n < 0n;
    const r = roundPositiveToBinary(neg ? -n : n, this.den, 24, -126, 127);
    if (r === null) return neg ? -Infinity : Infinity;
    return encodeFloat32(neg, r);
  }

  /**
   * Decimal string for humans, correctly rounded (ties to even) to `digits`
   * significant digits, with trailing zeros of the significand removed. Uses
   * plain notation when the decimal exponent `E` satisfies `−7 < E < 21` (as
   * JavaScript does), otherwise `d.ddde±E`. Zero gives `"0"`.
   */
  toDecimal(digits = 17): string {
    if (!Number.isSafeInteger(digits) || digits < 1) {
      throw new RangeError(`Rational.toDecimal: digits must be a positive integer: ${digits}`);
    }
    if (this.num === 0n) return '0';
    const neg = this.num < 0n;
    const n = neg ? -this.num : this.num;
    const d = this.den;
    // E = ⌊log10 q⌋: estimate from bit lengths, then correct
    let E = Math.floor((bigintBitLength(n) - bigintBitLength(d)) * LOG10_2);
    const cmpPow10 = (e: number): number => {
      // sign of q − 10^e
      const l = e >= 0 ? n : n * 10n ** BigInt(-e);
      const r = e >= 0 ? d * 10n ** BigInt(e) : d;
      return l < r ? -1 : l > r ? 1 : 0;
    };
    while (cmpPow10(E) < 0) E--;
    while (cmpPow10(E + 1) >= 0) E++;
    const s = digits - 1 - E;
    const scaled = s >= 0 ? Rational.of(n * 10n ** BigInt(s), d) : Rational.of(n, d * 10n ** BigInt(-s));
    let m = scaled.round('half-even');
    if (m === 10n ** BigInt(digits)) {
      m /= 10n;
      E += 1;
    }
    const ds = m.toString().replace(/0+$/, '');
    let body: string;
    if (E > -7 && E < 21) {
      if (E >= 0) {
        const ip = ds.length > E + 1 ? ds.slice(0, E + 1) : ds.padEnd(E + 1, '0');
        const fp = ds.length > E + 1 ? ds.slice(E + 1) : '';
        body = fp ? `${ip}.${fp}` : ip;
      } else {
        body = `0.${'0'.repeat(-E - 1)}${ds}`;
      }
    } else {
      body = `${ds[0]}${ds.length > 1 ? '.' + ds.slice(1) : ''}e${E >= 0 ? '+' : '-'}${Math.abs(E)}`;
    }
    return neg ? `-${body}` : body;
  }
}

function toBigInt(x: bigint | number): bigint {
  if (typeof x === 'bigint') return x;
  if (!Number.isSafeInteger(x)) throw new RangeError(`Rational: not a safe integer: ${x}`);
  return BigInt(x);
}
