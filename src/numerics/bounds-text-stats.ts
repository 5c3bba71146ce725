/**
 * Error bounds of text.tfidf and text.bm25. Working precision with unit roundoff u;
 * elementary functions within `ulps` ulps, i.e. relative error e = 2·ulps·u (ulp(x) ≤ 2u|x|).
 * Counts, document lengths, N and df are integers < 2^24: exact in float32 and float64.
 *
 * Logarithm of a computed argument (logError): L = log_b(r) where the argument is formed with k
 * roundings, r̂ = r·Π(1 + δ_i): ln r̂ = ln r + θ with |θ| ≤ k·u/(1 − u) ≤ 1.02·k·u; the computed
 * logarithm adds e·|ln r̂|; base 10 (ln r / ln 10 with a rounded ln 10 and one division, or log10
 * directly, or a multiplication by a rounded log10(e)) at most two more roundings. Together
 *   |L̂ − L| ≤ (e + 2.01u)·|L| + 1.02·k·u   (the θ term divided by ln 10 ≤ itself in base 10).
 * An argument that is exactly 1 (N/N, (1+N)/(1+N)) is formed exactly (x/x = 1 in IEEE) and every
 * correctly bounded ln returns 0 for it: error 0.
 */
import { gamma } from './float-format.js';
import { SAFETY, type Precision } from './bounds.js';

/** |L̂ − L| for L = log_b(r), r formed with k roundings (see the module comment); 0 when r is exactly 1. */
export function logError(L: number, k: number, prec: Precision, argIsOne = false): number {
  if (argIsOne) return 0;
  const e = 2 * prec.ulps * prec.u;
  return (e + 2.01 * prec.u) * Math.abs(L) + 1.02 * k * prec.u;
}

export type TfForm = 'raw' | 'relative' | 'binary' | 'log1p' | 'sublinear';
export type IdfForm = 'smooth' | 'plain' | 'ratio' | 'natural' | 'none';

/**
 * Absolute error of a computed tf value t (exact value `t`, count c ≥ 1):
 *   raw, binary: exact (integers); relative c/|d|: one division, u·t; log1p: log(1 + c) with the
 *   argument exact (k = 0; log1p(c) is covered by the same e); sublinear 1 + log c: the log (k = 0)
 *   and one addition, u·t.
 */
export function tfError(t: number, form: TfForm, prec: Precision): number {
  switch (form) {
    case 'raw': case 'binary': return 0;
    case 'relative': return prec.u * t;
    case 'log1p': return logError(t, 0, prec);
    case 'sublinear': return logError(t - 1, 0, prec) + prec.u * Math.abs(t);
  }
}

/**
 * Absolute error of a computed idf value I (exact value; `one`: the log's argument is exactly 1):
 *   ratio log(N/df): k = 1; smooth 1 + log((1+N)/(1+df)), plain 1 + log(N/df), natural
 *   1 + log(N/(1+df)): k = 1 (1 + N, 1 + df exact) and one addition, u·|I|; none: exact.
 */
export function idfError(I: number, form: IdfForm, prec: Precision, one: boolean): number {
  switch (form) {
    case 'none': return 0;
    case 'ratio': return logError(I, 1, prec, one);
    default: return logError(I - 1, 1, prec, one) + prec.u * Math.abs(I);
  }
}

/**
 * Per-entry bounds of text.tfidf. Inputs: exact magnitudes |t| (tf), |I| (idf), their errors Et, Ei
 * (tfError, idfError) per entry (0 where the count is 0: the entry is exactly 0), `rowNormLo` a lower
 * bound of the exact row norm ‖p‖₂ (for l2), `w` the exact normalised magnitudes.
 *   Product p = t·I: |p̂ − p| ≤ |t|Ei + |I|Et + Et·Ei + u(|t| + Et)(|I| + Ei) =: E_j.
 *   l2: ‖a/‖a‖ − b/‖b‖‖₂ ≤ 2‖a − b‖₂/‖b‖₂ (triangle inequality: ‖a − b‖/‖b‖ + |‖b‖ − ‖a‖|/‖b‖), so
 *   with Δ = √(Σ E_j²) the normalisation of the computed products is within 2Δ/‖p‖ of w. Computing it:
 *   V squares, V − 1 additions, a square root, then a division (or reciprocal and product): every
 *   quantity positive, so ‖p̂‖^ = ‖p̂‖(1 + η), |η| ≤ γ_{V+1}, and ŵ_j = (p̂_j/‖p̂‖)(1 + η'), |η'| ≤ γ_{V+4}.
 *   Hence |ŵ_j − w_j| ≤ 2Δ/‖p‖ + γ_{V+4}(|w_j| + 2Δ/‖p‖) (capped at 2: both are unit-vector entries).
 *   A row whose exact norm is 0 has every p̂_j = 0 exactly (tf = 0, or idf = log 1 = 0 exactly) and
 *   stays zero: bound 0.
 */
export function tfidfRowBounds(t: number[], I: number[], Et: number[], Ei: number[], nonzero: boolean[], l2: { rowNormLo: number; w: number[] } | null, prec: Precision): number[] {
  const u = prec.u;
  const E = t.map((tj, j) => (nonzero[j] ? tj * Ei[j]! + I[j]! * Et[j]! + Et[j]! * Ei[j]! + u * (tj + Et[j]!) * (I[j]! + Ei[j]!) : 0));
  if (!l2) return E.map((x) => x * SAFETY + (x > 0 ? prec.tiny : 0));
  if (l2.rowNormLo === 0) return E.map(() => 0);
  const delta = Math.sqrt(E.reduce((s, x) => s + x * x, 0)) * SAFETY;
  const rel = (2 * delta) / l2.rowNormLo;
  const g = gamma(t.length + 4, u);
  return l2.w.map((wj, j) => (nonzero[j] ? Math.min(2, (rel + g * (wj + rel)) * SAFETY + prec.tiny) : 0));
}

/**
 * Bound of one BM25 score s = Σ_q I_q·F_q over the query tokens with tf > 0 (F_q the exact tf factor
 * tf(k1+1)/(tf + k1(1 − b + b·|d|/avgdl)) > 0, I_q the idf, of either sign for rsj).
 *   F: avgdl (1 division of an exact integer sum), |d|/avgdl, b·(…), 1 − b, the sum, k1·(…), tf + …,
 *   k1 + 1, tf·(k1 + 1), the division: 10 roundings of non-negative quantities (sums of non-negative
 *   terms keep relative error), two spare for reorderings (a reciprocal, (k1 + 1) applied last):
 *   F̂ = F(1 + θ), |θ| ≤ γ_12. (Forms that subtract, k1 − k1·b + …, are not covered.)
 *   idf: lucene ln(1 + (N − df + ½)/(df + ½)) k = 2, rsj k = 1, atire ln(N/df) k = 1: Ei = logError.
 *   Term T = I·F: |T̂ − T| ≤ F(γ_13·|I| + (1 + γ_13)·Ei) (one more rounding for the product).
 *   Sum of the Q' non-zero terms in any order: γ_{Q'−1}·Σ(|T| + E_T) more (Higham 4.4).
 */
export function bm25ScoreBound(terms: { I: number; F: number; Ei: number }[], prec: Precision): number {
  const g12 = gamma(12, prec.u), g13 = gamma(13, prec.u);
  let e = 0, mag = 0;
  for (const { I, F, Ei } of terms) {
    const et = F * (g13 * Math.abs(I) + (1 + g12) * Ei);
    e += et;
    mag += Math.abs(I) * F + et;
  }
  const q = terms.length;
  if (q === 0) return 0;
  return (e + gamma(Math.max(q - 1, 0), prec.u) * mag) * SAFETY + prec.tiny;
}
