/**
 * Exact oracles for the gradients of a linear RNN (seed 002_606757b0cdfd2eb0.txt, lines 482–508):
 * h_t = A h_{t−1} + B x_t + b (A = W^h, B = W^x), many-to-one output ŷ = wᵀh_T + c, L = (ŷ − y)².
 * All in exact rationals: vectors are Rational[], matrices Rational[][] (rows).
 */
import { Rational } from '../numerics/rational.js';

export type Vec = Rational[];
export type Mat = Rational[][];

export const matVec = (M: Mat, v: Vec): Vec => M.map((r) => Rational.sum(r.map((a, j) => a.mul(v[j]!))));
export const vecMat = (v: Vec, M: Mat): Vec => M[0]!.map((_, j) => Rational.sum(v.map((a, i) => a.mul(M[i]![j]!))));
export const vadd = (a: Vec, b: Vec): Vec => a.map((x, i) => x.add(b[i]!));
export const dot = (a: Vec, b: Vec): Rational => Rational.sum(a.map((x, i) => x.mul(b[i]!)));

export interface LinearRnn { A: Mat; B: Mat; b: Vec; w: Vec; c: Rational; y: Rational; h0: Vec; xs: Vec[] }

/** Hidden states h_0..h_T (h_0 given). */
export function states(r: LinearRnn): Vec[] {
  const hs = [r.h0];
  for (const x of r.xs) hs.push(vadd(vadd(matVec(r.A, hs[hs.length - 1]!), matVec(r.B, x)), r.b));
  return hs;
}

/** L as a function of h_t replaced by `ht` (the later states recomputed from it). */
export function lossFrom(r: LinearRnn, t: number, ht: Vec): Rational {
  let h = ht;
  for (let s = t + 1; s <= r.xs.length; s++) h = vadd(vadd(matVec(r.A, h), matVec(r.B, r.xs[s - 1]!)), r.b);
  return dot(r.w, h).add(r.c).sub(r.y).pow(2);
}

export const loss = (r: LinearRnn): Rational => { const hs = states(r); return lossFrom(r, r.xs.length, hs[hs.length - 1]!); };

/** The notes' formula (002:504): ∂L/∂h_t = 2(ŷ − y)·wᵀA^{T−t} (a row vector). */
export function dLdhNotes(r: LinearRnn, t: number): Vec {
  const T = r.xs.length;
  const hs = states(r);
  const res = dot(r.w, hs[T]!).add(r.c).sub(r.y);
  let row = r.w.map((v) => v.mul(Rational.fromInt(2)).mul(res));
  for (let k = 0; k < T - t; k++) row = vecMat(row, r.A);
  return row;
}

/** ∂L/∂h_t by exact central differences: L is quadratic in h_t, so (L(h+e_i) − L(h−e_i))/2 is exact. */
export function dLdhCentral(r: LinearRnn, t: number): Vec {
  const h = states(r)[t]!;
  return h.map((_, i) => {
    const p = h.map((v, j) => (j === i ? v.add(Rational.ONE) : v)), m = h.map((v, j) => (j === i ? v.sub(Rational.ONE) : v));
    return lossFrom(r, t, p).sub(lossFrom(r, t, m)).div(Rational.fromInt(2));
  });
}

/** BPTT (002:498): ∂L/∂A = Σ_t δ_tᵀ h_{t−1}ᵀ with δ_t = ∂L/∂h_t (the immediate ∂h_t/∂A_{ij} = e_i h_{t−1,j}). */
export function dLdABptt(r: LinearRnn): Mat {
  const hs = states(r);
  const T = r.xs.length;
  const m = r.h0.length;
  const G: Mat = Array.from({ length: m }, () => Array.from({ length: m }, () => Rational.ZERO));
  for (let t = 1; t <= T; t++) {
    const d = dLdhNotes(r, t);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) G[i]![j] = G[i]![j]!.add(d[i]!.mul(hs[t - 1]![j]!));
  }
  return G;
}

/** ∂L/∂A_{ij} by exact forward-mode differentiation (dual numbers over the rationals). */
export function dLdAForward(r: LinearRnn, i: number, j: number): Rational {
  let h = r.h0, dh = r.h0.map(() => Rational.ZERO);
  for (const x of r.xs) {
    const nh = vadd(vadd(matVec(r.A, h), matVec(r.B, x)), r.b);
    const ndh = matVec(r.A, dh);
    ndh[i] = ndh[i]!.add(h[j]!);
    h = nh; dh = ndh;
  }
  const res = dot(r.w, h).add(r.c).sub(r.y);
  return Rational.fromInt(2).mul(res).mul(dot(r.w, dh));
}
