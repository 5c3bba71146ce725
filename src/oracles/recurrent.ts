/**
 * Exact LSTM-cell oracle.
 *
 * Notes' convention (seed 000, 3.2): every gate g ∈ {f, i, c, o} has a weight matrix W_g of shape
 * m×(m+n) acting on the concatenation [h_{t−1}; x_t] and a bias b_g ∈ ℝ^m:
 *   f = σ(W_f[h;x] + b_f), i = σ(W_i[h;x] + b_i), c̃ = tanh(W_c[h;x] + b_c), o = σ(W_o[h;x] + b_o),
 *   c_t = f ⊙ c_{t−1} + i ⊙ c̃,  h_t = o ⊙ tanh(c_t).
 * Pre-activations are exact rationals; σ and tanh are enclosed rigorously (src/numerics/interval.ts).
 * Also: the other two notes' layouts (004: [x;h]; 003: separate v_g h + w_g x, no bias), the mapping to
 * tfjs basicLSTMCell's kernel layout, and a float error bound for the cell.
 */
import { Rational } from '../numerics/rational.js';
import { Interval, add, mul, sigmoid, tanh } from '../numerics/interval.js';
import { encloseRational } from '../numerics/enclose.js';
import { dotBound, SAFETY, type Precision } from '../numerics/bounds.js';

export type Gate = 'f' | 'i' | 'c' | 'o';
export const GATES: readonly Gate[] = ['f', 'i', 'c', 'o'];

export interface LstmQ {
  x: Rational[];
  h: Rational[];
  c: Rational[];
  /** Per-gate m×(m+n) weights on [h; x] (notes 000). */
  W: Record<Gate, Rational[][]>;
  b: Record<Gate, Rational[]>;
}


/** Notes 000: a_g = W_g [h; x] + b_g. */
export function preacts000(q: LstmQ): Record<Gate, Rational[]> {
  const z = [...q.h, ...q.x];
  const r = {} as Record<Gate, Rational[]>;
  for (const g of GATES) r[g] = q.W[g].map((row, k) => dot(row, z).add(q.b[g][k]!));
  return r;
}

/** Notes 004: the same gate with W'_g acting on [x; h] — W'_g = W_g with its column blocks swapped. */
export function preacts004(q: LstmQ): Record<Gate, Rational[]> {
  const m = q.h.length;
  const z = [...q.x, ...q.h];
  const r = {} as Record<Gate, Rational[]>;
  for (const g of GATES) r[g] = q.W[g].map((row, k) => dot([...row.slice(m), ...row.slice(0, m)], z).add(q.b[g][k]!));
  return r;
}

/** Notes 003: a_g = v_g h + w_g x (no bias), v_g = W_g[:, :m], w_g = W_g[:, m:]. */
export function preacts003(q: LstmQ): Record<Gate, Rational[]> {
  const m = q.h.length;
  const r = {} as Record<Gate, Rational[]>;
  for (const g of GATES) r[g] = q.W[g].map((row) => dot(row.slice(0, m), q.h).add(dot(row.slice(m), q.x)));
  return r;
}

/** tfjs basicLSTMCell column blocks: i (input gate), j (new input = c̃), f (forget), o (output). */
export const TFJS_ORDER: readonly Gate[] = ['i', 'c', 'f', 'o'];

/**
 * The notes' weights in tfjs basicLSTMCell layout: kernel K of shape (n+m)×4m acting on [x; h]
 * (tfjs concatenates data then h), column block q holds gate TFJS_ORDER[q]; K[r][q·m + k] is
 * W_g[k][m + r] for r < n (x part) and W_g[k][r − n] for r ≥ n (h part). tfjs adds `forgetBias`
 * to the f block, so lstmBias_f = b_f − forgetBias.
 */
export function toTfjsLayout<T>(W: Record<Gate, T[][]>, b: Record<Gate, T[]>, n: number, m: number,
  subForget: (v: T) => T): { kernel: T[][]; bias: T[] } {
  const kernel: T[][] = Array.from({ length: n + m }, () => []);
  const bias: T[] = [];
  for (const g of TFJS_ORDER) {
    for (let k = 0; k < m; k++) {
      for (let r = 0; r < n + m; r++) kernel[r]!.push(r < n ? W[g][k]![m + r]! : W[g][k]![r - n]!);
      bias.push(g === 'f' ? subForget(b[g][k]!) : b[g][k]!);
    }
  }
  return { kernel, bias };
}

/** Exact pre-activations as tfjs computes them from (kernel, bias, forgetBias): [x; h]·K + bias, + forgetBias on f. */
export function preactsTfjs(kernel: Rational[][], bias: Rational[], forgetBias: Rational, x: Rational[], h: Rational[]): Record<Gate, Rational[]> {
  const z = [...x, ...h];
  const m = h.length;
  const r = {} as Record<Gate, Rational[]>;
  TFJS_ORDER.forEach((g, q) => {
    r[g] = Array.from({ length: m }, (_, k) => {
      const col = q * m + k;
      const v = Rational.sum(z.map((zr, row) => zr.mul(kernel[row]![col]!))).add(bias[col]!);
      return g === 'f' ? v.add(forgetBias) : v;
    });
  });
  return r;
}

export interface CellEnclosure { f: Interval[]; i: Interval[]; g: Interval[]; o: Interval[]; c: Interval[]; h: Interval[] }

/** Rigorous enclosures of the gates and of (c_t, h_t) from exact pre-activations. */
export function cellEnclosure(pre: Record<Gate, Rational[]>, cPrev: Rational[]): CellEnclosure {
  const f = pre.f.map((a) => sigmoid(encloseRational(a)));
  const i = pre.i.map((a) => sigmoid(encloseRational(a)));
  const g = pre.c.map((a) => tanh(encloseRational(a)));
  const o = pre.o.map((a) => sigmoid(encloseRational(a)));
  const c = cPrev.map((cp, k) => add(mul(f[k]!, encloseRational(cp)), mul(i[k]!, g[k]!)));
  const h = c.map((ck, k) => mul(o[k]!, tanh(ck)));
  return { f, i, g, o, c, h };
}

const magI = (v: Interval) => Math.max(Math.abs(v.lo), Math.abs(v.hi));

/** (magnitude upper bound, absolute error bound) of a computed quantity. */
interface ME { M: number; E: number }

/**
 * Forward error bound of the float cell, covering the standard evaluations (spec/ops.md lists them):
 *  • a_g: the gate matmul in either concatenation order ([h; x] or [x; h]), one fused 4m×(m+n) matmul, or
 *    two matmuls W_ih x + W_hh h plus the bias (PyTorch's fused cell): every pre-activation is a sum of the
 *    n + m products and the bias in some order, |â − a| ≤ γ_{n+m+1}(Σ|W z| + |b|) (dotBound, any order, FMA or not).
 *  • σ, any of: 1/(1 + exp(−a)); exp(a)/(1 + exp(a)); the two branches by sign; ½(1 + tanh(a/2)).
 *    With ε = 2·ulps·u the elementary allowance, the exp forms give σ̂ = σ(â)(1 + θ), |θ| ≤ (1 + ε/(1 − ε))(1 + u)² − 1
 *    (exp relative ε moves 1/(1 + e) by at most ε(1 − σ)/(1 − ε) relative; one addition, one division), plus σ(â)
 *    itself when exp(−â) overflows to ∞ (1/∞ = 0; only for â < −ln(max float), where σ < 2^{−127}); the tanh form gives
 *    |σ̂ − σ(â)| ≤ ½ε|2σ(â) − 1| + u·σ̂ (the tanh error halved, one addition, an exact halving).
 *    Hence |σ̂ − σ(a)| ≤ ¼E_a + max(θ(M + ¼E_a), ½ε + u(1 + ε)(M + ¼E_a)) + [overflow] + tiny (M ≥ σ(a), ¼ the Lipschitz constant).
 *  • tanh, either the library tanh (relative ε) or (e^{2a} − 1)/(e^{2a} + 1): the exp error moves the quotient by
 *    ≤ ½ε(1 − tanh²) absolutely, three roundings add 3u|tanh|: |t̂ − tanh(a)| ≤ E_a + max(ε(M + E_a), ½ε + γ₃(M + E_a)) + tiny.
 *  • products / sums (c′ = f ⊙ c + i ⊙ c̃ with or without FMA, h′ = o ⊙ tanh(c′)):
 *    |x̂ŷ(1+δ) − xy| ≤ M_x E_y + M_y E_x + E_x E_y + u(M_x+E_x)(M_y+E_y) + tiny;
 *    |x̂+ŷ (1+δ) − (x+y)| ≤ E_x + E_y + u(M_x+E_x+M_y+E_y).
 * Magnitudes come from the exact enclosures. Returns per-unit bounds for c_t and h_t.
 */
export function cellBound(q: LstmQ, enc: CellEnclosure, p: Precision): { c: number[]; h: number[] } {
  const m = q.h.length, n = q.x.length;
  const z = [...q.h, ...q.x].map((v) => magI(encloseRational(v)));
  const elem = 2 * p.ulps * p.u;
  const u = p.u;
  const thetaExp = ((1 + elem / (1 - elem)) * (1 + u) ** 2 - 1) * (1 + 2 ** -40);
  const g3 = 3 * u / (1 - 3 * u);
  // exp(−a) overflows beyond ln(max float): 88.72 (float32), 709.78 (float64)
  const lnMax = u === 2 ** -24 ? 88.72 : 709.78;
  const pre = (g: Gate, k: number): { E: number; Amax: number } => {
    const s = q.W[g][k]!.reduce((acc, w, r) => acc + magI(encloseRational(w)) * z[r]!, 0) * (1 + 2 ** -40);
    const bias = magI(encloseRational(q.b[g][k]!));
    return { E: dotBound(n + m + 1, s + bias, p), Amax: s + bias };
  };
  const sig = (M: number, a: { E: number; Amax: number }): ME => {
    const L = 0.25 * a.E;
    const E = L + Math.max(thetaExp * (M + L), 0.5 * elem + u * (1 + elem) * (M + L)) + (a.Amax + a.E > lnMax ? M + L : 0) + p.tiny;
    return { M, E: E * (1 + 2 ** -40) };
  };
  const tnh = (M: number, Ea: number): ME => ({ M, E: (Ea + Math.max(elem * (M + Ea), 0.5 * elem + g3 * (M + Ea)) + p.tiny) * (1 + 2 ** -40) });
  const mulE = (x: ME, y: ME): ME => ({ M: x.M * y.M, E: x.M * y.E + y.M * x.E + x.E * y.E + p.u * (x.M + x.E) * (y.M + y.E) + p.tiny });
  const addE = (x: ME, y: ME): ME => ({ M: x.M + y.M, E: x.E + y.E + p.u * (x.M + x.E + y.M + y.E) });
  const cB: number[] = [], hB: number[] = [];
  for (let k = 0; k < m; k++) {
    const f = sig(magI(enc.f[k]!), pre('f', k));
    const i = sig(magI(enc.i[k]!), pre('i', k));
    const g = tnh(magI(enc.g[k]!), pre('c', k).E);
    const o = sig(magI(enc.o[k]!), pre('o', k));
    const cp: ME = { M: magI(encloseRational(q.c[k]!)), E: 0 };
    const cN = addE(mulE(i, g), mulE(cp, f));
    const cM: ME = { M: magI(enc.c[k]!), E: cN.E };
    const t = tnh(Math.min(1, magI(tanh(enc.c[k]!))), cM.E);
    const hN = mulE(t, o);
    cB.push(cN.E * SAFETY); hB.push(hN.E * SAFETY);
  }
  return { c: cB, h: hB };
}

// ------------------------------------------------------------------ exact cell with rational activations

/**
 * Rational stand-ins for σ and tanh (same monotone shape, exact on rationals): the identities checked
 * with them (∂c_t/∂c_{t−1} = diag(f_t), products along the cell path) depend only on the gates not
 * depending on c_{t−1}, not on which squashing functions are used.
 */
export const softTanh = (a: Rational): Rational => a.div(Rational.ONE.add(a.abs()));
export const softSigmoid = (a: Rational): Rational => Rational.ONE.add(softTanh(a)).div(Rational.fromInt(2));

export interface StepQ { f: Rational[]; i: Rational[]; g: Rational[]; o: Rational[]; c: Rational[]; h: Rational[] }

/** One exact LSTM step with the rational activations. */
export function stepQ(q: LstmQ): StepQ {
  const a = preacts000(q);
  const f = a.f.map(softSigmoid), i = a.i.map(softSigmoid), g = a.c.map(softTanh), o = a.o.map(softSigmoid);
  const c = q.c.map((cp, k) => f[k]!.mul(cp).add(i[k]!.mul(g[k]!)));
  const h = c.map((ck, k) => o[k]!.mul(softTanh(ck)));
  return { f, i, g, o, c, h };
}

/**
 * Cell path only: run T steps with the hidden states h_0..h_{T−1} given (held fixed, as the notes'
 * "linear path C_{t−1} → C_t"), inputs xs; returns c_T and the forget gates.
 */
export function cellPath(q: Omit<LstmQ, 'x' | 'h'>, xs: Rational[][], hs: Rational[][]): { c: Rational[]; fs: Rational[][] } {
  let c = q.c;
  const fs: Rational[][] = [];
  xs.forEach((x, t) => {
    const s = stepQ({ ...q, x, h: hs[t]!, c });
    fs.push(s.f);
    c = s.c;
  });
  return { c, fs };
}

/**
 * Exact oracles for the gradients of a linear RNN (seed 002_606757b0cdfd2eb0.txt, lines 482–508):
 * h_t = A h_{t−1} + B x_t + b (A = W^h, B = W^x), many-to-one output ŷ = wᵀh_T + c, L = (ŷ − y)².
 * All in exact rationals: vectors are Rational[], matrices Rational[][] (rows).
 */

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

/** Parameter count of the fixed-window neural language model (seed 003_c2e944a0f3874627.txt, lines 48–80). */

/** Exact count: embedding V·d (if d > 0), hidden W (h × n·d or h × n·V) + b₁ (h), output U (V × h) + b₂ (V). */
export function windowLmParams(V: number, h: number, n: number, d: number): number {
  const inDim = d > 0 ? n * d : n * V;
  return (d > 0 ? V * d : 0) + h * inDim + h + V * h + V;
}
