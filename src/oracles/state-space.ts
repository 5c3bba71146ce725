/**
 * Exact oracles for the state-space-model (SSM) claims (seed 002_606757b0cdfd2eb0.txt, HW28 topic 1):
 * the recurrence x_{k+1} = A x_k + B u_k, y_k = C x_k + D u_k (x_0 = 0), its convolution kernel
 * K = (D, CB, CAB, CA²B, …), the doubling scheme for (I, A, …, A^{L−1}) and the rank-one power formula.
 * All arithmetic is rational (Rational/QMatrix); nothing here rounds.
 */
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { toDyadic, dyToRational, dyAbsUp, align } from '../numerics/dyadic.js';

/** A single-input single-output SSM with exact coefficients. */
export interface QSsm { A: QMatrix; B: Rational[]; C: Rational[]; D: Rational }

const col = (v: readonly Rational[]): QMatrix => new QMatrix(v.length, 1, v.slice());
const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, x, i) => s.add(x.mul(b[i]!)), Rational.ZERO);

/** The exact states x_0 = 0, …, x_{L} of the recurrence x_{k+1} = A x_k + B u_k. */
export function ssmStates(s: QSsm, u: readonly Rational[]): Rational[][] {
  const n = s.B.length;
  let x: Rational[] = Array.from({ length: n }, () => Rational.ZERO);
  const out: Rational[][] = [x];
  for (const uk of u) {
    const Ax = s.A.mul(col(x)).data;
    x = Ax.map((v, i) => v.add(s.B[i]!.mul(uk)));
    out.push(x);
  }
  return out;
}

/** y_k = C x_k + D u_k, k = 0, …, L−1, by unrolling the recurrence exactly. */
export function ssmRecurrence(s: QSsm, u: readonly Rational[]): Rational[] {
  const xs = ssmStates(s, u);
  return u.map((uk, k) => dot(s.C, xs[k]!).add(s.D.mul(uk)));
}

/** The kernel K_0 = D, K_l = C A^{l−1} B (l ≥ 1), of length L. */
export function ssmKernel(s: QSsm, L: number): Rational[] {
  const K: Rational[] = [];
  if (L > 0) K.push(s.D);
  let v = s.B.slice(); // A^{l-1} B
  for (let l = 1; l < L; l++) {
    K.push(dot(s.C, v));
    v = s.A.mul(col(v)).data;
  }
  return K;
}

/** Causal convolution y_k = Σ_{l=0}^{k} K_l u_{k−l} (u_{<0} = 0), k = 0, …, L−1. */
export function causalConv(K: readonly Rational[], u: readonly Rational[]): Rational[] {
  return u.map((_, k) => {
    let s = Rational.ZERO;
    for (let l = 0; l <= k; l++) s = s.add(K[l]!.mul(u[k - l]!));
    return s;
  });
}

/** Cyclic convolution of length N (what a length-N DFT product computes). */
export function cyclicConv(a: readonly Rational[], b: readonly Rational[], N: number): Rational[] {
  const pad = (v: readonly Rational[]) => Array.from({ length: N }, (_, i) => v[i] ?? Rational.ZERO);
  const A = pad(a), B = pad(b);
  return A.map((_, k) => {
    let s = Rational.ZERO;
    for (let j = 0; j < N; j++) s = s.add(A[j]!.mul(B[(k - j + N) % N]!));
    return s;
  });
}

/** A^k by repeated multiplication (k − 1 products; I for k = 0). */
export function naivePower(A: QMatrix, k: number): QMatrix {
  let P = QMatrix.identity(A.rows);
  for (let i = 0; i < k; i++) P = P.mul(A);
  return P;
}

/**
 * The notes' doubling scheme for L = 2^t: start from X¹ = (I), A¹ = A; then
 * X^{2m} = (X^m, A^m X^m), A^{2m} = A^m A^m. Returns the blocks of X^L, A^L and the number of rounds.
 */
export function doubling(A: QMatrix, t: number): { blocks: QMatrix[]; power: QMatrix; rounds: number } {
  let blocks = [QMatrix.identity(A.rows)];
  let P = A;
  let rounds = 0;
  for (let r = 0; r < t; r++) {
    blocks = blocks.concat(blocks.map((X) => P.mul(X)));
    P = P.mul(P);
    rounds++;
  }
  return { blocks, power: P, rounds };
}

/** Binomial coefficient C(n, k) as a bigint. */
export function binom(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1);
  return r;
}

/** The outer product P Pᵀ. */
export function outer(P: readonly Rational[]): QMatrix {
  return new QMatrix(P.length, P.length, P.flatMap((a) => P.map((b) => a.mul(b))));
}

/**
 * The notes' formula (read with λ = ‖P‖² for the overloaded "L"): (I + PPᵀ)^L = I + PPᵀ Σ_{l=1}^{L} C(L,l) λ^{l−1}.
 */
export function rank1PowerFormula(P: readonly Rational[], L: number, lambda: Rational = dot(P, P)): QMatrix {
  let c = Rational.ZERO;
  for (let l = 1; l <= L; l++) c = c.add(Rational.of(binom(L, l)).mul(lambda.pow(l - 1)));
  return QMatrix.identity(P.length).add(outer(P).scale(c));
}

/** ((1 + λ)^L − 1)/λ (or L when λ = 0) by repeated squaring; also returns the number of scalar multiplications. */
export function geometricCoefficient(lambda: Rational, L: number): { value: Rational; mults: number } {
  if (lambda.isZero()) return { value: Rational.of(L), mults: 0 };
  let base = Rational.ONE.add(lambda);
  let acc = Rational.ONE;
  let e = L;
  let mults = 0;
  while (e > 0) {
    if (e & 1) { acc = acc.mul(base); mults++; }
    e >>= 1;
    if (e > 0) { base = base.mul(base); mults++; }
  }
  return { value: acc.sub(Rational.ONE).div(lambda), mults };
}

/* ---------------------------------------------------------------- computation-graph depths */

const clog2 = (m: number): number => (m <= 1 ? 0 : Math.ceil(Math.log2(m) - 1e-12));
export { clog2 };

/** Depth of the sum of terms of the given depths with binary additions scheduled optimally (combine the two shallowest). */
export function sumDepth(depths: readonly number[]): number {
  const h = depths.slice().sort((a, b) => a - b);
  while (h.length > 1) {
    const a = h.shift()!, b = h.shift()!;
    const c = Math.max(a, b) + 1;
    let i = 0;
    while (i < h.length && h[i]! < c) i++;
    h.splice(i, 0, c);
  }
  return h[0] ?? 0;
}

/** Depths of y_0, …, y_{L−1} when the recurrence is unrolled (inputs A, B, C, D, u at depth 0; x_0 = 0 an input). */
export function recurrenceDepths(n: number, L: number): number[] {
  let dx = 0;
  const out: number[] = [];
  for (let k = 0; k < L; k++) {
    const terms = [...new Array<number>(n).fill(dx + 1), 1];
    out.push(sumDepth(terms));
    dx = sumDepth(terms);
  }
  return out;
}

/** Depth of a matrix product whose factors have depths a and b: one multiplication level, then a sum of n terms. */
export const matmulDepth = (n: number, a: number, b: number): number => sumDepth(new Array<number>(n).fill(Math.max(a, b) + 1));

/** Depth of the doubling scheme after t rounds: { power: depth of A^{2^t}, blocks: max depth of the blocks of X^{2^t} }. */
export function doublingDepth(n: number, t: number): { power: number; blocks: number } {
  let a = 0, x = 0;
  for (let r = 0; r < t; r++) {
    const nx = Math.max(x, matmulDepth(n, a, x));
    a = matmulDepth(n, a, a);
    x = nx;
  }
  return { power: a, blocks: x };
}

/**
 * Depth of an iterative radix-2 FFT of length N = 2^s applied to data of depth d, simulated butterfly by butterfly
 * (twiddles are constants): t = w·odd costs a multiplication level and one addition (complex product), then even ± t.
 */
export function fftDepth(N: number, d: number): number {
  let dep = new Array<number>(N).fill(d);
  for (let m = 2; m <= N; m *= 2) {
    const next = dep.slice();
    for (let s = 0; s < N; s += m) for (let j = 0; j < m / 2; j++) {
      const e = dep[s + j]!, o = dep[s + j + m / 2]!;
      const t = o + 2;
      next[s + j] = Math.max(e, t) + 1;
      next[s + j + m / 2] = Math.max(e, t) + 1;
    }
    dep = next;
  }
  return Math.max(...dep);
}

/** Depth of y = irfft(rfft(K)·rfft(u)) given K at depth dK (u at depth 0): two FFTs, a complex product (2 levels), an inverse FFT and the 1/N scaling. */
export function fftConvDepth(L: number, dK: number): number {
  let N = 2;
  while (N < 2 * L) N *= 2;
  const spec = Math.max(fftDepth(N, dK), fftDepth(N, 0)) + 2;
  return fftDepth(N, spec) + 1;
}

/** Depth of the FFT path: K by doubling (t = ⌈log₂ L⌉ rounds), K_l = C·X_l·B, then FFT convolution. */
export function fftPathDepth(n: number, L: number): number {
  const t = clog2(L);
  const { blocks } = doublingDepth(n, t);
  const dK = sumDepth(new Array<number>(n).fill(sumDepth(new Array<number>(n).fill(blocks + 1)) + 1));
  return fftConvDepth(L, dK);
}

/* ---------------------------------------------------------------- exact evaluation on float inputs (dyadic, src/numerics/dyadic.ts) */

/**
 * The exact outputs of the recurrence x_{k+1} = A x_k + B u_k, y_k = C x_k + D u_k (x_0 = 0) on
 * float inputs, and upper bounds of every |x_k,i| (k = 0..L) as float64 numbers.
 */
export function ssmRecurrenceFloat(A: readonly (readonly number[])[], B: readonly number[], C: readonly number[], D: number, u: readonly number[]):
  { y: Rational[]; absX: number[][] } {
  const n = B.length;
  const a = toDyadic(A.flat()), b = toDyadic(B), c = toDyadic(C), d = toDyadic([D]), uu = toDyadic(u);
  let x: bigint[] = new Array<bigint>(n).fill(0n);
  let sx = 0;
  const y: Rational[] = [];
  const absX: number[][] = [x.map(() => 0)];
  for (let k = 0; k < u.length; k++) {
    // y_k = C x_k + D u_k
    const sy = Math.max(c.s + sx, d.s + uu.s);
    let acc = align(d.m[0]! * uu.m[k]!, d.s + uu.s, sy);
    for (let i = 0; i < n; i++) acc += align(c.m[i]! * x[i]!, c.s + sx, sy);
    y.push(dyToRational(acc, sy));
    // x_{k+1} = A x_k + B u_k
    const s2 = Math.max(a.s + sx, b.s + uu.s);
    const nx: bigint[] = [];
    for (let i = 0; i < n; i++) {
      let t = align(b.m[i]! * uu.m[k]!, b.s + uu.s, s2);
      for (let j = 0; j < n; j++) t += align(a.m[i * n + j]! * x[j]!, a.s + sx, s2);
      nx.push(t);
    }
    x = nx; sx = s2;
    absX.push(x.map((v) => dyAbsUp(v, sx)));
  }
  return { y, absX };
}

/**
 * The exact kernel K_0 = D, K_l = C A^{l−1} B (l = 1..L−1) on float inputs, with upper bounds of
 * |A^{l}B| (columns v_l, l = 0..L−2) and |C A^{l}| (rows r_l) componentwise.
 */
export function ssmKernelFloat(A: readonly (readonly number[])[], B: readonly number[], C: readonly number[], D: number, L: number):
  { K: Rational[]; absV: number[][]; absR: number[][] } {
  const n = B.length;
  const a = toDyadic(A.flat()), b = toDyadic(B), c = toDyadic(C);
  const K: Rational[] = L > 0 ? [Rational.fromFloat64(D)] : [];
  const absV: number[][] = [], absR: number[][] = [];
  let v = b.m.slice(), sv = b.s;
  let r = c.m.slice(), sr = c.s;
  for (let l = 1; l < L; l++) {
    let acc = 0n;
    for (let i = 0; i < n; i++) acc += c.m[i]! * v[i]!;
    K.push(dyToRational(acc, c.s + sv));
    absV.push(v.map((e) => dyAbsUp(e, sv)));
    absR.push(r.map((e) => dyAbsUp(e, sr)));
    if (l + 1 < L) {
      const nv: bigint[] = [], nr: bigint[] = [];
      for (let i = 0; i < n; i++) {
        let t = 0n, q = 0n;
        for (let j = 0; j < n; j++) { t += a.m[i * n + j]! * v[j]!; q += r[j]! * a.m[j * n + i]!; }
        nv.push(t); nr.push(q);
      }
      v = nv; sv += a.s; r = nr; sr += a.s;
    }
  }
  return { K, absV, absR };
}

/** The exact causal convolution y_j = Σ_{l≤j} k_l u_{j−l} (j < L) of float sequences of length L, by integer arithmetic. */
export function causalConvFloat(k: readonly number[], u: readonly number[]): Rational[] {
  const a = toDyadic(k), b = toDyadic(u);
  const s = a.s + b.s;
  const out: Rational[] = [];
  for (let j = 0; j < u.length; j++) {
    let acc = 0n;
    for (let l = 0; l <= j; l++) acc += a.m[l]! * b.m[j - l]!;
    out.push(dyToRational(acc, s));
  }
  return out;
}
