/**
 * Error-bound models of the alignment domain's losses: the pairwise reward-model loss and DPO
 * (loss and gradient). Evaluated in float64 with the SAFETY factor (src/numerics/bounds.ts).
 */
import { gamma } from './float-format.js';
import { SAFETY, type Precision } from './bounds.js';

/**
 * One evaluation of softplus at a computed argument x̂ with |x̂ − x| ≤ e_x, true value t = softplus(x).
 *
 * Derivation (a = 2·ulps·u). softplus is 1-Lipschitz (its derivative σ lies in (0, 1)), so the
 * argument's error adds e_x. The standard evaluations:
 *  - stable: max(x, 0) + log1p(e^{−|x|}): exp and log1p each a relatively (log1p(y(1 + ε)) −
 *    log1p(y) ≤ ε·log1p(y)·(1 + y)/1 for y ≤ 1, since log1p(y) ≥ y/(1 + y)), the addition u: ≤ (2a + 2u)t;
 *  - log(1 + e^x): fl(1 + ê) is (1 + e^x)(1 ± (a + u)) (e/(1 + e) ≤ 1), the log turns that into an
 *    absolute 1.01(a + u), plus a·t of its own;
 *  - −log σ(−x) with σ from exp, add, divide ((a + 2u) relatively): absolute 1.01(a + 2u) + a·t.
 * Hence e_sp ≤ e_x + (2a + 2u)t + 1.01(a + 2u).
 */
export function softplusEvalBound(t: number, ex: number, p: Precision): number {
  const a = 2 * p.ulps * p.u, u = p.u;
  return ex + (2 * a + 2 * u) * t + 1.01 * (a + 2 * u) + 2 * p.tiny;
}

/** The mean of n computed terms with per-term errors e_i and exact values t_i ≥ 0: (Σe + γ_{n−1}Σ(t + e))/n·(1 + u) + u·mean. */
export function meanOfTermsBound(t: readonly number[], e: readonly number[], p: Precision): number {
  const n = t.length;
  let se = 0, st = 0;
  for (let i = 0; i < n; i++) { se += e[i]!; st += t[i]! + e[i]!; }
  return ((se + (n > 1 ? gamma(n - 1, p.u) * st : 0)) / n * (1 + p.u) + p.u * st / n) * SAFETY;
}

/**
 * The pairwise reward loss −mean log σ(c_i − r_i) = mean softplus(r_i − c_i): the margin
 * x = r − c is computed with one rounding (|x̂ − x| ≤ u|x|), then softplusEvalBound, then the mean.
 * `terms[i]` ≥ t_i (upper ends of the enclosures), `x[i]` = |r_i − c_i| (exact, as a double upper bound).
 */
export function rewardPairwiseBound(terms: readonly number[], xAbs: readonly number[], p: Precision): number {
  const e = terms.map((t, i) => softplusEvalBound(t, p.u * xAbs[i]! * SAFETY, p));
  return meanOfTermsBound(terms, e, p);
}

/**
 * DPO. h_i = β[(π_w − ρ_w) − (π_l − ρ_l)] from four log-probabilities: any association of the three
 * subtractions and the multiplication by β (before or after) errs by ≤ γ_4·|β|·S_i with
 * S_i = |π_w| + |π_l| + |ρ_w| + |ρ_l| (each partial result is bounded by S_i (times |β|), four roundings).
 * Loss: softplus(−ĥ_i) within softplusEvalBound(t_i, e_h), then the mean.
 * Gradient g_i = ∓(β/n)σ(−h_i): σ(−ĥ) = σ(−h)·e^{±e_h} (|d log σ(x)/dx| = σ(−x) ≤ 1), evaluated with
 * (a + 2u) relative error; the chain rule's multiplications by 1/n (or the mean's backward) and β add
 * (1 + u)^4. The form (β/n)(σ(h) − 1) cancels when σ(−h) is tiny: σ(h) carries (a + 2u) absolutely and the
 * subtraction u, an absolute (a + 3u)|β|/n·(1 + 2u). So
 *   |ĝ_i − g_i| ≤ |g_i|(e^{e_h}(1 + a + 2u)(1 + u)^4 − 1) + (a + 3u)(1 + 2u)|β|/n + 2·tiny.
 */
export function dpoBounds(o: { S: readonly number[]; beta: number; terms: readonly number[]; grad: readonly number[] }, p: Precision): { loss: number; grad: number[] } {
  const a = 2 * p.ulps * p.u, u = p.u, n = o.S.length, b = Math.abs(o.beta);
  const eh = o.S.map((s) => gamma(4, u) * b * s * SAFETY);
  const e = o.terms.map((t, i) => softplusEvalBound(t, eh[i]!, p));
  const loss = meanOfTermsBound(o.terms, e, p);
  const c = (a + 2 * u + 4 * u) * (1 + 8 * u);
  const grad = o.grad.map((g, i) => (Math.abs(g) * (Math.expm1(eh[i]!) * (1 + c) + c) + (a + 3 * u) * (1 + 2 * u) * b / n + 2 * p.tiny) * SAFETY);
  return { loss, grad };
}
