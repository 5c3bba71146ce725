/**
 * Exact solution of a square rational system `A x = b` by p-adic (Dixon) lifting
 * with word-size primes held in float64 lanes.
 *
 * J. D. Dixon, "Exact solution of linear equations using p-adic expansions",
 * Numer. Math. 40 (1982) 137–141; the termination bound is Hadamard's, the
 * reconstruction Wang's (P. S. Wang, "A p-adic algorithm for univariate partial
 * fractions", SYMSAC 1981; von zur Gathen & Gerhard, *Modern Computer Algebra*,
 * Thm 5.26).
 *
 * 1. **Integers.** Each row of `[A | b]` is multiplied by the lcm of its
 *    denominators (for float-derived dyadic rows: the largest power of two),
 *    which does not change `x`. Entries below 2^53 stay JS numbers.
 * 2. **LU mod p.** `P A = L U mod p` for a prime
 *    `p < 2^24` (all products of two reduced values `< 2^48` are exact in
 *    float64). If `A` is singular mod `p`, two more primes are tried; if all
 *    three fail, {@link solveModular} returns `null` and the caller decides
 *    (matrix.ts falls back to Bareiss, which proves singularity or solves).
 * 3. **Lifting.** With `r₀ = b`: `dᵢ = A⁻¹ rᵢ mod p` (two triangular solves; balanced digits,
 *    `|dᵢ| ≤ (p−1)/2`), `rᵢ₊₁ = (rᵢ − A dᵢ)/p` (exact division). Then
 *    `A (Σ_{i<k} dᵢ pⁱ) ≡ b (mod pᵏ)`. Every `|rᵢ| ≤ K`, `K = 2^⌈log₂ max(‖b‖∞, n‖A‖max/2)⌉`
 *    (induction: `|rᵢ₊₁| ≤ (K + n‖A‖max (p−1)/2)/p ≤ K`), so `rᵢ + K ∈ [0, 2K]` is
 *    kept exactly in a residue number system of primes `q_j < 2^24` with
 *    `Π q_j > 2K` (division by `p` = multiplication by `p⁻¹ mod q_j`), and
 *    `rᵢ mod p` comes back by mixed-radix (Garner) base extension. Balanced
 *    residues keep every product `≤ (2^23 + 2)²`, so dot products accumulate up
 *    to {@link BLOCK} terms exactly before one reduction.
 * 4. **Termination (proved, not heuristic).** By Cramer, `xᵢ = yᵢ/det A` with
 *    `|det A| ≤ D = Π‖Aᵢ‖₂` and `|yᵢ| ≤ N = Π‖(Aᵢ, bᵢ)‖₂` (Hadamard; replacing a
 *    column of `A` by `b` gives rows no longer than `(Aᵢ, bᵢ)`). `D`, `N` are
 *    bounded above by powers of two computed with outward float margins, and
 *    `k` is the least count with `pᵏ > 2ND·2^⌈log₂(256n+1)⌉` (room for step 5). Then `Σ dᵢ pⁱ` is the balanced
 *    residue of `x mod pᵏ` and Wang's reconstruction (extended Euclid, stop at the
 *    first remainder `≤ N`) returns `x` exactly: two fractions with numerators
 *    `≤ N` and denominators `≤ D` congruent mod `pᵏ > 2ND` are equal.
 * 5. **Common denominator.** First `w = Σ cᵢ xᵢ` (fixed weights `1 ≤ cᵢ ≤ 2^8`; numerator
 *    `≤ N Σcᵢ`, which the digit count above also covers) is reconstructed; its denominator
 *    `L` divides `det A`, so `L ≤ D`. Each component is then tried as `z = L xᵢ mod pᵏ`:
 *    if `|z| ≤ N`, then `xᵢ = z/L` by the same uniqueness argument; otherwise (the sum
 *    can cancel small prime factors) that component is reconstructed on its own and
 *    `L` becomes the lcm. Lowest terms take one big gcd (see `lowestTerms`).
 * 6. **Output-sensitive exit.** Structured systems (Gram matrices plus λI, small
 *    integers, sparse ones) have solutions far below the Hadamard bound. After 8, 16,
 *    32, … digits (while under half the proven count) the same reconstruction is tried
 *    with balanced bounds and 2^20 to spare; a candidate is accepted only if
 *    `A (L x) = L b` holds exactly in integers, which proves it (A is nonsingular).
 *
 * The tests check every result against Bareiss on random systems (including
 * singular, rank-deficient, ill-conditioned and wide-exponent ones).
 */

import { Rational, bigintBitLength, gcd, lehmerCofactors } from './rational.js';

/**
 * {@link solveModular} declines systems whose row-scaled integer entries exceed this many bits
 * (Bareiss wins there; measured on entries m·2^e with |e| up to 1000).
 */
export const MODULAR_SOLVE_MAX_ENTRY_BITS = 256;

/** Below this order {@link solveVec} in matrix.ts keeps Bareiss (measured crossover). */
export const MODULAR_SOLVE_MIN_N = 12;

const TWO53 = 9007199254740992;
const BIG53 = 9007199254740992n;

function isPrime(m: number): boolean {
  if (m < 2 || m % 2 === 0) return m === 2;
  for (let d = 3; d * d <= m; d += 2) if (m % d === 0) return false;
  return true;
}

/** The 16 largest primes below 2^24, descending: candidates for the Dixon prime. */
const PRIMES: number[] = primesBelow(2 ** 24, 16);

/** The Dixon prime candidates, in the order {@link solveModular} tries them (for tests). */
export const DIXON_PRIMES: readonly number[] = PRIMES;

/** Primes below 15·2^20 (descending, grown on demand): the residue primes, distinct from {@link PRIMES}. */
const RNS_PRIMES: number[] = primesBelow(15 * 2 ** 20, 8);

function primesBelow(limit: number, count: number, into: number[] = []): number[] {
  let m = into.length > 0 ? into[into.length - 1]! - 2 : limit - 1;
  if (m % 2 === 0) m--;
  for (; into.length < count; m -= 2) if (isPrime(m)) into.push(m);
  return into;
}

/**
 * Products of two balanced residues are `≤ (2^23 + 2)²` in magnitude; this many
 * of them plus one reduced addend stay below 2^53, hence are summed exactly.
 */
const BLOCK = 120;

/** A balanced representative of `s mod p` with `|result| ≤ p/2 + 2` (for `|s| < 2^53`). */
function sym(s: number, p: number, pinv: number): number {
  return s - p * Math.round(s * pinv);
}

/** The canonical representative of `s mod p` in `[0, p)` (for `|s| < 2^53`). */
function canon(s: number, p: number, pinv: number): number {
  let r = s - p * Math.floor(s * pinv);
  if (r < 0) r += p;
  else if (r >= p) r -= p;
  return r;
}

/** `a⁻¹ mod m` for `gcd(a, m) = 1`, `0 ≤ a < m < 2^26` (extended Euclid in doubles). */
function invMod(a: number, m: number): number {
  let r0 = m;
  let r1 = a;
  let t0 = 0;
  let t1 = 1;
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 !== 1) throw new RangeError(`invMod: ${a} not invertible mod ${m}`);
  return t0 < 0 ? t0 + m : t0;
}

const bitLen = bigintBitLength;

function bitLenNum(x: number): number {
  x = Math.abs(x);
  if (x === 0) return 0;
  let e = Math.floor(Math.log2(x));
  if (2 ** e > x) e--;
  else if (2 ** (e + 1) <= x) e++;
  return e + 1;
}

/** Integer form of one row set: numbers where `< 2^53` in magnitude, BigInt otherwise. */
interface IntSystem {
  n: number;
  /** row-major n×n entries of the scaled A; `NaN` where the entry is in `big` */
  a: Float64Array;
  /** scaled b; `NaN` where the entry is in `bigB` */
  b: Float64Array;
  big: Map<number, bigint>;
  bigB: Map<number, bigint>;
}

function isPow2(d: bigint): boolean {
  return (d & (d - 1n)) === 0n;
}

/** Scales each row of `[A | b]` by the lcm of its denominators. */
function integerSystem(n: number, A: readonly Rational[], bv: readonly Rational[]): IntSystem {
  const a = new Float64Array(n * n);
  const b = new Float64Array(n);
  const big = new Map<number, bigint>();
  const bigB = new Map<number, bigint>();
  const put = (q: Rational, L: bigint, Lp: number, dst: Float64Array, idx: number, bigMap: Map<number, bigint>): void => {
    let v: bigint | null = null;
    if (q.num === 0n) {
      dst[idx] = 0;
      return;
    }
    if (q.den === L) v = q.num;
    else if (Lp >= 0) {
      // dyadic: L = 2^Lp, den = 2^e
      const shift = Lp - (bitLen(q.den) - 1);
      const m = q.num;
      if (m > -BIG53 && m < BIG53 && shift < 53) {
        const x = Number(m) * 2 ** shift;
        if (Math.abs(x) < TWO53) {
          dst[idx] = x;
          return;
        }
      }
      v = m << BigInt(shift);
    } else v = q.num * (L / q.den);
    if (v > -BIG53 && v < BIG53) dst[idx] = Number(v);
    else {
      dst[idx] = NaN;
      bigMap.set(idx, v);
    }
  };
  for (let i = 0; i < n; i++) {
    let L = 1n;
    let dyadic = true;
    for (let j = 0; j <= n; j++) {
      const d = j < n ? A[i * n + j]!.den : bv[i]!.den;
      if (d === 1n || d === L) continue;
      if (dyadic && isPow2(d)) {
        if (d > L) L = d;
        continue;
      }
      dyadic = false;
    }
    if (!dyadic) {
      L = 1n;
      for (let j = 0; j <= n; j++) {
        const d = j < n ? A[i * n + j]!.den : bv[i]!.den;
        if (d === 1n || L % d === 0n) continue;
        L = (L / gcd(L, d)) * d;
      }
    }
    const Lp = dyadic ? bitLen(L) - 1 : -1;
    for (let j = 0; j < n; j++) put(A[i * n + j]!, L, Lp, a, i * n + j, big);
    put(bv[i]!, L, Lp, b, i, bigB);
  }
  return { n, a, b, big, bigB };
}

/** Entry `idx` of a split array as a BigInt. */
function entryBig(arr: Float64Array, bigMap: Map<number, bigint>, idx: number): bigint {
  const x = arr[idx]!;
  return Number.isNaN(x) ? bigMap.get(idx)! : BigInt(x);
}

/** `entry mod m`, canonical, for a split array. */
function entryMod(arr: Float64Array, bigMap: Map<number, bigint>, idx: number, m: number): number {
  const x = arr[idx]!;
  if (!Number.isNaN(x)) {
    const r = x % m;
    return r < 0 ? r + m : r;
  }
  const r = Number(bigMap.get(idx)! % BigInt(m));
  return r < 0 ? r + m : r;
}

/**
 * An upper bound on `log₂ ‖v‖₂` for the integer row `v` (given as split entries),
 * with outward margins for the float64 evaluation. `-Infinity` for a zero row.
 */
function log2NormUpper(vals: number[], bigs: bigint[]): number {
  // the largest bit length decides a common scaling 2^-sh (only for big rows)
  let maxBits = 0;
  for (const v of bigs) maxBits = Math.max(maxBits, bitLen(v));
  const sh = maxBits > 500 ? maxBits - 500 : 0; // squares stay below 2^1000
  let s = 0;
  let terms = 0;
  const scale = 2 ** -sh;
  for (const x of vals) {
    if (x === 0) continue;
    const y = Math.abs(x) * scale; // exact scaling by a power of two (an underflow is covered by the +2y+1 below)
    s += y * y + (sh > 0 ? 2 * y + 1 : 0);
    terms++;
  }
  for (const v of bigs) {
    const y = Number((v < 0n ? -v : v) >> BigInt(sh)) + 1; // ≥ |v|/2^sh up to the rounding of Number()
    s += y * y;
    terms++;
  }
  if (terms === 0) return -Infinity;
  // each product and sum has relative error ≤ 2^-53 (Number(·) too): total ≤ (terms + 3)·2^-52
  s *= 1 + (terms + 4) * 2 ** -52;
  return sh + 0.5 * Math.log2(s) * (1 + 2 ** -40) + 1e-9;
}

/**
 * Wang's rational reconstruction: the fraction `a/b` (`b > 0`, `|a| ≤ N`, `b ≤ D`)
 * with `a ≡ b u (mod M)`, given `M > 2ND`; `null` if there is none.
 * `u` is any representative (reduced into `[0, M)` here).
 */
export function rationalReconstruct(u: bigint, M: bigint, N: bigint, D: bigint): [bigint, bigint] | null {
  let r0 = M;
  let r1 = u % M;
  if (r1 < 0n) r1 += M;
  let t0 = 0n;
  let t1 = 1n;
  const nBits = bitLen(N);
  // Lehmer (Knuth, TAOCP 2, §4.5.2, Algorithm L): a batch of quotients read off the
  // leading ~50 bits replaces many BigInt steps; it reproduces exactly the same
  // remainder sequence, and a batch that would pass the first remainder ≤ N is
  // discarded in favour of single steps, so the stopping index is the same.
  while (r1 > N) {
    const fa = Number(r0);
    const aBits = fa < Infinity ? Math.floor(Math.log2(fa)) + 1 : bitLen(r0);
    if (aBits - 60 > nBits) {
      const sh = BigInt(aBits - 51);
      const [A, B, C, Dd] = lehmerCofactors(Number(r0 >> sh), Number(r1 >> sh));
      if (B !== 0) {
        const bA = BigInt(A);
        const bB = BigInt(B);
        const bC = BigInt(C);
        const bD = BigInt(Dd);
        const nr1 = bC * r0 + bD * r1;
        if (nr1 > N) {
          const nr0 = bA * r0 + bB * r1;
          r0 = nr0;
          r1 = nr1;
          const nt0 = bA * t0 + bB * t1;
          t1 = bC * t0 + bD * t1;
          t0 = nt0;
          continue;
        }
      }
    }
    const q = r0 / r1;
    const r2 = r0 - q * r1;
    r0 = r1;
    r1 = r2;
    const t2 = t0 - q * t1;
    t0 = t1;
    t1 = t2;
  }
  if (t1 === 0n) return null;
  if (t1 < 0n) {
    t1 = -t1;
    r1 = -r1;
  }
  if (t1 > D) return null;
  return [r1, t1];
}

/** `P A = L U` modulo a prime `p`; see {@link luModP}. */
interface LUModP {
  /** row-major: strictly lower part = L (unit diagonal implied), upper part = U; balanced residues */
  LU: Float64Array;
  /** row `i` of `P A` is row `perm[i]` of `A` */
  perm: Int32Array;
  /** balanced `U_ii⁻¹ mod p` */
  uinv: Float64Array;
}

/**
 * LU factorisation of `A mod p` from its canonical residues `Ap` (destroyed), with
 * row pivoting on any nonzero entry; `null` if `A` is singular mod `p`.
 */
function luModP(Ap: Float64Array, n: number, p: number): LUModP | null {
  const pinv = 1 / p;
  const M = Ap;
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const uinv = new Float64Array(n);
  const h = (p - 1) / 2;
  for (let c = 0; c < n; c++) {
    let piv = -1;
    for (let i = c; i < n; i++)
      if (M[i * n + c] !== 0) {
        piv = i;
        break;
      }
    if (piv < 0) return null;
    if (piv !== c) {
      for (let j = 0; j < n; j++) {
        const t = M[c * n + j]!;
        M[c * n + j] = M[piv * n + j]!;
        M[piv * n + j] = t;
      }
      const t = perm[c]!;
      perm[c] = perm[piv]!;
      perm[piv] = t;
    }
    const inv = invMod(M[c * n + c]!, p);
    uinv[c] = inv > h ? inv - p : inv;
    eliminateBelow(M, n, c, p, pinv, inv);
  }
  for (let k = 0; k < n * n; k++) {
    const v = M[k]!;
    if (v > h) M[k] = v - p;
  }
  return { LU: M, perm, uinv };
}

/** One column of the elimination: multipliers into column `c`, rows below updated (canonical residues). */
function eliminateBelow(M: Float64Array, n: number, c: number, p: number, pinv: number, inv: number): void {
  const rc = c * n;
  for (let i = c + 1; i < n; i++) {
    const ri = i * n;
    const v = M[ri + c]!;
    if (v === 0) continue;
    const f = canon(v * inv, p, pinv);
    M[ri + c] = f;
    const g = p - f; // −f mod p
    for (let j = c + 1; j < n; j++) M[ri + j] = canon(M[ri + j]! + g * M[rc + j]!, p, pinv);
  }
}

/** `d = A⁻¹ r mod p` in balanced digits (`|dᵢ| ≤ (p−1)/2`) from the LU factors; `y` is scratch. */
function luSolve(F: LUModP, r: Float64Array, d: Float64Array, y: Float64Array, n: number, p: number, pinv: number): void {
  const { LU, perm, uinv } = F;
  const hp = (p - 1) / 2;
  for (let i = 0; i < n; i++) y[i] = dotBlocked(LU, i * n, y, 0, i, r[perm[i]!]!, p, pinv);
  for (let i = n - 1; i >= 0; i--) {
    const acc = dotBlocked(LU, i * n, d, i + 1, n, y[i]!, p, pinv);
    let v = sym(acc * uinv[i]!, p, pinv);
    if (v > hp) v -= p;
    else if (v < -hp) v += p;
    d[i] = v;
  }
}

/**
 * `rbar ← (r mod p)` balanced, for `r = s − K` given by its canonical residues `s[j]` modulo
 * the residue primes (Garner's mixed radix digits, then their weights mod p).
 */
function baseExtend(
  s: Float64Array[],
  rbar: Float64Array,
  n: number,
  m: number,
  qs: Float64Array,
  qinv: Float64Array,
  garner: Float64Array,
  Wp: Float64Array,
  Kmodp: number,
  p: number,
  pinv: number,
  vdig: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let j = 0; j < m; j++) {
      const q = qs[j]!;
      const qi = qinv[j]!;
      let v = s[j]![i]!;
      for (let l = 0; l < j; l++) v = canon((v - vdig[l]!) * garner[j * m + l]!, q, qi);
      vdig[j] = v;
      acc += canon(v * Wp[j]!, p, pinv);
    }
    rbar[i] = sym(acc - Kmodp, p, pinv);
  }
}

/** `s ← (s − A d + kt)·p⁻¹ mod q` (canonical residues in, canonical out). */
function residualStep(Aj: Float64Array, sj: Float64Array, d: Float64Array, n: number, q: number, qi: number, kt: number, pi: number): void {
  for (let i = 0; i < n; i++) {
    const acc = dotBlocked(Aj, i * n, d, 0, n, sj[i]! + kt, q, qi);
    sj[i] = canon(acc * pi, q, qi);
  }
}

/** {@link residualStep} for two residue primes in one pass over `d` (two accumulators each). */
function residualStep2(
  A1: Float64Array,
  A2: Float64Array,
  s1: Float64Array,
  s2: Float64Array,
  d: Float64Array,
  n: number,
  q1: number,
  q2: number,
  kt1: number,
  kt2: number,
  pi1: number,
  pi2: number,
): void {
  const qi1 = 1 / q1;
  const qi2 = 1 / q2;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let acc1 = s1[i]! + kt1;
    let acc2 = s2[i]! + kt2;
    for (let b0 = 0; b0 < n; b0 += BLOCK) {
      const end = b0 + BLOCK < n ? b0 + BLOCK : n;
      let a0 = 0;
      let a1 = 0;
      let c0 = 0;
      let c1 = 0;
      let k = b0;
      for (; k + 1 < end; k += 2) {
        const dk = d[k]!;
        const dk1 = d[k + 1]!;
        a0 += A1[row + k]! * dk;
        c0 += A2[row + k]! * dk;
        a1 += A1[row + k + 1]! * dk1;
        c1 += A2[row + k + 1]! * dk1;
      }
      if (k < end) {
        a0 += A1[row + k]! * d[k]!;
        c0 += A2[row + k]! * d[k]!;
      }
      acc1 = sym(acc1 - (a0 + a1), q1, qi1);
      acc2 = sym(acc2 - (c0 + c1), q2, qi2);
    }
    s1[i] = canon(acc1 * pi1, q1, qi1);
    s2[i] = canon(acc2 * pi2, q2, qi2);
  }
}

/**
 * `sym(start − Σ_{k∈[k0,k1)} M[row + k]·v[k])` mod `q`, exactly: four independent
 * accumulators (for instruction-level parallelism), each a sub-sum of at most
 * {@link BLOCK} products, so every partial and total stays below 2^53.
 */
function dotBlocked(M: Float64Array, row: number, v: Float64Array, k0: number, k1: number, start: number, q: number, qi: number): number {
  let acc = start;
  for (let b0 = k0; b0 < k1; b0 += BLOCK) {
    const end = b0 + BLOCK < k1 ? b0 + BLOCK : k1;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let k = b0;
    for (; k + 3 < end; k += 4) {
      a0 += M[row + k]! * v[k]!;
      a1 += M[row + k + 1]! * v[k + 1]!;
      a2 += M[row + k + 2]! * v[k + 2]!;
      a3 += M[row + k + 3]! * v[k + 3]!;
    }
    for (; k < end; k++) a0 += M[row + k]! * v[k]!;
    acc = sym(acc - (a0 + a1 + (a2 + a3)), q, qi);
  }
  return acc;
}

/** Balanced (symmetric) residues of the scaled A mod m, row-major. */
function matMod(S: IntSystem, m: number): Float64Array {
  const n = S.n;
  const out = new Float64Array(n * n);
  const h = (m - 1) / 2;
  for (let k = 0; k < n * n; k++) {
    const r = entryMod(S.a, S.big, k, m);
    out[k] = r > h ? r - m : r;
  }
  return out;
}

/** Statistics of the last {@link solveModular} call (for tests and the bench). */
export interface ModularSolveStats {
  /** solved; `A` singular modulo every prime tried; or declined because of wide entries */
  outcome: 'solved' | 'singular-mod-p' | 'declined-wide';
  /** log₂ of the Hadamard bounds on numerators and the denominator (0 unless solved) */
  boundBits?: { num: number; den: number };
  /** Dixon prime used */
  p: number;
  /** number of p-adic digits lifted */
  steps: number;
  /** whether an early candidate (verified exactly) ended the lifting before the Hadamard bound */
  earlyExit?: boolean;
  /** early reconstruction attempts made */
  checkpoints?: number;
  /** residue primes carrying the residual */
  rnsPrimes: number;
  /** primes rejected because A was singular modulo them */
  rejectedPrimes: number;
  /** components that needed their own rational reconstruction */
  reconstructions: number;
  /** wall time of the phases, ms (null unless solved) */
  ms: null | { setup: number; lift: number; assemble: number; reconstruct: number; lowestTerms: number };
}

let lastStats: ModularSolveStats | null = null;

/** Statistics of the most recent {@link solveModular} call (null before any). */
export function lastModularSolveStats(): ModularSolveStats | null {
  return lastStats;
}

/**
 * The exact solution of `A x = b`, `A` square of order `n` given row-major as
 * rationals, by Dixon lifting (see the module comment for the proof of
 * correctness). Returns `null` when `A` is singular modulo each of the primes
 * tried, which happens when `A` is singular (and, with probability ≈ 3·2⁻²⁴ⁿ…
 * negligible but possible, for a nonsingular `A` whose determinant they divide):
 * the caller then falls back to an exact elimination that decides singularity.
 *
 * It also returns `null`, without lifting, when some entry of the row-scaled system
 * has more than `maxEntryBits` bits (default {@link MODULAR_SOLVE_MAX_ENTRY_BITS}):
 * the residual then needs many residue primes and Bareiss is faster (measured).
 * {@link lastModularSolveStats} tells which case happened.
 *
 * @param options.primeOffset start at the `primeOffset`-th Dixon prime (tests use it to vary the prime)
 * @throws RangeError on shape mismatch
 */
export function solveModular(
  n: number,
  A: readonly Rational[],
  b: readonly Rational[],
  options: { primeOffset?: number; maxEntryBits?: number } = {},
): Rational[] | null {
  const primeOffset = options.primeOffset ?? 0;
  const maxEntryBits = options.maxEntryBits ?? MODULAR_SOLVE_MAX_ENTRY_BITS;
  if (A.length !== n * n || b.length !== n) throw new RangeError(`solveModular: A has ${A.length} entries and b ${b.length} for n = ${n}`);
  if (n === 0) return [];
  const t0 = performance.now();
  const S = integerSystem(n, A, b);
  let widest = 0;
  for (const v of S.big.values()) widest = Math.max(widest, bitLen(v));
  for (const v of S.bigB.values()) widest = Math.max(widest, bitLen(v));
  if (widest > maxEntryBits) {
    lastStats = { outcome: 'declined-wide', p: 0, steps: 0, rnsPrimes: 0, rejectedPrimes: 0, reconstructions: 0, ms: null };
    return null;
  }

  // ---- inverse modulo a prime p not dividing det A
  let p = 0;
  let C: LUModP | null = null;
  let rejected = 0;
  for (let t = 0; t < 3 && !C; t++) {
    p = PRIMES[(primeOffset + t) % PRIMES.length]!;
    const Ap = new Float64Array(n * n);
    for (let k = 0; k < n * n; k++) Ap[k] = entryMod(S.a, S.big, k, p);
    C = luModP(Ap, n, p);
    if (!C) rejected++;
  }
  if (!C) {
    lastStats = { outcome: 'singular-mod-p', p, steps: 0, rnsPrimes: 0, rejectedPrimes: rejected, reconstructions: 0, ms: null };
    return null;
  }
  const pinv = 1 / p;
  const hp = (p - 1) / 2;

  // ---- Hadamard bounds (log2, upper) and the digit count
  let log2D = 0;
  let log2N = 0;
  let amaxBits = 0;
  let bmaxBits = 0;
  for (let i = 0; i < n; i++) {
    const vals: number[] = [];
    const bigs: bigint[] = [];
    let rowMax = 0;
    for (let j = 0; j < n; j++) {
      const x = S.a[i * n + j]!;
      if (Number.isNaN(x)) {
        const v = S.big.get(i * n + j)!;
        bigs.push(v);
        amaxBits = Math.max(amaxBits, bitLen(v));
      } else {
        vals.push(x);
        const ax = x < 0 ? -x : x;
        if (ax > rowMax) rowMax = ax;
      }
    }
    amaxBits = Math.max(amaxBits, bitLenNum(rowMax));
    const lA = log2NormUpper(vals, bigs);
    // A nonsingular mod p has no zero row
    log2D += lA;
    const xb = S.b[i]!;
    if (Number.isNaN(xb)) {
      const v = S.bigB.get(i)!;
      bigs.push(v);
      bmaxBits = Math.max(bmaxBits, bitLen(v));
    } else {
      vals.push(xb);
      bmaxBits = Math.max(bmaxBits, bitLenNum(xb));
    }
    log2N += Math.max(lA, log2NormUpper(vals, bigs));
  }
  const Nexp = Math.max(0, Math.ceil(log2N + 1e-6 * (1 + Math.abs(log2N))));
  const Dexp = Math.max(0, Math.ceil(log2D + 1e-6 * (1 + Math.abs(log2D))));
  const Nbound = 1n << BigInt(Nexp);
  const Dbound = 1n << BigInt(Dexp);
  const log2p = Math.log2(p) - 1e-9;
  // + the bits of Σcᵢ ≤ 255·n for the combined reconstruction below
  const steps = Math.max(1, Math.ceil((Nexp + Dexp + 2 + Math.ceil(Math.log2(256 * n + 1))) / log2p));

  // ---- residue number system for r + K, K = 2^Kexp ≥ max(‖b‖∞, n‖A‖max/2)
  const Kexp = Math.max(bmaxBits, amaxBits + Math.ceil(Math.log2(n)));
  let m = 0;
  let covered = 0;
  while (covered < Kexp + 2) {
    if (m === RNS_PRIMES.length) primesBelow(0, 2 * m, RNS_PRIMES);
    covered += Math.log2(RNS_PRIMES[m++]!) - 1e-9;
  }
  const qs = RNS_PRIMES.slice(0, m);
  const qinv = qs.map((q) => 1 / q);
  const Aq = qs.map((q) => matMod(S, q));
  const Kbig = 1n << BigInt(Kexp);
  const pinvq = qs.map((q) => {
    const v = invMod(p % q, q);
    return v > (q - 1) / 2 ? v - q : v;
  }); // balanced p⁻¹ mod q
  const Kterm = qs.map((q) => {
    const v = Number((Kbig * BigInt(p - 1)) % BigInt(q));
    return v > (q - 1) / 2 ? v - q : v;
  }); // balanced K(p−1) mod q
  // Garner constants: inverse of q_l mod q_j (l < j); weights W_j = Π_{l<j} q_l mod p
  const garner: number[][] = qs.map((qj, j) => qs.slice(0, j).map((ql) => invMod(ql % qj, qj)));
  const Wp: number[] = [];
  {
    let w = 1;
    for (let j = 0; j < m; j++) {
      Wp.push(w);
      w = canon(w * (qs[j]! % p), p, pinv);
    }
  }
  const Kmodp = Number(Kbig % BigInt(p));
  const qsF = Float64Array.from(qs);
  const qinvF = Float64Array.from(qinv);
  const WpF = Float64Array.from(Wp);
  const garnerF = new Float64Array(m * m); // garnerF[j·m + l] = q_l⁻¹ mod q_j
  for (let j = 0; j < m; j++) for (let l = 0; l < j; l++) garnerF[j * m + l] = garner[j]![l]!;

  // s = r + K in RNS (canonical residues), and r mod p (balanced)
  const s: Float64Array[] = qs.map(() => new Float64Array(n));
  const rbar = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const bi = S.b[i]!;
    if (!Number.isNaN(bi) && Kexp <= 51) {
      const v = bi + 2 ** Kexp; // exact, in [0, 2^53)
      for (let j = 0; j < m; j++) s[j]![i] = v % qs[j]!;
      const r = bi % p;
      rbar[i] = r > hp ? r - p : r < -hp ? r + p : r;
    } else {
      const v = entryBig(S.b, S.bigB, i) + Kbig;
      for (let j = 0; j < m; j++) s[j]![i] = Number(v % BigInt(qs[j]!));
      const r = entryMod(S.b, S.bigB, i, p);
      rbar[i] = r > hp ? r - p : r;
    }
  }

  // ---- lifting
  const tSetup = performance.now();
  const digits = new Float64Array(steps * n);
  const d = new Float64Array(n);
  const y = new Float64Array(n);
  const vdig = new Float64Array(m);
  // weights of the combination w = Σ cᵢ xᵢ (see the reconstruction below) and its digit sums
  const cw = new Float64Array(n);
  let csum = 0;
  for (let i = 0; i < n; i++) {
    cw[i] = 1 + ((i * 0x9e3779b1) >>> 24);
    csum += cw[i]!;
  }
  const cbits = Math.ceil(Math.log2(csum + 1));
  const wdig = new Float64Array(steps);
  let nextCheck = 8;
  let early: { nums: bigint[]; L: bigint } | null = null;
  let attempts = 0;
  let lifted = steps;
  for (let t = 0; t < steps; t++) {
    // d = A⁻¹ rbar mod p, balanced
    luSolve(C, rbar, d, y, n, p, pinv);
    digits.set(d, t * n);
    let wt = 0;
    for (let i = 0; i < n; i++) wt += cw[i]! * d[i]!; // |wt| ≤ 255·n·2^23: exact
    wdig[t] = wt;
    if (t === steps - 1) break;
    if (t + 1 === nextCheck && 2 * nextCheck < steps) {
      // Output-sensitive exit: try the reconstruction from t + 1 digits; accepted only if
      // the candidate satisfies A x = b exactly (then it is the solution: A is nonsingular).
      nextCheck *= 2;
      attempts++;
      early = earlyCandidate(digits, wdig, n, t + 1, p, cbits, S);
      if (early) {
        lifted = t + 1;
        break;
      }
    }
    // s ← (s − A d + K(p−1)) / p in each residue field
    let j = 0;
    for (; j + 1 < m; j += 2) residualStep2(Aq[j]!, Aq[j + 1]!, s[j]!, s[j + 1]!, d, n, qs[j]!, qs[j + 1]!, Kterm[j]!, Kterm[j + 1]!, pinvq[j]!, pinvq[j + 1]!);
    if (j < m) residualStep(Aq[j]!, s[j]!, d, n, qs[j]!, qinv[j]!, Kterm[j]!, pinvq[j]!);
    // base extension: (s mod p) − K mod p
    baseExtend(s, rbar, n, m, qsF, qinvF, garnerF, WpF, Kmodp, p, pinv, vdig);
  }

  const tLift = performance.now();
  if (early) {
    const out = lowestTerms(early.nums, new Array<bigint>(n).fill(early.L), new Array<boolean>(n).fill(false), early.L);
    const tEnd = performance.now();
    lastStats = {
      outcome: 'solved',
      boundBits: { num: Nexp, den: Dexp },
      p,
      steps: lifted,
      earlyExit: true,
      checkpoints: attempts,
      rnsPrimes: m,
      rejectedPrimes: rejected,
      reconstructions: 1,
      ms: { setup: tSetup - t0, lift: tLift - tSetup, assemble: 0, reconstruct: 0, lowestTerms: tEnd - tLift },
    };
    return out;
  }
  // ---- x mod p^k (balanced) as BigInts
  const X: bigint[] = new Array(n);
  for (let i = 0; i < n; i++) X[i] = assemble(digits, i, n, steps, p);
  const M = powBig(BigInt(p), steps);

  const tAsm = performance.now();
  // ---- reconstruction with a common denominator
  const half = M >> 1n;
  const nums: bigint[] = new Array(n);
  const dens: bigint[] = new Array(n);
  const reduced: boolean[] = new Array(n).fill(false);
  let L = 0n;
  let reconstructions = 0;
  if (n > 1) {
    // w = Σ cᵢ xᵢ (cᵢ ∈ [1, 2^8], fixed) has numerator ≤ N·Σcᵢ and denominator
    // dividing det A; its denominator is usually the lcm of all of them, so one
    // reconstruction serves every component (each is still proved by the test below).
    let W = 0n;
    for (let i = 0; i < n; i++) W += BigInt(cw[i]!) * X[i]!;
    const Nw = Nbound << BigInt(cbits);
    if (Nw <= (M >> 1n) / Dbound) {
      const rr = rationalReconstruct(W, M, Nw, Dbound);
      reconstructions++;
      if (rr && rr[0] !== 0n) {
        const g = gcd(rr[0], rr[1]);
        L = rr[1] / g;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const xi = X[i]!;
    if (xi === 0n) {
      nums[i] = 0n;
      dens[i] = 1n;
      continue;
    }
    if (L !== 0n) {
      let z = (L * xi) % M;
      if (z > half) z -= M;
      else if (z < -half) z += M;
      if ((z < 0n ? -z : z) <= Nbound) {
        nums[i] = z;
        dens[i] = L;
        continue;
      }
    }
    const rr = rationalReconstruct(xi, M, Nbound, Dbound);
    reconstructions++;
    if (!rr) throw new Error('solveModular: rational reconstruction failed (violated Hadamard bound: a bug)');
    const g = gcd(rr[0], rr[1]);
    nums[i] = rr[0] / g;
    dens[i] = rr[1] / g;
    reduced[i] = true;
    L = L === 0n ? dens[i]! : (L / gcd(L, dens[i]!)) * dens[i]!;
  }
  const tRecon = performance.now();
  const out = lowestTerms(nums, dens, reduced, L);
  const tEnd = performance.now();
  lastStats = { outcome: 'solved', boundBits: { num: Nexp, den: Dexp }, p, steps, earlyExit: false, checkpoints: attempts, rnsPrimes: m, rejectedPrimes: rejected, reconstructions, ms: { setup: tSetup - t0, lift: tLift - tSetup, assemble: tAsm - tLift, reconstruct: tRecon - tAsm, lowestTerms: tEnd - tRecon } };
  return out;
}

/** `bᵉ` for `e ≥ 0`. */
function powBig(b: bigint, e: number): bigint {
  let r = 1n;
  while (e > 0) {
    if (e & 1) r *= b;
    b *= b;
    e >>= 1;
  }
  return r;
}

/**
 * `Σ_{t<T} digits[t·stride + i]·pᵗ` as a BigInt. Balanced digits (`|d| < p/2 < 2^23`) are
 * paired in base p² first (`|hi·p + lo| < 2^47`, exact in doubles); other integer digits
 * below 2^53 (`paired = false`) one by one. Then a binary tree of BigInt products.
 */
function assemble(digits: Float64Array, i: number, stride: number, T: number, p: number, paired = true): bigint {
  const len0 = paired ? (T + 1) >> 1 : T;
  const work: bigint[] = new Array(len0);
  if (paired) {
    for (let j = 0; j < len0; j++) {
      const lo = digits[2 * j * stride + i]!;
      const hi = 2 * j + 1 < T ? digits[(2 * j + 1) * stride + i]! : 0;
      work[j] = BigInt(hi * p + lo);
    }
  } else for (let j = 0; j < T; j++) work[j] = BigInt(digits[j * stride + i]!);
  const pairs = len0;
  let f = paired ? BigInt(p) * BigInt(p) : BigInt(p);
  let len = pairs;
  while (len > 1) {
    let w = 0;
    for (let j = 0; j + 1 < len; j += 2) work[w++] = work[j]! + work[j + 1]! * f;
    if (len & 1) work[w++] = work[len - 1]!;
    len = w;
    if (len > 1) f *= f;
  }
  return pairs === 0 ? 0n : work[0]!;
}

/**
 * An early candidate from the first `T` digits: reconstruct `w = Σ cᵢ xᵢ` with balanced
 * bounds (2^20 to spare, so a spurious success is rare), take its denominator `L`, require
 * every `L xᵢ mod pᵀ` to be small (or, for at most four components, reconstruct them on
 * their own and extend `L`), and accept only if `A (L x) = L b` holds exactly.
 */
function earlyCandidate(digits: Float64Array, wdig: Float64Array, n: number, T: number, p: number, cbits: number, S: IntSystem): { nums: bigint[]; L: bigint } | null {
  const bitsM = Math.floor(T * Math.log2(p) - 1e-6);
  const dExp = Math.floor((bitsM - 22 - cbits) / 2);
  if (dExp < 1) return null;
  const M = powBig(BigInt(p), T);
  const W = assemble(wdig, 0, 1, T, p, false); // digit sums: |·| ≤ 256·n·2^23, not balanced digits
  const rr = rationalReconstruct(W, M, 1n << BigInt(dExp + cbits), 1n << BigInt(dExp));
  if (!rr || rr[0] === 0n) return null;
  let L = rr[1] / gcd(rr[0], rr[1]);
  const half = M >> 1n;
  const Nt = 1n << BigInt(dExp);
  const nums: bigint[] = new Array(n);
  const dens: bigint[] = new Array(n);
  let own = 0;
  for (let i = 0; i < n; i++) {
    const xi = assemble(digits, i, n, T, p);
    let z = (L * xi) % M;
    if (z > half) z -= M;
    else if (z < -half) z += M;
    if ((z < 0n ? -z : z) <= Nt) {
      nums[i] = z;
      dens[i] = L;
      continue;
    }
    // w's denominator can miss small prime factors (cancellation in Σ cᵢ xᵢ): reconstruct this one
    if (++own > 4) return null;
    const ri = rationalReconstruct(xi, M, Nt, Nt);
    if (!ri) return null;
    const g = gcd(ri[0], ri[1]);
    nums[i] = ri[0] / g;
    dens[i] = ri[1] / g;
    L = (L / gcd(L, dens[i]!)) * dens[i]!;
  }
  for (let i = 0; i < n; i++) if (dens[i] !== L) nums[i] = nums[i]! * (L / dens[i]!);
  // exact check A z = L b on the row-scaled integer system (same solution set as A x = b)
  for (let i = 0; i < n; i++) {
    let acc = -L * entryBig(S.b, S.bigB, i);
    for (let j = 0; j < n; j++) {
      const z = nums[j]!;
      if (z === 0n) continue;
      const a = S.a[i * n + j]!;
      if (a === 0) continue;
      acc += (Number.isNaN(a) ? S.big.get(i * n + j)! : BigInt(a)) * z;
    }
    if (acc !== 0n) return null;
  }
  return { nums, L };
}

/**
 * Lowest terms. Let G = gcd(Π numᵢ mod L, L) over the components not yet reduced
 * (their denominators divide L). A prime power dividing numᵢ and L divides the
 * product and L, hence G; so gcd(numᵢ, L) = gcd(numᵢ mod G, G), and
 * gcd(numᵢ, denᵢ) = gcd(that, denᵢ): one big gcd, and small ones only when G > 1.
 */
function lowestTerms(nums: bigint[], dens: bigint[], reduced: boolean[], L: bigint): Rational[] {
  const n = nums.length;
  let Z = 1n;
  if (L > 1n) for (let i = 0; i < n; i++) if (!reduced[i] && nums[i] !== 0n) Z = (Z * nums[i]!) % L;
  const G = L > 1n ? gcd(Z, L) : 1n;
  const out: Rational[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const num = nums[i]!;
    const den = dens[i]!;
    if (num === 0n) out[i] = Rational.ZERO;
    else if (reduced[i] || G === 1n) out[i] = Rational.unchecked(num, den);
    else {
      let r = num % G;
      if (r < 0n) r += G;
      const g = gcd(gcd(r, G), den);
      out[i] = g === 1n ? Rational.unchecked(num, den) : Rational.unchecked(num / g, den / g);
    }
  }
  return out;
}
