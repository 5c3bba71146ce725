/**
 * Error bounds for gradients computed by reverse-mode autodiff (tf.grad / tf.grads).
 *
 * Method: a forward error analysis of the backward graph, op by op, in the standard model
 * (Higham §2.2: fl(a ∘ b) = (a ∘ b)(1 + δ), |δ| ≤ u; γ_k = ku/(1 − ku)). Every intermediate
 * tensor element is tracked as an {@link EB} `{ m, e, lo? }`:
 *   m  ≥ |exact value|,   e ≥ |computed − exact|,   lo ≤ |exact value| (denominators only).
 * The rules (each is a rigorous inequality; the exact value is what the same graph gives in real
 * arithmetic on the same float inputs):
 *   round(r̃, k):  the op evaluates r̃ (the exact op on the *computed* operands, |r̃ − r| ≤ E) and
 *                 rounds it with k roundings: |r̂ − r| ≤ E + γ_k(m + E) + tiny.
 *   a·b:          |âb̂ − ab| ≤ m_a e_b + m_b e_a + e_a e_b, then round 1.
 *   a ± b:        E = e_a + e_b, then round 1.
 *   Σ_k t_i:      any order (reduction kernels differ per backend): Σe_i + γ_{k−1}Σ(m_i + e_i) + k·tiny.
 *   a / b:        needs lo_b > e_b: |â/b̂ − a/b| ≤ e_a/(lo_b − e_b) + m_a e_b/(lo_b(lo_b − e_b)),
 *                 then 2 roundings (covers division implemented as a reciprocal and a multiply).
 *   √v:           needs lo_v > e_v: |√v̂ − √v| ≤ e_v/(√(lo_v − e_v) + √lo_v), then the
 *                 elementary-function allowance 2·ulps·u (relative).
 *   mean_k:       Σ then ÷k or ×fl(1/k): E = Σe_i/k + γ_{k+1}Σ(m_i + e_i)/k + (k+2)·tiny (as meanBound).
 * Multiplications by exact constants (ones, 2) and negations are exact and are not rounded.
 * An `m` may be overridden by a tighter exact magnitude from the oracle (|x_i − μ|, σ², …): the
 * rules only need m ≥ |exact|, never equality. Evaluation in float64: each result is multiplied by
 * SAFETY (1 + 2⁻³⁰), which dominates the float64 evaluation error of these short formulas.
 *
 * If a denominator cannot be bounded away from zero (lo ≤ e) the bound is +∞ (no claim).
 */
import { gamma } from './float-format.js';
import { SAFETY, mergeMomentsBound, type Precision } from './bounds.js';

export interface EB { m: number; e: number; lo?: number }

export const exactEB = (m: number, lo?: number): EB => (lo === undefined ? { m, e: 0 } : { m, e: 0, lo });

function rnd(m: number, E: number, k: number, p: Precision): EB {
  return { m, e: (E + gamma(k, p.u) * (m + E) + p.tiny) * SAFETY };
}

export function ebMul(a: EB, b: EB, p: Precision, m?: number): EB {
  return rnd(m ?? a.m * b.m * SAFETY, a.m * b.e + b.m * a.e + a.e * b.e, 1, p);
}
/** a·c for an exact power-of-two constant c (no rounding, barring underflow). */
export function ebScale(a: EB, c: number, p: Precision): EB {
  return { m: a.m * Math.abs(c), e: a.e * Math.abs(c) + p.tiny };
}
export function ebAdd(a: EB, b: EB, p: Precision, m?: number): EB {
  return rnd(m ?? (a.m + b.m) * SAFETY, a.e + b.e, 1, p);
}
export function ebSum(ts: EB[], p: Precision, m?: number): EB {
  const k = ts.length;
  let se = 0, sme = 0, sm = 0;
  for (const t of ts) { se += t.e; sme += t.m + t.e; sm += t.m; }
  const g = k > 1 ? gamma(k - 1, p.u) : 0;
  return { m: m ?? sm * SAFETY, e: (se + g * sme + k * p.tiny) * SAFETY };
}
export function ebMean(ts: EB[], p: Precision, m?: number): EB {
  const k = ts.length;
  let se = 0, sme = 0, sm = 0;
  for (const t of ts) { se += t.e; sme += t.m + t.e; sm += t.m; }
  return { m: m ?? (sm / k) * SAFETY, e: (se / k + gamma(k + 1, p.u) * sme / k + (k + 2) * p.tiny) * SAFETY };
}
export function ebDiv(a: EB, b: EB, p: Precision, m?: number): EB {
  const lo = b.lo ?? 0;
  if (!(lo > b.e)) return { m: Infinity, e: Infinity };
  const E = a.e / (lo - b.e) + a.m * b.e / (lo * (lo - b.e));
  return rnd(m ?? (a.m / lo) * SAFETY, E * SAFETY, 2, p);
}
export function ebSqrt(v: EB, p: Precision, m: number, lo: number): EB {
  const vl = v.lo ?? 0;
  if (!(vl > v.e)) return { m: Infinity, e: Infinity, lo };
  const E = v.e / (Math.sqrt(vl - v.e) * (1 - 2 ** -50) + Math.sqrt(vl) * (1 - 2 ** -50));
  const rel = 2 * p.ulps * p.u;
  return { m, lo, e: (E + rel * (m + E) + p.tiny) * SAFETY };
}

/**
 * Conv2D filter gradient by tf.grad of Σ conv2d(x, W) ⊙ dy. The backward pass is: grad of Σ is
 * ones (exact); grad of the ⊙ w.r.t. the conv output is ones ⊙ dy = dy (exact); then the
 * Conv2DBackpropFilter kernel, which forms each dW_{h,l} as one dot product of the m_h·m_w
 * input/upstream pairs it covers (cpu backend: a scalar loop; any order and FMA use are covered).
 * Hence per entry |dŴ_{h,l} − dW_{h,l}| ≤ γ_k Σ|x·dy| + 2k·tiny (`dotBound`, Higham (3.5)), k the
 * number of (i, j) pairs; exact inputs (float32 values), so no propagated error.
 */
export function convFilterGradBound(k: number, sumAbsProducts: number, p: Precision): number {
  if (k === 0) return 0;
  return (gamma(k, p.u) * sumAbsProducts + 2 * k * p.tiny) * SAFETY;
}

/** Exact magnitudes of one batch-norm column, from the oracle (upper bounds; `sLo` a lower bound). */
export interface BnColumnMagnitudes {
  absX: number[]; absDy: number[]; absMu: number; absC: number[]; v: number; ve: number; veLo: number; sHi: number; sLo: number; gamma: number;
  /** max x − min x of the column (an upper bound); needed by the Welford / merge moments of `bnBackwardBound`. */
  range?: number;
}

/**
 * Batch-norm backward bound, one feature column of N batch entries, for the tfjs graph of
 * `bn.backward` (src/impl/tfjs/convolution.ts and src/impl/tfjs/normalisation.ts) — forward: μ = mean(x); c = x − μ; v = mean(c²);
 * s = √(v + ε); x̂ = c/s; y = γx̂ + β; L = Σ y⊙dy. tf.grads then evaluates (tfjs-core gradients of
 * Mean, Sub, Square, Sqrt, RealDiv, Mul, Add, Sum; Sum and broadcast-reductions are `sum`s):
 *   dβ = Σ_n dy_n;  dγ = Σ_n dy_n x̂_n;  g_n = dy_n γ;
 *   a_n = g_n / s                         (RealDiv grad w.r.t. the numerator)
 *   g_s = −(Σ_n g_n c_n) / square(s)      (RealDiv grad w.r.t. the broadcast denominator)
 *   g_v = g_s / (√(v+ε)·2)                (Sqrt grad; Add grad passes through)
 *   q_n = (g_v·1) / N;  b_n = q_n·(c_n·2)  (Mean grad, Square grad)
 *   h_n = a_n + b_n                       (accumulation of the two uses of c)
 *   g_μ = −Σ_n h_n;  dx_n = h_n + (g_μ·1)/N (Sub grad w.r.t. μ, Mean grad, accumulation)
 * Each line is bounded with the EB rules above; the forward intermediates are bounded with the
 * same rules (mean with γ_{N+1}). Returns per-entry bounds for dx, dγ, dβ.
 */
export function bnBackwardColumnBound(M: BnColumnMagnitudes, p: Precision): { dx: number[]; dgamma: number; dbeta: number } {
  const N = M.absX.length;
  const x = M.absX.map((a) => exactEB(a));
  const dy = M.absDy.map((a) => exactEB(a));
  const g = exactEB(M.gamma);
  const mu = ebMean(x, p, M.absMu);
  const c = x.map((xi, n) => ebAdd(xi, mu, p, M.absC[n]!));
  const sq = c.map((cn) => ebMul(cn, cn, p));
  const v = ebMean(sq, p, M.v);
  const ve: EB = { ...ebAdd(v, exactEB(0), p, M.ve), lo: M.veLo };
  const s = ebSqrt(ve, p, M.sHi, M.sLo);
  const xh = c.map((cn) => ebDiv(cn, s, p));
  const dbeta = ebSum(dy, p).e;
  const dgamma = ebSum(dy.map((d, n) => ebMul(d, xh[n]!, p)), p).e;
  const gn = dy.map((d) => ebMul(d, g, p));
  const a = gn.map((gi) => ebDiv(gi, s, p));
  const s2: EB = { ...ebMul(s, s, p), lo: M.sLo * M.sLo * (1 - 2 ** -50) };
  const gs = ebDiv(ebSum(gn.map((gi, n) => ebMul(gi, c[n]!, p)), p), s2, p);
  const twoS: EB = { ...ebScale(s, 2, p), lo: 2 * M.sLo };
  const gv = ebDiv(gs, twoS, p);
  const Nexact: EB = exactEB(N, N);
  const q = ebDiv(gv, Nexact, p);
  const b = c.map((cn) => ebMul(q, ebScale(cn, 2, p), p));
  const h = a.map((an, n) => ebAdd(an, b[n]!, p));
  const gmu = ebSum(h, p);
  const gmuN = ebDiv(gmu, Nexact, p);
  const dx = h.map((hn) => ebAdd(hn, gmuN, p).e);
  return { dx, dgamma, dbeta };
}

/**
 * Batch-norm backward over its standard algorithms (spec/ops.md, bn.backward): the larger, per
 * entry, of the bounds of
 *   autodiff — the reverse-mode graph of the forward (`bnBackwardColumnBound`; TensorFlow.js);
 *   staged   — PyTorch CPU: invstd = 1/√(v + ε); Σdy; P = Σ(x − μ)dy; k = P·invstd·invstd/N;
 *              dx = (dy − (x − μ)k − Σdy/N)·invstd·γ; dγ = P·invstd; dβ = Σdy;
 *   fused    — the textbook closed form with the coefficient first: x̂ = (x − μ)·invstd,
 *              dx = (γ·invstd/N)·(N·dy − Σdy − x̂·Σ(dy·x̂)) (a tiny γ makes that coefficient
 *              subnormal; its absolute error, tiny, is amplified by |N·dy − …|: the EB rules carry it);
 *   mean     — dx = γ·invstd·(dy − mean(dy) − x̂·mean(dy·x̂)) (cuDNN-style);
 * the last three each with moments by two passes or by Welford / pairwise merges
 * (`mergeMomentsBound`: mean error ē, variance error (dS(1 + γ_2) + γ_2·Nσ²)/N), and invstd as
 * 1/√ (two roundings after √ with its allowance) — which also covers rsqrt within its allowance.
 * Every line is bounded with the EB rules above; magnitudes from the oracle where given.
 */
export function bnBackwardBound(M: BnColumnMagnitudes, p: Precision): { dx: number[]; dgamma: number; dbeta: number } {
  const forms = [bnBackwardColumnBound(M, p)];
  const N = M.absX.length;
  const x = M.absX.map((a) => exactEB(a));
  const dy = M.absDy.map((a) => exactEB(a));
  const g = exactEB(M.gamma);
  const Nexact: EB = exactEB(N, N);
  const one: EB = exactEB(1, 1);
  const moments: { mu: EB; v: EB }[] = [];
  {
    const mu = ebMean(x, p, M.absMu);
    const c = x.map((xi, n) => ebAdd(xi, mu, p, M.absC[n]!));
    moments.push({ mu, v: ebMean(c.map((cn) => ebMul(cn, cn, p)), p, M.v) });
  }
  if (M.range !== undefined) {
    const A = Math.max(...M.absX);
    const { dMu, dS } = mergeMomentsBound(N, A, M.range, N * M.v, p);
    const g2 = gamma(2, p.u);
    moments.push({ mu: { m: M.absMu, e: dMu }, v: { m: M.v, e: ((dS * (1 + g2) + g2 * N * M.v) / N) * SAFETY } });
  }
  for (const { mu, v } of moments) {
    const c = x.map((xi, n) => ebAdd(xi, mu, p, M.absC[n]!));
    const ve: EB = { ...ebAdd(v, exactEB(0), p, M.ve), lo: M.veLo };
    const s = ebSqrt(ve, p, M.sHi, M.sLo);
    const inv = ebDiv(one, s, p, (1 / M.sLo) * SAFETY);
    const sum = ebSum(dy, p);
    // staged (PyTorch CPU)
    {
      const P = ebSum(c.map((cn, n) => ebMul(cn, dy[n]!, p)), p);
      const k = ebDiv(ebMul(ebMul(P, inv, p), inv, p), Nexact, p);
      const gm = ebDiv(sum, Nexact, p);
      const dx = c.map((cn, n) => ebMul(ebMul(ebAdd(ebAdd(dy[n]!, ebMul(cn, k, p), p), gm, p), inv, p), g, p).e);
      forms.push({ dx, dgamma: ebMul(P, inv, p).e, dbeta: sum.e });
    }
    const xh = c.map((cn) => ebMul(cn, inv, p));
    const dg = ebSum(dy.map((d, n) => ebMul(d, xh[n]!, p)), p);
    // fused: coefficient γ·invstd/N first
    {
      const coef = ebDiv(ebMul(g, inv, p), Nexact, p);
      const dx = dy.map((d, n) => ebMul(coef, ebAdd(ebAdd(ebMul(d, Nexact, p), sum, p), ebMul(xh[n]!, dg, p), p), p).e);
      forms.push({ dx, dgamma: dg.e, dbeta: sum.e });
    }
    // mean form
    {
      const mdy = ebMean(dy, p);
      const mdyx = ebMean(dy.map((d, n) => ebMul(d, xh[n]!, p)), p);
      const gi = ebMul(g, inv, p);
      const dx = dy.map((d, n) => ebMul(gi, ebAdd(ebAdd(d, mdy, p), ebMul(xh[n]!, mdyx, p), p), p).e);
      forms.push({ dx, dgamma: dg.e, dbeta: sum.e });
    }
  }
  // a form whose denominators cannot be bounded away from 0 gives no claim (+∞; NaN arises from ∞·0 there)
  const big = (xs: number[]) => (xs.some((v) => Number.isNaN(v)) ? Infinity : Math.max(...xs));
  return {
    dx: forms[0]!.dx.map((_, n) => big(forms.map((f) => f.dx[n]!))),
    dgamma: big(forms.map((f) => f.dgamma)),
    dbeta: big(forms.map((f) => f.dbeta)),
  };
}
