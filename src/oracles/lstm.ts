/**
 * Exact LSTM-cell oracle (area `lstm`).
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

const dot = (w: Rational[], z: Rational[]) => Rational.sum(w.map((v, k) => v.mul(z[k]!)));

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
 * Forward error bound of the float cell (any summation order; tfjs basicLSTMCell op order):
 *  • a_g: one dot product of length n+m plus the bias: |â − a| ≤ γ_{n+m+1}(Σ|K z| + |b|) (dotBound);
 *    adding forgetBias = 0 is exact.
 *  • σ, tanh with the elementary allowance: |φ̂(â) − φ(a)| ≤ L·E_a + 2·ulps·u·(M + L·E_a) + tiny,
 *    L = 1/4 (σ) or 1 (tanh) the Lipschitz constants.
 *  • products / sums: |x̂ŷ(1+δ) − xy| ≤ M_x E_y + M_y E_x + E_x E_y + u(M_x+E_x)(M_y+E_y) + tiny;
 *    |x̂+ŷ (1+δ) − (x+y)| ≤ E_x + E_y + u(M_x+E_x+M_y+E_y).
 * Magnitudes come from the exact enclosures. Returns per-unit bounds for c_t and h_t.
 */
export function cellBound(q: LstmQ, enc: CellEnclosure, p: Precision): { c: number[]; h: number[] } {
  const m = q.h.length, n = q.x.length;
  const z = [...q.h, ...q.x].map((v) => magI(encloseRational(v)));
  const elem = 2 * p.ulps * p.u;
  const pre = (g: Gate, k: number): number => {
    const s = q.W[g][k]!.reduce((acc, w, r) => acc + magI(encloseRational(w)) * z[r]!, 0) * (1 + 2 ** -40);
    return dotBound(n + m + 1, s + magI(encloseRational(q.b[g][k]!)), p);
  };
  const act = (M: number, Ea: number, L: number): ME => ({ M, E: L * Ea + elem * (M + L * Ea) + p.tiny });
  const mulE = (x: ME, y: ME): ME => ({ M: x.M * y.M, E: x.M * y.E + y.M * x.E + x.E * y.E + p.u * (x.M + x.E) * (y.M + y.E) + p.tiny });
  const addE = (x: ME, y: ME): ME => ({ M: x.M + y.M, E: x.E + y.E + p.u * (x.M + x.E + y.M + y.E) });
  const cB: number[] = [], hB: number[] = [];
  for (let k = 0; k < m; k++) {
    const f = act(magI(enc.f[k]!), pre('f', k), 0.25);
    const i = act(magI(enc.i[k]!), pre('i', k), 0.25);
    const g = act(magI(enc.g[k]!), pre('c', k), 1);
    const o = act(magI(enc.o[k]!), pre('o', k), 0.25);
    const cp: ME = { M: magI(encloseRational(q.c[k]!)), E: 0 };
    const cN = addE(mulE(i, g), mulE(cp, f));
    const cM: ME = { M: magI(enc.c[k]!), E: cN.E };
    const t = act(Math.min(1, magI(tanh(enc.c[k]!))), cM.E, 1);
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
