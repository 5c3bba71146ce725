/**
 * Exact oracle for the linear-chain CRF: path scores, brute-force Viterbi with all optimal paths,
 * tie-aware acceptance of a decoded path, and a rigorous enclosure of log Z.
 *
 * The course notes (seeds/004_975819c312b074f9.txt ≈ l. 1013–1040; seeds/003 ≈ l. 673) say:
 *  - "LSTM gives scores for each tag (emission scores)"; "CRF “knows” these rules because it learns
 *    a **transition matrix**"; "CRF decides the **best sequence** considering all transitions";
 *    "it finds the **best global tag sequence** for the entire sentence. This is done using the
 *    **Viterbi algorithm**."
 *  - 003: the softmax label distribution "can be passed to a conditional random field (CRF) layer
 *    which can take global tag-level transitions into account."
 * The notes give no formula; we use the standard one built from exactly those two ingredients
 * (emission scores and a transition matrix), with optional start/end vectors (as in
 * pytorch-crf / TF-Addons' `crf_log_likelihood` with boundary transitions):
 *
 *   score(y) = start[y_0] + Σ_{t=0}^{T−1} E[t][y_t] + Σ_{t=1}^{T−1} A[y_{t−1}][y_t] + end[y_{T−1}],
 *   Z = Σ_y exp(score(y)),  P(y | x) = exp(score(y)) / Z,
 *
 * A[i][j] being the score of the transition i → j (row = previous tag). Absent start/end mean 0.
 *
 * Empty sequence (T = 0): there is exactly one (empty) path, its score is 0 (start/end are not
 * applied: there is no first or last tag), so Viterbi returns `[]` with score 0 and log Z = 0.
 * The number of tags L is `transitions.length` (≥ 1).
 *
 * Float inputs are converted exactly (`Rational.fromFloat64`); all scores are exact rationals.
 * log Z is enclosed with the FAST tier (src/numerics/interval.ts): each exact path score is enclosed
 * by its tightest float64 interval (`encloseRational`), then `logSumExp` over those intervals
 * (rigorous under that module's documented ulp allowance for Math.exp / Math.log).
 *
 * This module never imports an implementation.
 */
import { Rational } from '../numerics/rational.js';
import { logSumExp, Interval, point, add as ivAdd, log as ivLog, sub as ivSub, exp as ivExp } from '../numerics/interval.js';
import { encloseRational } from '../numerics/enclose.js';
import { logSumExpR } from '../numerics/precise.js';

export interface CrfArgs {
  /** T × L emission scores E[t][label]. */
  emissions: number[][];
  /** L × L transition scores, A[i][j] = score of i → j. */
  transitions: number[][];
  /** Optional L start scores (added for the first tag). */
  start?: number[];
  /** Optional L end scores (added for the last tag). */
  end?: number[];
}

/** Largest number of paths the brute-force routines will enumerate. */
export const MAX_PATHS = 200_000;

/** Exact (Rational) copy of the arguments. */
interface ExactCrf {
  T: number;
  L: number;
  E: Rational[][];
  A: Rational[][];
  start: Rational[] | null;
  end: Rational[] | null;
}

function finite(x: number, what: string): Rational {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new RangeError(`crf: ${what} must be a finite number, got ${x}`);
  return Rational.fromFloat64(x);
}

/** Validate shapes/values and convert exactly. @throws RangeError on a malformed CRF. */
export function exactCrf(args: CrfArgs): ExactCrf {
  const L = args.transitions.length;
  if (L < 1) throw new RangeError('crf: need at least one label');
  const A = args.transitions.map((row, i) => {
    if (row.length !== L) throw new RangeError(`crf: transitions must be ${L}×${L}`);
    return row.map((x, j) => finite(x, `transitions[${i}][${j}]`));
  });
  const T = args.emissions.length;
  const E = args.emissions.map((row, t) => {
    if (row.length !== L) throw new RangeError(`crf: emissions[${t}] must have ${L} entries`);
    return row.map((x, j) => finite(x, `emissions[${t}][${j}]`));
  });
  const vec = (v: number[] | undefined, name: string): Rational[] | null => {
    if (v === undefined) return null;
    if (v.length !== L) throw new RangeError(`crf: ${name} must have ${L} entries`);
    return v.map((x, j) => finite(x, `${name}[${j}]`));
  };
  return { T, L, E, A, start: vec(args.start, 'start'), end: vec(args.end, 'end') };
}

/** The terms of score(path) in the order start, E[0], A, E[1], …, end (exact). */
function terms(c: ExactCrf, path: readonly number[]): Rational[] {
  if (path.length !== c.T) throw new RangeError(`crf: path length ${path.length} ≠ T = ${c.T}`);
  for (const y of path) if (!Number.isInteger(y) || y < 0 || y >= c.L) throw new RangeError(`crf: bad label ${y}`);
  if (c.T === 0) return [];
  const out: Rational[] = [];
  if (c.start) out.push(c.start[path[0]!]!);
  out.push(c.E[0]![path[0]!]!);
  for (let t = 1; t < c.T; t++) {
    out.push(c.A[path[t - 1]!]![path[t]!]!);
    out.push(c.E[t]![path[t]!]!);
  }
  if (c.end) out.push(c.end[path[c.T - 1]!]!);
  return out;
}

/** Exact score of a label path. */
export function pathScore(args: CrfArgs, path: readonly number[]): Rational {
  return Rational.sum(terms(exactCrf(args), path));
}

/** Exact Σ |term| of a path (the quantity float error bounds scale with). */
export function pathAbsSum(args: CrfArgs, path: readonly number[]): Rational {
  return Rational.sum(terms(exactCrf(args), path).map((x) => x.abs()));
}

/** Number of score terms of a path: T emissions + (T − 1) transitions (+ start, + end); 0 if T = 0. */
export function termCount(args: CrfArgs): number {
  const T = args.emissions.length;
  if (T === 0) return 0;
  return 2 * T - 1 + (args.start ? 1 : 0) + (args.end ? 1 : 0);
}

/** max over all paths of Σ|terms|, by an exact max-plus DP on absolute values (no enumeration). */
export function maxPathAbsSum(args: CrfArgs): Rational {
  const c = exactCrf(args);
  if (c.T === 0) return Rational.ZERO;
  const abs = (v: Rational[] | null, j: number) => (v ? v[j]!.abs() : Rational.ZERO);
  let d = Array.from({ length: c.L }, (_, j) => abs(c.start, j).add(c.E[0]![j]!.abs()));
  for (let t = 1; t < c.T; t++) {
    d = Array.from({ length: c.L }, (_, j) => {
      let m: Rational | null = null;
      for (let i = 0; i < c.L; i++) {
        const v = d[i]!.add(c.A[i]![j]!.abs());
        if (m === null || v.gt(m)) m = v;
      }
      return m!.add(c.E[t]![j]!.abs());
    });
  }
  let best = Rational.ZERO;
  for (let j = 0; j < c.L; j++) best = Rational.max(best, d[j]!.add(abs(c.end, j)));
  return best;
}

/** All L^T paths with exact scores (lexicographic path order). @throws RangeError if L^T > MAX_PATHS. */
export function enumeratePaths(args: CrfArgs): { path: number[]; score: Rational }[] {
  const c = exactCrf(args);
  if (c.T * Math.log(c.L) > Math.log(MAX_PATHS) + 1e-9 || c.L ** c.T > MAX_PATHS) {
    throw new RangeError(`crf: L^T = ${c.L}^${c.T} paths exceed the brute-force limit ${MAX_PATHS}`);
  }
  const out: { path: number[]; score: Rational }[] = [];
  const path: number[] = [];
  const rec = (t: number, acc: Rational): void => {
    if (t === c.T) {
      out.push({ path: [...path], score: c.end && c.T > 0 ? acc.add(c.end[path[c.T - 1]!]!) : acc });
      return;
    }
    for (let j = 0; j < c.L; j++) {
      let s = acc.add(c.E[t]![j]!);
      if (t === 0) {
        if (c.start) s = s.add(c.start[j]!);
      } else s = s.add(c.A[path[t - 1]!]![j]!);
      path.push(j);
      rec(t + 1, s);
      path.pop();
    }
  };
  rec(0, Rational.ZERO);
  return out;
}

/** Brute-force Viterbi: the exact best score and every path attaining it (lexicographic order). */
export function viterbiOracle(args: CrfArgs): { best: Rational; optimalPaths: number[][] } {
  const all = enumeratePaths(args);
  let best = all[0]!.score;
  for (const p of all) if (p.score.gt(best)) best = p.score;
  return { best, optimalPaths: all.filter((p) => p.score.eq(best)).map((p) => p.path) };
}

/**
 * The CRF on its common dyadic grid: every float is m·2^e, so with g the largest −e every entry is
 * exactly an integer multiple of 2^−g; the integers (BigInt) make exact sums and comparisons cheap.
 */
interface GridCrf { T: number; L: number; g: number; E: bigint[][]; A: bigint[][]; start: bigint[] | null; end: bigint[] | null }

function gridCrf(args: CrfArgs): GridCrf {
  const c = exactCrf(args);
  let g = 0;
  const exp2 = (x: Rational) => { let d = x.den, k = 0; while (d > 1n) { d >>= 1n; k++; } return k; };
  const all = [...c.E.flat(), ...c.A.flat(), ...(c.start ?? []), ...(c.end ?? [])];
  for (const x of all) g = Math.max(g, exp2(x));
  const G = 1n << BigInt(g);
  const int = (x: Rational) => x.num * (G / x.den);
  return { T: c.T, L: c.L, g, E: c.E.map((r) => r.map(int)), A: c.A.map((r) => r.map(int)), start: c.start ? c.start.map(int) : null, end: c.end ? c.end.map(int) : null };
}

const onGrid = (v: bigint, g: number) => Rational.of(v, 1n << BigInt(g));

/** Exact max-plus DP for the best score (independent cross-check of the enumeration; any size), in grid integers. */
export function viterbiBestDP(args: CrfArgs): Rational {
  const c = gridCrf(args);
  if (c.T === 0) return Rational.ZERO;
  let d = Array.from({ length: c.L }, (_, j) => (c.start ? c.start[j]! : 0n) + c.E[0]![j]!);
  for (let t = 1; t < c.T; t++) {
    const E = c.E[t]!;
    d = Array.from({ length: c.L }, (_, j) => {
      let m = d[0]! + c.A[0]![j]!;
      for (let i = 1; i < c.L; i++) { const v = d[i]! + c.A[i]![j]!; if (v > m) m = v; }
      return m + E[j]!;
    });
  }
  let best = c.end ? d[0]! + c.end[0]! : d[0]!;
  for (let j = 1; j < c.L; j++) { const v = c.end ? d[j]! + c.end[j]! : d[j]!; if (v > best) best = v; }
  return onGrid(best, c.g);
}

/**
 * Tie-aware acceptance of a decoded path: a well-formed path (length T, labels in range) whose
 * exact score is ≥ best − slack. `slack` ≥ 0 is the caller's float error allowance; with slack 0
 * exactly the optimal paths are accepted.
 */
export function isAcceptableViterbi(args: CrfArgs, path: readonly number[], slack: Rational): boolean {
  if (slack.sign() < 0) throw new RangeError('crf: slack must be ≥ 0');
  const c = exactCrf(args);
  if (path.length !== c.T || path.some((y) => !Number.isInteger(y) || y < 0 || y >= c.L)) return false;
  return pathScore(args, path).ge(viterbiBestDP(args).sub(slack));
}

/**
 * Rigorous float64 enclosure of log Z = log Σ_paths exp(score(path)) by enumeration (fast tier:
 * each exact score → its tightest float64 interval, then interval logSumExp). T = 0 gives [0, 0].
 */
export function logPartitionEnclosure(args: CrfArgs): { lo: number; hi: number } {
  if (args.emissions.length === 0) {
    exactCrf(args);
    return { lo: 0, hi: 0 };
  }
  const r = logSumExp(enumeratePaths(args).map((p) => encloseRational(p.score)));
  return { lo: r.lo, hi: r.hi };
}

/** Every argument is a float, i.e. exactly its own point interval. */
const pointMatrix = (m: readonly (readonly number[])[]): Interval[][] => m.map((row) => row.map((x) => point(x)));

/**
 * The forward variables α_0 … α_{T−1} (T ≥ 1) in outward-rounded interval arithmetic, from the point
 * matrices A (L × L) and E (T × L): α_0(j) = start_j + E_0j, α_t(j) = lse_i(α_{t−1}(i) + A_ij) + E_tj.
 */
function forwardAlphas(args: CrfArgs, A: Interval[][], E: Interval[][]): Interval[][] {
  const T = E.length, L = A.length;
  const alpha: Interval[][] = [Array.from({ length: L }, (_, j) => (args.start ? ivAdd(point(args.start[j]!), E[0]![j]!) : E[0]![j]!))];
  for (let t = 1; t < T; t++) alpha.push(Array.from({ length: L }, (_, j) => ivAdd(logSumExp(alpha[t - 1]!.map((a, i) => ivAdd(a, A[i]![j]!))), E[t]![j]!)));
  return alpha;
}

/**
 * Rigorous float64 enclosure of log Z for any T by the forward recursion in interval arithmetic:
 * α_0(j) = [start_j + E_0j] (the exact sum enclosed), α_t(j) = lse_i(α_{t−1}(i) + [A_ij]) + [E_tj],
 * log Z = lse_j(α_{T−1}(j) + [end_j]). Every interval operation is outward-rounded (interval.ts,
 * under its ulp allowance for exp/log), so the result contains the exact log Z; its width grows
 * about linearly in T (a few float64 ulps of |α| per step) — far below any float32 bound, and
 * below the float64 forward bound (which has (T + 1)·u·M terms) by a small factor.
 */
export function logPartitionForwardEnclosure(args: CrfArgs): { lo: number; hi: number } {
  checkCrf(args);
  const T = args.emissions.length;
  if (T === 0) return { lo: 0, hi: 0 };
  const alpha = forwardAlphas(args, pointMatrix(args.transitions), pointMatrix(args.emissions))[T - 1]!;
  const fin = args.end ? alpha.map((a, j) => ivAdd(a, point(args.end![j]!))) : alpha;
  const r = logSumExp(fin);
  return { lo: r.lo, hi: r.hi };
}

/** Shapes and finiteness as {@link exactCrf} checks them, without converting anything. */
function checkCrf(args: CrfArgs): void {
  const L = args.transitions.length;
  if (L < 1) throw new RangeError('crf: need at least one label');
  const fin = (v: number, what: string) => { if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`crf: ${what} must be a finite number, got ${v}`); };
  args.transitions.forEach((row, i) => { if (row.length !== L) throw new RangeError(`crf: transitions must be ${L}×${L}`); row.forEach((x, j) => fin(x, `transitions[${i}][${j}]`)); });
  args.emissions.forEach((row, t) => { if (row.length !== L) throw new RangeError(`crf: emissions[${t}] must have ${L} entries`); row.forEach((x, j) => fin(x, `emissions[${t}][${j}]`)); });
  for (const [v, name] of [[args.start, 'start'], [args.end, 'end']] as const) {
    if (v === undefined) continue;
    if (v.length !== L) throw new RangeError(`crf: ${name} must have ${L} entries`);
    v.forEach((x, j) => fin(x, `${name}[${j}]`));
  }
}



/**
 * A tight rigorous enclosure of log Z for any T (for float64 checks, where the float64 interval
 * recursion's width would be comparable to the error bound): the forward recursion run twice in
 * exact rationals, once with every log-sum-exp replaced by the lower end of its high-precision
 * enclosure (`logSumExpR`, src/numerics/precise.ts, `bits` bits) and once with the upper end. lse is
 * increasing in every argument, so by induction the lower chain stays ≤ the exact α_t(j) and the
 * upper chain ≥ it: [lo, hi] encloses log Z, with width about T·2^−bits·|log Z|.
 */
export function logPartitionPrecise(args: CrfArgs, bits = 80): { lo: Rational; hi: Rational } {
  const c = exactCrf(args);
  if (c.T === 0) return { lo: Rational.ZERO, hi: Rational.ZERO };
  const chain = (end: 'lo' | 'hi'): Rational => {
    let alpha = Array.from({ length: c.L }, (_, j) => (c.start ? c.start[j]!.add(c.E[0]![j]!) : c.E[0]![j]!));
    for (let t = 1; t < c.T; t++) {
      const E = c.E[t]!;
      alpha = Array.from({ length: c.L }, (_, j) => logSumExpR(alpha.map((a, i) => a.add(c.A[i]![j]!)), bits)[end].add(E[j]!));
    }
    return logSumExpR(c.end ? alpha.map((a, j) => a.add(c.end![j]!)) : alpha, bits)[end];
  };
  return { lo: chain('lo'), hi: chain('hi') };
}

/** Largest number of paths for which {@link logZEnclosure} enumerates (otherwise: the interval forward recursion). */
export const ENUMERATION_PATHS = 256;

/** log Z enclosed by enumeration when L^T ≤ {@link ENUMERATION_PATHS}, by the interval forward recursion otherwise. */
export function logZEnclosure(args: CrfArgs): { lo: number; hi: number } {
  const T = args.emissions.length, L = args.transitions.length;
  return T * Math.log(L) <= Math.log(ENUMERATION_PATHS) + 1e-9 && L ** T <= ENUMERATION_PATHS ? logPartitionEnclosure(args) : logPartitionForwardEnclosure(args);
}

/**
 * The dyadic grid of the scores: the smallest g ≥ 0 such that every entry (emissions, transitions,
 * start, end) is an integer multiple of 2^−g. Every float is dyadic, so g always exists (≤ 1074).
 */
export function scoreGrid(args: CrfArgs): number {
  return gridCrf(args).g;
}

/**
 * The lexicographically smallest exactly optimal path, for any T (exact, grid integers): β_t(j), the
 * best score of the labels after t given y_t = j (end included), by a backward max-plus DP; then
 * y_0 is the smallest label with start + E_0 + β_0 optimal, and each next label the smallest that
 * keeps the remainder optimal. Equals viterbiOracle(args).optimalPaths[0] where that enumerates.
 */
export function lexFirstOptimalPath(args: CrfArgs): number[] {
  const c = gridCrf(args);
  if (c.T === 0) return [];
  const beta: bigint[][] = new Array(c.T);
  beta[c.T - 1] = Array.from({ length: c.L }, (_, j) => (c.end ? c.end[j]! : 0n));
  for (let t = c.T - 2; t >= 0; t--) {
    const next = beta[t + 1]!, E = c.E[t + 1]!;
    beta[t] = Array.from({ length: c.L }, (_, i) => {
      let m = c.A[i]![0]! + E[0]! + next[0]!;
      for (let k = 1; k < c.L; k++) { const v = c.A[i]![k]! + E[k]! + next[k]!; if (v > m) m = v; }
      return m;
    });
  }
  const first = Array.from({ length: c.L }, (_, j) => (c.start ? c.start[j]! : 0n) + c.E[0]![j]! + beta[0]![j]!);
  let best = first[0]!;
  for (const v of first) if (v > best) best = v;
  const path = [first.findIndex((v) => v === best)];
  for (let t = 1; t < c.T; t++) {
    const i = path[t - 1]!;
    const want = beta[t - 1]![i]!;
    path.push(Array.from({ length: c.L }, (_, k) => k).find((k) => c.A[i]![k]! + c.E[t]![k]! + beta[t]![k]! === want)!);
  }
  return path;
}

/** The number of exactly optimal paths, by a max-plus DP that counts ties (exact, any T). T = 0: 1. */
export function optimalPathCount(args: CrfArgs): bigint {
  const c = gridCrf(args);
  if (c.T === 0) return 1n;
  let d = Array.from({ length: c.L }, (_, j) => ({ v: (c.start ? c.start[j]! : 0n) + c.E[0]![j]!, n: 1n }));
  for (let t = 1; t < c.T; t++) {
    d = Array.from({ length: c.L }, (_, j) => {
      let best = d[0]!.v + c.A[0]![j]!, n = d[0]!.n;
      for (let i = 1; i < c.L; i++) {
        const v = d[i]!.v + c.A[i]![j]!;
        if (v > best) { best = v; n = d[i]!.n; } else if (v === best) n += d[i]!.n;
      }
      return { v: best + c.E[t]![j]!, n };
    });
  }
  let best = d[0]!.v + (c.end ? c.end[0]! : 0n), n = d[0]!.n;
  for (let j = 1; j < c.L; j++) {
    const v = d[j]!.v + (c.end ? c.end[j]! : 0n);
    if (v > best) { best = v; n = d[j]!.n; } else if (v === best) n += d[j]!.n;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Exact forward algorithm for dyadic/rational scores with a common denominator.
// ---------------------------------------------------------------------------------------------

/**
 * Z as an exact Laurent polynomial in q = e^{1/denom}: when every score entry times `denom` is an
 * integer, Z = Σ_k c_k q^k with integer c_k (the number of paths of score k/denom). This runs the
 * forward algorithm exactly in that semiring (sum = polynomial addition, product = shift), in
 * O(T·L²·(#distinct scores)) — an exact DP to check brute force against. Returns exponent → count.
 * @throws RangeError if some entry times `denom` is not an integer.
 */
export function partitionPolynomial(args: CrfArgs, denom = 1): Map<bigint, bigint> {
  const c = exactCrf(args);
  const D = Rational.fromInt(denom);
  const k = (x: Rational): bigint => {
    const y = x.mul(D);
    if (!y.isInteger()) throw new RangeError(`crf: ${x.toString()}·${denom} is not an integer`);
    return y.num;
  };
  const one = new Map<bigint, bigint>([[0n, 1n]]);
  if (c.T === 0) return one;
  const shift = (p: Map<bigint, bigint>, s: bigint): Map<bigint, bigint> => {
    const o = new Map<bigint, bigint>();
    for (const [e, n] of p) o.set(e + s, n);
    return o;
  };
  const addInto = (acc: Map<bigint, bigint>, p: Map<bigint, bigint>): void => {
    for (const [e, n] of p) acc.set(e, (acc.get(e) ?? 0n) + n);
  };
  let alpha = Array.from({ length: c.L }, (_, j) => shift(one, (c.start ? k(c.start[j]!) : 0n) + k(c.E[0]![j]!)));
  for (let t = 1; t < c.T; t++) {
    alpha = Array.from({ length: c.L }, (_, j) => {
      const acc = new Map<bigint, bigint>();
      for (let i = 0; i < c.L; i++) addInto(acc, shift(alpha[i]!, k(c.A[i]![j]!)));
      return shift(acc, k(c.E[t]![j]!));
    });
  }
  const z = new Map<bigint, bigint>();
  for (let j = 0; j < c.L; j++) addInto(z, c.end ? shift(alpha[j]!, k(c.end[j]!)) : alpha[j]!);
  return z;
}

/** The same polynomial by brute force: exponent (score·denom) → number of paths. */
export function scoreHistogram(args: CrfArgs, denom = 1): Map<bigint, bigint> {
  const D = Rational.fromInt(denom);
  const h = new Map<bigint, bigint>();
  for (const p of enumeratePaths(args)) {
    const y = p.score.mul(D);
    if (!y.isInteger()) throw new RangeError(`crf: score ${p.score.toString()}·${denom} is not an integer`);
    h.set(y.num, (h.get(y.num) ?? 0n) + 1n);
  }
  return h;
}

/** Rigorous enclosure of log Σ_k c_k e^{k/denom} (fast tier), e.g. of a {@link partitionPolynomial}. */
export function logPolynomialEnclosure(poly: Map<bigint, bigint>, denom = 1): { lo: number; hi: number } {
  const xs: Interval[] = [];
  for (const [e, n] of poly) {
    if (n === 0n) continue;
    const logN = n === 1n ? point(0) : ivLog(encloseRational(Rational.of(n)));
    xs.push(ivAdd(encloseRational(Rational.of(e, BigInt(denom))), logN));
  }
  const r = logSumExp(xs);
  return { lo: r.lo, hi: r.hi };
}

// --- BIO tagging (issue 14: seq.bio, seq.factorized, seq.subword-labels; 004:883–1022) -------------

/**
 * A BIO tag: 'O', 'B-X' or 'I-X' (X an entity type). The strict (IOB2) validity automaton of 004:952–974:
 * state = the type of the open entity (or none); I-X is allowed only when the open entity has type X
 * (after B-X or I-X); B-X and O are always allowed. "A sequence cannot start with I-XXX" is the start state.
 */
export function bioValid(tags: readonly string[]): boolean {
  let open: string | null = null;
  for (const t of tags) {
    if (t === 'O') open = null;
    else if (t.startsWith('B-')) open = t.slice(2);
    else if (t.startsWith('I-')) { if (open !== t.slice(2)) return false; }
    else throw new RangeError(`bio: bad tag ${t}`);
  }
  return true;
}

/** An entity span [start, end] (inclusive token indices) with its type. */
export interface BioSpan { start: number; end: number; type: string }

/**
 * Chunks of a tag sequence, conlleval (CoNLL-2000) convention: a chunk starts at B-X, or at an I-X
 * that does not continue an open chunk of type X (the lenient "repair" of invalid sequences); it ends
 * before O, B-*, or an I-Y of another type.
 */
export function bioChunks(tags: readonly string[]): BioSpan[] {
  const out: BioSpan[] = [];
  let cur: BioSpan | null = null;
  tags.forEach((t, i) => {
    if (t === 'O') { if (cur) out.push(cur); cur = null; return; }
    const type = t.slice(2);
    if (t.startsWith('I-') && cur && cur.type === type) { cur.end = i; return; }
    if (cur) out.push(cur);
    cur = { start: i, end: i, type };
  });
  if (cur) out.push(cur);
  return out;
}

/** The IOB2 tags of disjoint spans over n tokens (B at each start, I inside, O elsewhere). */
export function bioEncode(spans: readonly BioSpan[], n: number): string[] {
  const tags: string[] = new Array(n).fill('O');
  for (const s of spans) for (let i = s.start; i <= s.end; i++) tags[i] = (i === s.start ? 'B-' : 'I-') + s.type;
  return tags;
}

/** The BIO tag set of entity types `types` in the order O, B-t₁, I-t₁, B-t₂, … (2|types| + 1 tags). */
export function bioTagSet(types: readonly string[]): string[] {
  return ['O', ...types.flatMap((t) => [`B-${t}`, `I-${t}`])];
}

/** Transition allowed by the IOB2 automaton: prev → next (prev = null: the start). */
export function bioAllowed(prev: string | null, next: string): boolean {
  if (!next.startsWith('I-')) return true;
  if (prev === null || prev === 'O') return false;
  return prev.slice(2) === next.slice(2);
}

/** argmax index of exact scores (first on ties). */
export function argmaxR(xs: readonly Rational[]): number {
  let b = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i]!.gt(xs[b]!)) b = i;
  return b;
}

/**
 * The exact maximum of Π_t P_t(y_t) over all label sequences (enumeration) and every maximiser, for a
 * factorised model (the softmax tagger of 004:797–835, P(y|x) = Π_t P(y_t|x)).
 */
export function factorizedJointArgmax(P: readonly (readonly Rational[])[]): { best: Rational; argmaxes: number[][] } {
  const L = P[0]?.length ?? 0;
  let best = Rational.ZERO; let argmaxes: number[][] = [];
  const T = P.length;
  const total = L ** T;
  if (total > MAX_PATHS) throw new RangeError('factorizedJointArgmax: too many paths');
  for (let code = 0; code < total; code++) {
    const y: number[] = []; let c = code;
    for (let t = 0; t < T; t++) { y.push(c % L); c = Math.floor(c / L); }
    let p = Rational.ONE;
    for (let t = 0; t < T; t++) p = p.mul(P[t]![y[t]!]!);
    const cmp = p.cmp(best);
    if (cmp > 0 || argmaxes.length === 0) { best = p; argmaxes = [y]; } else if (cmp === 0) argmaxes.push(y);
  }
  return { best, argmaxes };
}

/**
 * A CRF with multiplicative potentials (exact rationals ≥ 0): P(y) ∝ s[y₀]·Π_t ψ[t][y_t]·Π_{t≥1} Φ[y_{t−1}][y_t].
 * ψ = exp(E), Φ = exp(A), s = exp(start) of the additive form; Φ = 0 is a forbidden transition (A = −∞),
 * so BIO-constrained CRFs are exact here.
 */
export interface PotentialCrf { psi: Rational[][]; phi: Rational[][]; start?: Rational[] }

function pathWeight(c: PotentialCrf, y: readonly number[]): Rational {
  let w = c.start ? c.start[y[0]!]! : Rational.ONE;
  for (let t = 0; t < y.length; t++) {
    w = w.mul(c.psi[t]![y[t]!]!);
    if (t > 0) w = w.mul(c.phi[y[t - 1]!]![y[t]!]!);
  }
  return w;
}

function allPaths(T: number, L: number): number[][] {
  if (L ** T > MAX_PATHS) throw new RangeError('crf: too many paths');
  const out: number[][] = [];
  for (let code = 0; code < L ** T; code++) {
    const y: number[] = []; let c = code;
    for (let t = 0; t < T; t++) { y.push(c % L); c = Math.floor(c / L); }
    out.push(y);
  }
  return out;
}

/** Z and the node marginals P(y_t = k) by enumeration of every path (exact). Z = 0 → marginals all 0. */
export function marginalsBrute(c: PotentialCrf): { Z: Rational; marg: Rational[][] } {
  const T = c.psi.length, L = c.phi.length;
  const acc = Array.from({ length: T }, () => new Array<Rational>(L).fill(Rational.ZERO));
  let Z = Rational.ZERO;
  for (const y of allPaths(T, L)) {
    const w = pathWeight(c, y);
    if (w.isZero()) continue;
    Z = Z.add(w);
    y.forEach((k, t) => { acc[t]![k] = acc[t]![k]!.add(w); });
  }
  return { Z, marg: acc.map((row) => row.map((v) => (Z.isZero() ? Rational.ZERO : v.div(Z)))) };
}

/** Z and the node marginals by the forward–backward recursions α, β (exact): P(y_t = k) = α_t(k)β_t(k)/Z. */
export function marginalsForwardBackward(c: PotentialCrf): { Z: Rational; marg: Rational[][] } {
  const T = c.psi.length, L = c.phi.length;
  if (T === 0) return { Z: Rational.ONE, marg: [] };
  const alpha: Rational[][] = [c.psi[0]!.map((v, k) => (c.start ? c.start[k]!.mul(v) : v))];
  for (let t = 1; t < T; t++) {
    alpha.push(c.psi[t]!.map((v, k) => {
      let s = Rational.ZERO;
      for (let i = 0; i < L; i++) s = s.add(alpha[t - 1]![i]!.mul(c.phi[i]![k]!));
      return s.mul(v);
    }));
  }
  const beta: Rational[][] = new Array(T);
  beta[T - 1] = new Array<Rational>(L).fill(Rational.ONE);
  for (let t = T - 2; t >= 0; t--) {
    beta[t] = Array.from({ length: L }, (_, i) => {
      let s = Rational.ZERO;
      for (let k = 0; k < L; k++) s = s.add(c.phi[i]![k]!.mul(c.psi[t + 1]![k]!).mul(beta[t + 1]![k]!));
      return s;
    });
  }
  const Z = Rational.sum(alpha[T - 1]!);
  return { Z, marg: alpha.map((row, t) => row.map((a, k) => (Z.isZero() ? Rational.ZERO : a.mul(beta[t]![k]!).div(Z)))) };
}

/**
 * The best path of a potential CRF among paths of positive weight, by max-product DP (first maximiser
 * on ties in the backtrace: smallest previous label), with its weight; null when every path has weight 0.
 */
export function viterbiPotential(c: PotentialCrf): { path: number[]; weight: Rational } | null {
  const T = c.psi.length, L = c.phi.length;
  if (T === 0) return { path: [], weight: Rational.ONE };
  let delta = c.psi[0]!.map((v, k) => (c.start ? c.start[k]!.mul(v) : v));
  const back: number[][] = [];
  for (let t = 1; t < T; t++) {
    const bp: number[] = []; const next: Rational[] = [];
    for (let k = 0; k < L; k++) {
      let bi = 0; let bv = delta[0]!.mul(c.phi[0]![k]!);
      for (let i = 1; i < L; i++) { const v = delta[i]!.mul(c.phi[i]![k]!); if (v.gt(bv)) { bv = v; bi = i; } }
      bp.push(bi); next.push(bv.mul(c.psi[t]![k]!));
    }
    back.push(bp); delta = next;
  }
  const last = argmaxR(delta);
  if (delta[last]!.isZero()) return null;
  const path = [last];
  for (let t = T - 2; t >= 0; t--) path.unshift(back[t]![path[0]!]!);
  return { path, weight: delta[last]! };
}

/** The best weight of a potential CRF and every maximiser, by enumeration. */
export function viterbiPotentialBrute(c: PotentialCrf): { weight: Rational; argmaxes: number[][] } {
  const T = c.psi.length, L = c.phi.length;
  let weight = Rational.ZERO; let argmaxes: number[][] = [];
  for (const y of allPaths(T, L)) {
    const w = pathWeight(c, y);
    const cmp = w.cmp(weight);
    if (cmp > 0) { weight = w; argmaxes = [y]; } else if (cmp === 0 && !w.isZero()) argmaxes.push(y);
  }
  return { weight, argmaxes };
}

/** Potentials of a BIO tag set: Φ[i][j] = 0 where the IOB2 automaton forbids i → j, start[j] = 0 for I-*. */
export function bioMask(tags: readonly string[]): { phi: boolean[][]; start: boolean[] } {
  return {
    phi: tags.map((a) => tags.map((b) => bioAllowed(a, b))),
    start: tags.map((b) => bioAllowed(null, b)),
  };
}

// --- Subword labels (seq.subword-labels; 004:1813–1821, 003:688–694) --------------------------------

/** The label ids of the subword tokens: the word's label on its first subword, −100 elsewhere (and on special tokens: wordIds null). */
export function firstSubwordLabels(wordIds: readonly (number | null)[], wordLabels: readonly number[]): number[] {
  return wordIds.map((w, i) => (w === null ? -100 : (i > 0 && wordIds[i - 1] === w ? -100 : wordLabels[w]!)));
}

/** The labels under 003:692's convention: every subword of a word gets the word's label (special tokens −100). */
export function allSubwordLabels(wordIds: readonly (number | null)[], wordLabels: readonly number[]): number[] {
  return wordIds.map((w) => (w === null ? -100 : wordLabels[w]!));
}

/** Mean of loss[t][label_t] over the positions whose label is not −100 (PyTorch CrossEntropyLoss, ignore_index = −100, reduction 'mean'); null when none. */
export function maskedMeanLoss(loss: readonly (readonly Rational[])[], labels: readonly number[]): Rational | null {
  let s = Rational.ZERO; let n = 0;
  labels.forEach((l, t) => { if (l !== -100) { s = s.add(loss[t]![l]!); n++; } });
  return n === 0 ? null : s.div(Rational.fromInt(n));
}

// --- Node marginals (issue 14: seq.crf-marginals) ------------------------------------------------------

/**
 * Rigorous float64 enclosures of the node marginals P(y_t = j) = exp(α_t(j) + β_t(j) − log Z) by the
 * forward–backward recursions in outward-rounded interval arithmetic (src/numerics/interval.ts, under
 * its ulp allowance for exp / log): α_0(j) = start_j + E_0j, α_t(j) = E_tj + lse_i(α_{t−1}(i) + A_ij),
 * β_{T−1}(j) = end_j, β_t(i) = lse_j(A_ij + E_{t+1,j} + β_{t+1}(j)), log Z = lse_j(α_{T−1}(j) + end_j).
 * Each interval contains the exact value (every inclusion-isotone step contains the exact real), so
 * [lo, hi] ∩ [0, 1] contains the exact marginal; the width is a few float64 ulps of |α| + |β| per step.
 * T = 0 gives [] (no positions).
 */
export function crfMarginalsEnclosure(args: CrfArgs): { lo: number; hi: number }[][] {
  checkCrf(args);
  const T = args.emissions.length, L = args.transitions.length;
  if (T === 0) return [];
  const A = pointMatrix(args.transitions), E = pointMatrix(args.emissions);
  const endI = Array.from({ length: L }, (_, j) => point(args.end ? args.end[j]! : 0));
  const alpha = forwardAlphas(args, A, E);
  const beta: Interval[][] = new Array(T);
  beta[T - 1] = endI;
  for (let t = T - 2; t >= 0; t--) beta[t] = Array.from({ length: L }, (_, i) => logSumExp(A[i]!.map((a, j) => ivAdd(ivAdd(a, E[t + 1]![j]!), beta[t + 1]![j]!))));
  const logZ = logSumExp(alpha[T - 1]!.map((a, j) => ivAdd(a, endI[j]!)));
  return alpha.map((row, t) => row.map((a, j) => {
    const m = ivExp(ivSub(ivAdd(a, beta[t]![j]!), logZ));
    return { lo: Math.max(0, m.lo), hi: Math.min(1, m.hi) };
  }));
}

/** The exact node marginals of a CRF with scores on a small grid, by enumeration: P(y_t = j) as enclosures from exact path-score sums (L^T ≤ MAX_PATHS). */
export function crfMarginalsByEnumeration(args: CrfArgs): { lo: number; hi: number }[][] {
  const paths = enumeratePaths(args);
  const T = args.emissions.length, L = args.transitions.length;
  if (T === 0) return [];
  const all = logSumExp(paths.map((p) => encloseRational(p.score)));
  return Array.from({ length: T }, (_, t) => Array.from({ length: L }, (_, j) => {
    const sel = paths.filter((p) => p.path[t] === j).map((p) => encloseRational(p.score));
    if (sel.length === 0) return { lo: 0, hi: 0 };
    const m = ivExp(ivSub(logSumExp(sel), all));
    return { lo: Math.max(0, m.lo), hi: Math.min(1, m.hi) };
  }));
}
