/**
 * Error-bound models: how far a correct floating-point implementation may stray from the exact
 * value *for this very input*. Every bound is a rigorous consequence of the standard model of
 * floating-point arithmetic (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed.,
 * §2.2: fl(a ∘ b) = (a ∘ b)(1 + δ), |δ| ≤ u, for ∘ ∈ {+, −, ×, ÷, √}, barring underflow)
 * and Lemma 3.1/3.3 there: a product of k factors (1 + δ_i)^{±1} is 1 + θ_k with |θ_k| ≤ γ_k,
 * γ_k = k·u / (1 − k·u).
 *
 * Conventions for every function here:
 * - Inputs are exact (float32 values, or magnitudes computed from exact quantities by the oracle).
 * - `u` is the unit roundoff of the implementation's working precision (2⁻²⁴ for float32).
 * - Elementary functions (exp, …) are not correctly rounded in most libraries: a per-backend
 *   allowance of `ulps` units in the last place is assumed, i.e. relative error ≤ 2·ulps·u
 *   (an ulp of x is at most 2u|x| in a binary format). See `ELEMENTARY_ULPS`.
 * - Underflow: every op result in the gradual-underflow range errs by at most half the smallest
 *   subnormal (2⁻¹⁵⁰ for float32); `tiny` below carries that absolute term.
 * - The bounds are evaluated in float64. Each formula uses < 2²⁰ float64 operations, whose
 *   relative evaluation error is < γ_{2²⁰} at 2⁻⁵³ ≈ 1.2·10⁻¹⁰; multiplying by `SAFETY` = 1 + 2⁻³⁰
 *   (≈ 9.3·10⁻¹⁰) dominates it, so the returned float64 number is ≥ the true real-valued bound.
 */
import { gamma } from './float-format.js';

export const SAFETY = 1 + 2 ** -30;

/** Unit roundoff per working precision. */
export const UNIT_ROUNDOFF = { float64: 2 ** -53, float32: 2 ** -24, float16: 2 ** -11, bfloat16: 2 ** -8 } as const;

/** Smallest subnormal per precision: the absolute error of an underflowing op is ≤ half of it. */
export const TINY = { float64: 2 ** -1074, float32: 2 ** -149, float16: 2 ** -24, bfloat16: 2 ** -133 } as const;

/**
 * Allowance, in ulps, for elementary functions (exp, log, tanh, erf) per backend.
 * - `cpu`: tfjs-backend-cpu evaluates Math.exp in float64 (V8's fdlibm port, < 1 float64 ulp) and
 *   stores into a Float32Array, so the float32 result is within 0.5 float32 ulp + a negligible
 *   double-rounding term: 1 ulp is ample.
 * - `wasm`: XNNPACK's vectorised exp/softmax kernels use polynomial approximations documented to
 *   within a few ulps; we allow 4.
 * - GPU backends (`tensorflow-gpu`) use fast-math intrinsics; 8 is a conservative default.
 * A user can override the allowance (the precision profile); the bounds take it as a parameter.
 */
export const ELEMENTARY_ULPS: Record<string, number> = { cpu: 1, wasm: 4, tensorflow: 4, 'tensorflow-gpu': 8, default: 4 };

export interface Precision {
  u: number;
  /** Absolute error allowance for one underflowing result (half the smallest subnormal, rounded up to it). */
  tiny: number;
  /** ulps allowed for elementary functions. */
  ulps: number;
}

export const FLOAT32_DEFAULT: Precision = { u: UNIT_ROUNDOFF.float32, tiny: TINY.float32, ulps: ELEMENTARY_ULPS['default']! };

export function float32For(backend: string): Precision {
  return { u: UNIT_ROUNDOFF.float32, tiny: TINY.float32, ulps: ELEMENTARY_ULPS[backend] ?? ELEMENTARY_ULPS['default']! };
}

/**
 * Recursive summation of k terms in any order: |ŝ − s| ≤ γ_{k−1} Σ|x_i| (Higham (4.4)),
 * plus k·tiny for underflowing partial sums.
 */
export function sumBound(k: number, sumAbs: number, p: Precision): number {
  if (k <= 1) return 0;
  return (gamma(k - 1, p.u) * sumAbs + k * p.tiny) * SAFETY;
}

/** Dot product of length k in any order (FMA or not): |ŝ − s| ≤ γ_k Σ|x_i y_i| (Higham (3.5)). */
export function dotBound(k: number, sumAbsProducts: number, p: Precision): number {
  if (k === 0) return 0;
  return (gamma(k, p.u) * sumAbsProducts + 2 * k * p.tiny) * SAFETY;
}

/**
 * Softmax computed as p_j = exp(x_j − m) / Σ_k exp(x_k − m) with m = max (tfjs cpu), or with the
 * division replaced by a multiplication by the rounded reciprocal (XNNPACK). Inputs x̂_j may
 * themselves carry an absolute error e_j (e.g. attention scores); pass e = 0 for exact inputs.
 *
 * Derivation. Let s_j = x_j − m (exact) and τ_j bound the error in the exponent actually evaluated:
 * the computed shift fl(x̂_j − m̂) = (x̂_j − m̂)(1 + δ) differs from s_j by at most
 * τ_j = e_j + e_max + (|s_j| + e_j + e_max)·u. Then
 *   ê_j = exp(s_j)·exp(±τ_j)·(1 ± 2·ulps·u)        (exp with its ulp allowance),
 *   Ŝ   = Σ_k ê_k (1 + θ_k), |θ_k| ≤ γ_{n−1}         (summation),
 *   p̂_j = ê_j / Ŝ · (1 + θ), |θ| ≤ γ_2              (divide, or reciprocal then multiply).
 * Writing ê_j = exp(s_j) f_j with f_j ∈ [lo_j, hi_j], lo_j = e^{−τ_j}(1 − 2·ulps·u),
 * hi_j = e^{τ_j}(1 + 2·ulps·u), and Σ_k p_k = 1:
 *   p̂_j / p_j ∈ [ lo_j(1−γ_2) / D_hi , hi_j(1+γ_2) / D_lo ],
 *   D_hi = (1+γ_{n−1})(1 + Σ_k p_k(hi_k − 1)),  D_lo = (1−γ_{n−1})(1 − Σ_k p_k(1 − lo_k)).
 * Hence |p̂_j − p_j| ≤ p_j·max(hi_j(1+γ_2)/D_lo − 1, 1 − lo_j(1−γ_2)/D_hi) + 3·tiny
 * (underflow in exp, the division, and the final rounding). `pHi` are upper bounds of the exact
 * probabilities (from the oracle's enclosure) and `spread_j` ≥ |s_j|. The sum may be taken in any
 * order (pairwise, SIMD lanes, a wider accumulator): γ_{n−1} covers them all.
 *
 * Declared algorithm `exp-minus-logsumexp` (`o.algorithm`, needs `o.maxAbs` ≥ |max_k x_k|): p̂_j =
 * exp(x_j − L̂) with L̂ = m + log Σ_k exp(x_k − m) (form A), or p̂_j = exp((x_j − m) − log Σ_k exp(x_k − m))
 * (form B, exp of log_softmax). No division renormalises the result, and in form A the rounding of
 * L̂ ≈ m costs u·|m| in every exponent: at [2040, 2030, 0] that is 2040·u against the 10·u of the
 * shifted forms, which is why this algorithm is declared and not covered by the default bound.
 * With Ŝ/S ∈ [D_lo, D_hi] as above (S = Σ exp(s_k) ∈ [1, n]):
 *   |log Ŝ − log S| ≤ Λ = max(ln D_hi, −ln D_lo);  the log adds 2·ulps·u·|log Ŝ| ≤ a(ln n + Λ), so
 *   E_ℓ = Λ + a(ln n + Λ) bounds the error of ℓ̂ ≈ log S;
 *   form A: E_L = E_ℓ + e_max + u(|m| + e_max + ln n + E_ℓ) bounds |L̂ − lse| (lse is 1-Lipschitz in
 *           the ∞-norm of the inputs), and τ'_j = E_L + e_j + u(spread_j + e_j + ln n + E_L) the
 *           error of the exponent x̂_j − L̂ (|x_j − lse| ≤ spread_j + ln n);
 *   form B: τ'_j = τ_j + E_ℓ + u(spread_j + e_j + e_max + ln n + τ_j + E_ℓ), τ_j the shift error above.
 * Then p̂_j = exp(x_j − lse)·exp(±τ'_j)(1 ± 2·ulps·u), so
 *   |p̂_j − p_j| ≤ p_j·max(e^{τ'_j}(1+a) − 1, 1 − e^{−τ'_j}(1−a)) + 3·tiny, τ'_j = max(form A, form B).
 * The declared bound is the larger of this and the default bound (an implementation may switch).
 *
 * Probabilistic tier (`o.lambda`): γ_{n−1} of the sum replaced by γ̃_{n−1}(λ) (`probGamma`); the
 * shift, exp and division keep their worst-case allowances. See `probGamma` for the probability.
 */
export function softmaxBounds(
  pHi: number[], spread: number[], e: number[], p: Precision,
  o: { algorithm?: 'default' | 'exp-minus-logsumexp'; maxAbs?: number; lambda?: number } = {},
): number[] {
  const n = pHi.length;
  if (n === 0) return [];
  const u = p.u;
  const eMax = Math.max(...e);
  const a = 2 * p.ulps * u;
  const tau = spread.map((s, j) => e[j]! + eMax + (s + e[j]! + eMax) * u);
  const hi = tau.map((t) => Math.exp(t) * (1 + 2 ** -50) * (1 + a));
  const lo = tau.map((t) => Math.exp(-t) * (1 - 2 ** -50) * (1 - a));
  const gn = n > 1 ? (o.lambda !== undefined ? probGamma(n - 1, u, o.lambda) : gamma(n - 1, u)) : 0;
  const g2 = gamma(2, u);
  let up = 0;
  let down = 0;
  for (let k = 0; k < n; k++) {
    up += Math.min(1, pHi[k]!) * (hi[k]! - 1);
    down += Math.min(1, pHi[k]!) * (1 - lo[k]!);
  }
  const dHi = (1 + gn) * (1 + up);
  const dLo = (1 - gn) * (1 - down);
  if (dLo <= 0) return pHi.map(() => Infinity);
  const shifted = pHi.map((pj, j) => {
    const rel = Math.max(hi[j]! * (1 + g2) / dLo - 1, 1 - lo[j]! * (1 - g2) / dHi);
    return (Math.min(1, pj) * rel + 3 * p.tiny) * SAFETY;
  });
  if (o.algorithm !== 'exp-minus-logsumexp') return shifted;
  const up50 = 1 + 2 ** -50;
  const lnN = Math.log(n) * up50;
  const lam = Math.max(Math.log(dHi), -Math.log(dLo)) * up50;
  const El = lam + a * (lnN + lam);
  const m = (o.maxAbs ?? Infinity) + eMax;
  const EL = El + eMax + u * (m + lnN + El);
  return pHi.map((pj, j) => {
    const s = spread[j]!, ej = e[j]!;
    const tA = EL + ej + u * (s + ej + lnN + EL);
    const tB = tau[j]! + El + u * (s + ej + eMax + lnN + tau[j]! + El);
    const t = Math.max(tA, tB) * up50;
    const rel = Math.max(Math.exp(t) * up50 * (1 + a) - 1, 1 - Math.exp(-t) * (1 - 2 ** -50) * (1 - a));
    return Math.max(shifted[j]!, (Math.min(1, pj) * rel + 3 * p.tiny) * SAFETY);
  });
}

/**
 * The probabilistic counterpart of γ_k (Higham & Mary, "A new approach to probabilistic rounding
 * error analysis", SIAM J. Sci. Comput. 41 (2019), Thm 2.4): if the k rounding errors δ_i of a
 * product Π(1 + δ_i) are independent, mean-zero random variables with |δ_i| ≤ u, then
 *   |Π(1 + δ_i) − 1| ≤ γ̃_k(λ) = exp(λ√k·u + k·u²/(1 − u)) − 1
 * with probability at least P(λ) = 1 − 2·exp(−λ²(1 − u)²/2). A sum or dot product of k terms
 * (Thm 3.1 there) then errs by ≤ γ̃_k(λ)Σ|terms| with probability ≥ 1 − k(1 − P(λ)). With the
 * default λ = 7 used by the properties, 1 − P(λ) ≤ 4.6·10⁻¹¹: a reduction of k ≤ 10⁴ terms exceeds
 * its probabilistic bound with probability below 4.6·10⁻⁷. Never larger than γ_k (the worst case).
 */
export function probGamma(k: number, u: number, lambda: number): number {
  if (k <= 0) return 0;
  const g = Math.expm1(lambda * Math.sqrt(k) * u + k * u * u / (1 - u)) * (1 + 2 ** -50);
  return Math.min(g, gamma(k, u));
}

/** λ of the probabilistic tier (see `probGamma`): failure probability ≤ 4.6·10⁻¹¹ per rounded product. */
export const PROB_LAMBDA = 7;

/**
 * Output of attention o_e = Σ_j p̂_j v_{je} (a float matMul of length S) given per-probability
 * error bounds Δp_j: |ô_e − o_e| ≤ Σ_j Δp_j |v_je| + γ_S Σ_j (p_j + Δp_j)|v_je|.
 */
export function weightedSumBound(pHi: number[], dp: number[], vCol: number[], p: Precision, gam: (k: number, u: number) => number = gamma): number {
  const S = pHi.length;
  let a = 0;
  let b = 0;
  for (let j = 0; j < S; j++) {
    const v = Math.abs(vCol[j]!);
    a += dp[j]! * v;
    b += (Math.min(1, pHi[j]!) + dp[j]!) * v;
  }
  return (a + gam(Math.max(S, 1), p.u) * b + 2 * S * p.tiny) * SAFETY;
}

/**
 * Attention output row o_c = Σ_j p_j v_jc (p = softmax of the scores over the allowed keys) over the
 * standard algorithms of `attn.sdpa`, per value column c, given score input errors e_j, spreads
 * spread_j ≥ max_k s_k − s_j, upper bounds pHi_j of the exact probabilities and the column v_·c:
 *   standard — probabilities by a default softmax (`softmaxBounds` with input errors e), then the
 *              product with V (`weightedSumBound`: γ_S);
 *   deferred — flash-style normalisation at the end: ô_c = fl(Σ_j ê_j v_jc / Σ_j ê_j), ê_j = exp(ŝ_j − m)
 *              (the sums in any order): with ê_j = exp(s_j − m)·f_j, f_j ∈ [lo_j, hi_j] as in
 *              `softmaxBounds`, numerator terms carry γ_S, the denominator D̂/Σexp(s_k − m) ∈ [D_lo, D_hi]
 *              (γ_{S−1}) and the division one rounding, so
 *              |ô_c − o_c| ≤ Σ_j p_j|v_jc|·max(hi_j(1+γ_S)(1+u)/D_lo − 1, 1 − lo_j(1−γ_S)(1−u)/D_hi);
 *   online   — (declared, `online`) the deferred form with the running maximum: up to S − 1 rescalings
 *              by exp(m_old − m_new), each with the exp allowance and one rounding on both
 *              accumulators, and exponents rounded against partial maxima (Σ|m_old − m_new| ≤ the
 *              score range): hi_j, lo_j gain the factors ((1 ± a)(1 ± u))^{S−1}·e^{±u·range}.
 * Returns the larger of the standard and deferred bounds (or the online one when declared).
 * `o.lambda`: the probabilistic tier (every γ_k of a sum becomes γ̃_k(λ), `probGamma`).
 */
export function attentionRowBounds(
  pHi: number[], spread: number[], e: number[], vCols: number[][], p: Precision, o: { online?: boolean; lambda?: number } = {},
): number[] {
  const S = pHi.length;
  if (S === 0) return vCols.map(() => 0);
  const u = p.u;
  const lam = o.lambda;
  const gam = lam === undefined ? gamma : (k: number, uu: number) => probGamma(k, uu, lam);
  const dp = softmaxBounds(pHi, spread, e, p, lam === undefined ? {} : { lambda: lam });
  const standard = vCols.map((v) => weightedSumBound(pHi, dp, v, p, gam));
  const eMax = Math.max(...e);
  const a = 2 * p.ulps * u;
  const range = Math.max(...spread) + 2 * eMax;
  const R = o.online ? S - 1 : 0;
  const up50 = 1 + 2 ** -50;
  const resHi = R > 0 ? Math.exp(u * range) * up50 * ((1 + a) * (1 + u)) ** R * up50 : 1;
  const resLo = R > 0 ? Math.exp(-u * range) * (1 - 2 ** -50) * ((1 - a) * (1 - u)) ** R * (1 - 2 ** -50) : 1;
  const tau = spread.map((s, j) => e[j]! + eMax + (s + e[j]! + eMax) * u);
  const hi = tau.map((t) => Math.exp(t) * up50 * (1 + a) * resHi);
  const lo = tau.map((t) => Math.exp(-t) * (1 - 2 ** -50) * (1 - a) * resLo);
  const gS1 = S > 1 ? gam(S - 1, u) : 0;
  const gS = gam(S, u);
  let upS = 0, downS = 0;
  for (let k = 0; k < S; k++) {
    upS += Math.min(1, pHi[k]!) * (hi[k]! - 1);
    downS += Math.min(1, pHi[k]!) * (1 - lo[k]!);
  }
  const dHi = (1 + gS1) * (1 + upS), dLo = (1 - gS1) * (1 - downS);
  if (!(dLo > 0)) return vCols.map(() => Infinity);
  const rel = hi.map((h, j) => Math.max(h * (1 + gS) * (1 + u) / dLo - 1, 1 - lo[j]! * (1 - gS) * (1 - u) / dHi));
  const deferred = vCols.map((v) => {
    let b = 0, vAbs = 0;
    for (let j = 0; j < S; j++) { b += Math.min(1, pHi[j]!) * Math.abs(v[j]!) * rel[j]!; vAbs += Math.abs(v[j]!); }
    // underflowing exponentials: ≤ tiny each in the numerator (times |v_j|) and the denominator (≥ 1 − …)
    return (b + 4 * p.tiny * (vAbs + S) / dLo) * SAFETY;
  });
  return o.online ? deferred.map((d, c) => Math.max(d, standard[c]!)) : standard.map((s, c) => Math.max(s, deferred[c]!));
}

/**
 * Mean of D values as tfjs computes it (sum, then multiply by fl(1/D) or divide):
 * |μ̂ − μ| ≤ γ_{D+1} Σ|x_i| / D.
 */
export function meanBound(D: number, sumAbs: number, p: Precision): number {
  return (gamma(D + 1, p.u) * sumAbs / D + (D + 2) * p.tiny) * SAFETY;
}

/**
 * Two-pass variance v̂ = fl(mean((x − μ̂)²)), optionally rescaled by fl(n/(n−1)).
 * With Δμ = |μ̂ − μ| (bounded by `meanBound`) and the exact identity
 * Σ(x_i − μ̂)² = SS + nΔμ² (SS = Σ(x_i − μ)²), each computed term (x_i − μ̂)²(1+δ)²(1+δ') is summed
 * (γ_{n−1}) and scaled (γ_2), so v̂ = (SS + nΔμ²)/n·(1 + θ_{n+3}); the rescale adds γ_2 (constant
 * and product) and the division by n vs n−1 is exact in the formula. Hence for the divisor n − c:
 *   |v̂ − SS/(n−c)| ≤ γ_{n+5}(SS + nΔμ²)/(n−c) + nΔμ²/(n−c).
 */
export function varianceBound(n: number, correction: 0 | 1, ss: number, dMu: number, p: Precision, gam: (k: number, u: number) => number = gamma): number {
  const m = n - correction;
  const extra = n * dMu * dMu;
  return (gam(n + 5, p.u) * (ss + extra) / m + extra / m + (n + 6) * p.tiny) * SAFETY;
}

/**
 * Moments by updating and merging: Welford's update (M += (x − M)/k, S += (x − M_old)(x − M_new)),
 * Chan–Golub–LeVeque merges (δ = M_B − M_A, M = M_A + δ·n_B/n, S = S_A + S_B + δ²·n_A n_B/n; the
 * pairwise and cascade forms, PyTorch's WelfordOps and RowwiseMoments, SIMD lanes merged at the
 * end), and the weighted merge M = (n_A M_A + n_B M_B)/n — in any order and any tree. Returns
 * bounds on the error of the computed mean (`dMu`) and of the computed sum of squared deviations
 * (`dS`), given n, A ≥ max|x_i|, R ≥ max x − min x and SS = Σ(x_i − μ)² (an upper bound).
 *
 * Derivation. Every computation is a binary tree whose leaves are the data (M = x exact, S = 0) and
 * whose internal nodes merge two subtrees A, B (a Welford step is a merge with n_B = 1).
 * (i) Means. The exact node mean is M = (n_A M_A + n_B M_B)/n. Each form above computes it from the
 * computed child means with at most 3 roundings on a quantity of size ≤ R + 2ē (the increment
 * δ·n_B/n) and one on a quantity of size ≤ A + ē (the final addition), or 3 roundings on
 * (n_A|M̂_A| + n_B|M̂_B|)/n ≤ A + ē; so its own rounding error is ρ ≤ γ_3(R + A + 3ē), ē bounding every
 * computed mean's error. With e the node's error, n·e ≤ n_A e_A + n_B e_B + n·ρ, so E = n·e is
 * superadditive up to n·ρ and, summing over the internal nodes (Σ n_node ≤ n(n+1)/2 for any tree),
 * e ≤ ((n+1)/2)·γ_3(R + A + 3ē), i.e.  ē = ((n+1)/2)γ_3(R + A) / (1 − 1.5(n+1)γ_3).
 * (ii) Increments. A node adds t = δ²·w exactly (w = n_A n_B/n; Welford: t = δ·δ', δ' = x − M_new =
 * δ·w). The computed differences err by at most Δ = 2ē + u(R + 2ē); the products take ≤ 4
 * roundings. Hence |t̂ − t| ≤ (1 + γ_4)(c_1|δ|Δ + c_2Δ²) + γ_4·t with (c_1, c_2) = (2w, w) for a merge
 * and (1 + w, 1) ≤ (2, 1) for a Welford step. By Cauchy–Schwarz with Σ t = SS,
 *   Σ c_1|δ| ≤ 2√(SS·K),  Σ c_2 ≤ K,  K = n(2 + ⌈log₂ n⌉)
 * (Welford nodes: w ≥ 1/2, at most n of them; merge nodes: Σ w ≤ Σ min(n_A, n_B) ≤ n⌈log₂ n⌉, since a
 * leaf is on the smaller side at most log₂ n times). So Σ|t̂ − t| ≤ E_t = (1 + γ_4)(2Δ√(SS·K) + Δ²K) + γ_4·SS.
 * (iii) Accumulation. Every increment reaches the root through ≤ 2 additions per level and ≤ n − 1
 * levels: |Ŝ − Σ t̂| ≤ γ_{2n−2}(SS + E_t). So dS = E_t + γ_{2n−2}(SS + E_t), dMu = ē.
 * Probabilistic tier (`lambda`): every γ_k becomes γ̃_k(λ) (`probGamma`), and the mean error, a sum
 * Σ (n_node/n)·ρ_node of the nodes' independent, mean-zero rounding errors with Σ(n_node/n)² ≤ (n+1)/2,
 * is bounded by Hoeffding's inequality as λ·√((n+1)/2)·γ_3(R + A) instead of ((n+1)/2)·γ_3(R + A)
 * (probability of exceeding it ≤ 2·exp(−λ²/2), 4.6·10⁻¹¹ at λ = 7).
 */
export function mergeMomentsBound(n: number, A: number, R: number, ss: number, p: Precision, lambda?: number): { dMu: number; dS: number } {
  if (n <= 1) return { dMu: 0, dS: 0 };
  const u = p.u;
  const gam = lambda === undefined ? gamma : (k: number, uu: number) => probGamma(k, uu, lambda);
  const g3 = gamma(3, u), g4 = gam(4, u);
  const den = 1 - 1.5 * (n + 1) * g3;
  if (!(den > 0)) return { dMu: Infinity, dS: Infinity };
  const weight = lambda === undefined ? (n + 1) / 2 : Math.min((n + 1) / 2, lambda * Math.sqrt((n + 1) / 2) * (1 + 2 ** -50));
  const eBar = weight * g3 * (R + A) / den * SAFETY + (n + 2) * p.tiny;
  const delta = (2 * eBar + u * (R + 2 * eBar)) * SAFETY + 2 * p.tiny;
  const K = n * (2 + Math.ceil(Math.log2(n)));
  const Et = ((1 + g4) * (2 * delta * Math.sqrt(ss * K) * (1 + 2 ** -50) + delta * delta * K) + g4 * ss + 2 * n * p.tiny) * SAFETY;
  const dS = (Et + gam(2 * n - 2, u) * (ss + Et) + 2 * n * p.tiny) * SAFETY;
  return { dMu: eBar, dS };
}

/**
 * The variance bound of `stats.variance` over its standard algorithms (spec/ops.md): the larger of
 * the two-pass bound (`varianceBound`, mean by any summation, `meanBound`) and the update/merge
 * bound (`mergeMomentsBound`, Welford and pairwise), each divided by n − c with 2 roundings
 * (divide, or multiply by a rounded reciprocal): |v̂ − v| ≤ dS/(n−c)·(1+γ_2) + γ_2·SS/(n−c).
 * One-pass E[x²] − E[x]² is not among them: its error grows like u·Σx², which exceeds both by the
 * factor |μ|/σ on data with a common offset (the `large-offset` inputs), so it fails, as it must.
 */
export function varianceBounds(
  n: number, correction: 0 | 1, ss: number, sumAbs: number, A: number, R: number, p: Precision, lambda?: number,
): number {
  const gam = lambda === undefined ? gamma : (k: number, u: number) => probGamma(k, u, lambda);
  const twoPass = varianceBound(n, correction, ss, meanBound(n, sumAbs, p), p, gam);
  const { dS } = mergeMomentsBound(n, A, R, ss, p, lambda);
  const m = n - correction;
  const g2 = gam(2, p.u);
  const merged = ((dS * (1 + g2) + g2 * ss) / m + 2 * p.tiny) * SAFETY;
  return Math.max(twoPass, merged);
}

/**
 * Layer norm y_i = γ_i (x_i − μ)/√(σ² + ε) + β_i computed as tfjs does (moments, add ε, sqrt,
 * subtract, divide, multiply, add). Inputs: D, Δμ (from `meanBound`), the exact σ² and
 * σ_ε² = σ² + ε (as lower bounds of their values, for safety), and per element |x_i − μ|, |γ_i|, |β_i|.
 *
 * Derivation: the computed variance errs by Δv ≤ γ_{D+4}(σ² + Δμ²) + Δμ² (as in `varianceBound`
 * with divisor D). fl(fl(v̂ + ε)) then √ (correctly rounded, 1 rounding each) gives
 *   ŝ = σ_ε·√((1 ± Δv/σ_ε²)(1 ± u))·(1 ± u), so |ŝ/σ_ε − 1| ≤ ρ with
 *   ρ = max(√((1 + Δv/σ_ε²)(1+u))(1+u) − 1, 1 − √((1 − Δv/σ_ε²)(1−u))(1−u)).
 * r̂_i = fl(fl(x_i − μ̂)/ŝ) = (x_i − μ̂)(1+δ)(1+δ')/ŝ, so with r_i = (x_i − μ)/σ_ε:
 *   |r̂_i − r_i| ≤ |x_i − μ|/σ_ε·((1+u)²/(1−ρ) − 1) + Δμ/σ_ε·(1+u)²/(1−ρ).
 * Finally ŷ_i = fl(fl(γ_i r̂_i) + β_i):
 *   |ŷ_i − y_i| ≤ |γ_i||r̂_i − r_i|(1+u)² + |γ_i r_i|γ_2 + |β_i|u.
 * If Δv ≥ σ_ε² the float computation cannot be trusted at all and the bound is +∞.
 */
export function layerNormBound(
  D: number, dMu: number, sigma2: number, sigmaEps2Lo: number,
  absDev: number[], absGamma: number[], absBeta: number[], p: Precision,
): number[] {
  const u = p.u;
  const dv = gamma(D + 4, u) * (sigma2 + dMu * dMu) + dMu * dMu + (D + 4) * p.tiny;
  const t = dv / sigmaEps2Lo;
  if (!(t < 1)) return absDev.map(() => Infinity);
  const rho = Math.max(Math.sqrt((1 + t) * (1 + u)) * (1 + u) - 1, 1 - Math.sqrt((1 - t) * (1 - u)) * (1 - u)) * (1 + 2 ** -40);
  const se = Math.sqrt(sigmaEps2Lo) * (1 - 2 ** -50);
  const g2 = gamma(2, u);
  return absDev.map((dev, i) => {
    const r = dev / se;
    const dr = r * ((1 + u) ** 2 / (1 - rho) - 1) + (dMu / se) * (1 + u) ** 2 / (1 - rho) + 2 * p.tiny;
    return (absGamma[i]! * dr * (1 + u) ** 2 + absGamma[i]! * r * g2 + absBeta[i]! * u + 2 * p.tiny) * SAFETY;
  });
}

/**
 * Layer-norm output bound for any of the standard output forms, given the errors of the computed
 * moments (Δμ ≥ |μ̂ − μ|, Δv ≥ |v̂ − σ²|). Forms covered (spec/ops.md, norm.layernorm):
 *   divide:  fl(fl(x − μ̂) / fl(√fl(v̂ + ε)))                         (tfjs, TensorFlow)
 *   rstd:    fl(fl(x − μ̂) · rstd), rstd = fl(1/fl(√(v̂ + ε))) or rsqrt(v̂ + ε)
 *   fused:   fl(fl(x·rstd) + fl(−μ̂·rstd)) or fma(x, rstd, −μ̂·rstd)   (PyTorch CPU: x·scale + bias)
 * then ·γ and +β (or γ·rstd first, or an fma). Derivation: v̂ + ε = σ_ε²(1 ± t)(1 ± u), t = Δv/σ_ε²;
 * the inverse scale actually applied is (v̂ + ε)^{−1/2}(1 + η), |η| ≤ (1 + u)/(1 − a) − 1 with
 * a = 2·ulps·u the allowance of √ or rsqrt (a division by ŝ, a rounded reciprocal or an rsqrt),
 * hence σ_ε⁻¹(1 + ρ) with ρ = max(((1−t)(1−u))^{−1/2}(1+η) − 1, 1 − ((1+t)(1+u))^{−1/2}(1−η)).
 * The normalised value r̂ carries two more roundings (subtract, divide/multiply) and, in the fused
 * form, the rounding of x·rstd and μ̂·rstd before they cancel:
 *   |r̂_i − r_i| ≤ r_i((1+u)²(1+ρ) − 1) + (Δμ/σ_ε)(1+u)²(1+ρ) + u(|x_i| + |μ| + Δμ)(1+u)(1+ρ)/σ_ε,
 * and ŷ_i = fl(fl(γ_i r̂_i) + β_i): |ŷ_i − y_i| ≤ |γ_i||r̂_i − r_i|(1+u)² + |γ_i r_i|γ_2 + |β_i|u (+ tiny).
 * If t ≥ 1 the computed variance cannot be trusted and the bound is +∞.
 */
export function layerNormOutputBound(
  dMu: number, dv: number, sigmaEps2Lo: number,
  absDev: number[], absX: number[], absMu: number, absGamma: number[], absBeta: number[], p: Precision,
): number[] {
  const c = layerNormOutputCoefficients(dMu, dv, sigmaEps2Lo, absMu, p);
  return absDev.map((dev, i) => layerNormOutputAt(c, dev, absX[i]!, absGamma[i]!, absBeta[i]!));
}

/**
 * The per-row constants of {@link layerNormOutputBound} (so that a caller can bound entry by entry without
 * arrays): the entry bound as an affine form, (|γ_i|·(cDev·dev + cX·|x_i| + c0) + |β_i|·u + 2·tiny)·SAFETY;
 * `inf` when the computed variance cannot be trusted (the bound is +∞).
 */
export interface LayerNormOutputCoefficients {
  readonly inf: boolean; readonly u: number; readonly tiny: number;
  readonly cDev: number; readonly cX: number; readonly c0: number;
}

export function layerNormOutputCoefficients(dMu: number, dv: number, sigmaEps2Lo: number, absMu: number, p: Precision): LayerNormOutputCoefficients {
  const u = p.u;
  const a = 2 * p.ulps * u;
  const t = (dv + 4 * p.tiny) / sigmaEps2Lo;
  if (!(t < 1) || !(a < 1)) return { inf: true, u, tiny: p.tiny, cDev: 0, cX: 0, c0: 0 };
  const eta = (1 + u) / (1 - a) - 1;
  const rho = Math.max(((1 - t) * (1 - u)) ** -0.5 * (1 + eta) - 1, 1 - ((1 + t) * (1 + u)) ** -0.5 * (1 - eta)) * (1 + 2 ** -40);
  const se = Math.sqrt(sigmaEps2Lo) * (1 - 2 ** -50);
  // The entry bound (|γ|·dr·(1 + u)² + |γ|·r·γ₂ + |β|·u + 2·tiny)·SAFETY with r = dev/σ_ε and
  //   dr = r(k − 1) + (Δμ/σ_ε)k + u(|x| + |μ| + Δμ)(1 + u)(1 + ρ)/σ_ε + 3·tiny,  k = (1 + u)²(1 + ρ),
  // collected by dev, |x| and 1 (every term non-negative: the reassociation changes the double evaluation by a
  // few roundings, far inside SAFETY = 1 + 2⁻³⁰).
  const u1 = 1 + u, rho1 = 1 + rho, u1sq = (1 + u) ** 2, k = u1sq * rho1;
  const cDev = ((k - 1) * u1sq + gamma(2, u)) / se;
  const cX = u * u1 * rho1 * u1sq / se;
  const c0 = ((dMu / se) * k + u * (absMu + dMu) * u1 * rho1 / se + 3 * p.tiny) * u1sq;
  return { inf: false, u, tiny: p.tiny, cDev, cX, c0 };
}

/** The bound of {@link layerNormOutputBound} for one entry (|x_i − μ| ≤ dev, |x_i|, |γ_i|, |β_i|). */
export function layerNormOutputAt(c: LayerNormOutputCoefficients, dev: number, absX: number, absGamma: number, absBeta: number): number {
  if (c.inf) return Infinity;
  return (absGamma * (c.cDev * dev + c.cX * absX + c.c0) + absBeta * c.u + 2 * c.tiny) * SAFETY;
}

/**
 * The bound of `norm.layernorm` over its standard algorithms: moments by two passes (Δμ from
 * `meanBound`, Δv = γ_{D+4}(σ² + Δμ²) + Δμ² as in `varianceBound`) or by Welford / pairwise merges
 * (`mergeMomentsBound`: Δμ = ē, Δv = (dS(1 + γ_2) + γ_2·Dσ²)/D), each with every output form of
 * `layerNormOutputBound`; the larger of the two per element. `lambda` gives the probabilistic tier.
 * Inputs: D, Σ|x_i|, A ≥ max|x_i|, R ≥ range, σ² (upper bound), σ² + ε (lower bound), |x_i − μ|, |x_i|, |μ|, |γ_i|, |β_i|.
 */
export function layerNormBounds(
  D: number, sumAbs: number, A: number, R: number, sigma2: number, sigmaEps2Lo: number,
  absDev: number[], absX: number[], absMu: number, absGamma: number[], absBeta: number[], p: Precision, lambda?: number,
): number[] {
  const [c2, cm] = layerNormBoundCoefficients(D, sumAbs, A, R, sigma2, sigmaEps2Lo, absMu, p, lambda);
  return absDev.map((dev, i) => Math.max(layerNormOutputAt(c2, dev, absX[i]!, absGamma[i]!, absBeta[i]!), layerNormOutputAt(cm, dev, absX[i]!, absGamma[i]!, absBeta[i]!)));
}

/**
 * The per-row constants of {@link layerNormBounds}: the two-pass and the update/merge moments, each
 * for {@link layerNormOutputAt}; the bound of entry i is the larger of the two.
 */
export function layerNormBoundCoefficients(
  D: number, sumAbs: number, A: number, R: number, sigma2: number, sigmaEps2Lo: number, absMu: number, p: Precision, lambda?: number,
): [LayerNormOutputCoefficients, LayerNormOutputCoefficients] {
  const gam = lambda === undefined ? gamma : (k: number, u: number) => probGamma(k, u, lambda);
  const dMu2 = meanBound(D, sumAbs, p);
  const dv2 = (gam(D + 4, p.u) * (sigma2 + dMu2 * dMu2) + dMu2 * dMu2 + (D + 4) * p.tiny) * SAFETY;
  const m = mergeMomentsBound(D, A, R, sigma2 * D, p, lambda);
  const g2 = gam(2, p.u);
  const dvm = ((m.dS * (1 + g2) + g2 * sigma2 * D) / D) * SAFETY;
  return [layerNormOutputCoefficients(dMu2, dv2, sigmaEps2Lo, absMu, p), layerNormOutputCoefficients(m.dMu, dvm, sigmaEps2Lo, absMu, p)];
}

/**
 * Normwise forward error of a linear solve (Higham Thm 7.2): if (A + ΔA)x̂ = b + Δb with
 * ‖ΔA‖ ≤ ε_A‖A‖, ‖Δb‖ ≤ ε_b‖b‖ and κ(A)ε_A < 1, then
 *   ‖x̂ − x‖/‖x‖ ≤ κ(A)(ε_A + ε_b)/(1 − κ(A)ε_A).
 * Returns +∞ when κε_A ≥ 1 (no guarantee is possible).
 */
export function solveRelativeBound(kappa: number, epsA: number, epsB: number): number {
  const k = kappa * epsA;
  if (!(k < 1)) return Infinity;
  return (kappa * (epsA + epsB) / (1 - k)) * SAFETY;
}

/**
 * Backward error of Gaussian elimination with partial pivoting in precision u (Higham Thm 9.4
 * and (9.16)): (A + ΔA)x̂ = b with ‖ΔA‖∞ ≤ γ_{3n}(1 + 2(n² − n)ρ_n)‖A‖∞, where ρ_n ≤ 2^{n−1} is the
 * growth factor of partial pivoting (worst case, Wilkinson). Returns the relative factor ε_A.
 * This worst-case growth is rigorous but pessimistic; it is why the arbitraries keep n small.
 */
export function geppBackwardFactor(n: number, p: Precision): number {
  const rho = 2 ** (n - 1);
  return gamma(3 * n, p.u) * (1 + 2 * (n * n - n) * rho) * SAFETY;
}

/**
 * Backends that flush subnormal results to zero (FTZ/DAZ). The wasm backend runs XNNPACK kernels
 * whose exp returns 0 below ≈ ln(2⁻¹²⁶) = −87.3365 and whose SIMD arithmetic flushes denormals;
 * GPUs do the same in fast-math mode. For them an underflowing result may err by up to the
 * smallest normal number, so the absolute allowance per op is 2⁻¹²⁵ (twice 2⁻¹²⁶, covering results
 * just above the threshold that the exp cut-off also sends to 0) instead of a subnormal spacing.
 * Observed here: tfjs-wasm returned softmax(…)ᵢ = 0 where the exact value is 1.1754951897586·10⁻³⁸.
 */
export const FLUSH_TO_ZERO = new Set(['wasm', 'tensorflow-gpu']);

/** The precision profile of an implementation: its unit roundoff and its elementary-function allowance. */
export function precisionOf(impl: {
  dtype: 'float32' | 'float64';
  backend?: string;
  profile?: { elementaryUlps?: number; flushToZero?: boolean };
}): Precision {
  const ulps = impl.profile?.elementaryUlps ?? ELEMENTARY_ULPS[impl.backend ?? 'default'] ?? ELEMENTARY_ULPS['default']!;
  const ftz = impl.profile?.flushToZero ?? FLUSH_TO_ZERO.has(impl.backend ?? '');
  return impl.dtype === 'float64'
    ? { u: UNIT_ROUNDOFF.float64, tiny: ftz ? 2 ** -1021 : TINY.float64, ulps }
    : { u: UNIT_ROUNDOFF.float32, tiny: ftz ? 2 ** -125 : TINY.float32, ulps };
}

/**
 * A path score computed in floating point as a sum of k terms (any order, any association, as
 * the Viterbi max-plus DP does along the path it keeps): |ŝ − s| ≤ γ_k Σ|terms|. Two paths'
 * computed scores can therefore be out of order by at most 2γ_k·max_path Σ|terms|: any path whose
 * exact score is within that slack of the optimum may legitimately be returned (ties are not bugs).
 * Every standard Viterbi evaluation order is covered: max-plus DP with any tie rule among equal
 * candidates, δ renormalised by its maximum at each step (a difference of two partial path sums),
 * the score read from the DP or recomputed along the returned path.
 */
export function viterbiSlack(k: number, maxPathAbsSum: number, p: Precision): number {
  if (k <= 1) return 0;
  return (2 * gamma(k, p.u) * maxPathAbsSum + 2 * k * p.tiny) * SAFETY;
}

/**
 * Viterbi on a dyadic grid (exact-friendly inputs): when every score entry is an integer multiple
 * of 2^−g and 2·max_path Σ|terms|·2^g ≤ 2^p = 1/u, every quantity a standard Viterbi evaluation
 * forms — a partial sum of one path's terms (|·| ≤ max_path Σ|terms|) or the difference of two
 * (renormalisation, |·| ≤ 2·max_path Σ|terms|) — is an integer multiple of 2^−g below 2^p·2^−g in
 * magnitude, hence representable: every operation is exact, the slack and the score bound are 0,
 * and the returned path must be exactly optimal (any of the tied optimal paths).
 */
export function viterbiExactOnGrid(grid: number, maxPathAbsSum: number, p: Precision): boolean {
  return maxPathAbsSum * 2 ** (grid + 1) <= 1 / p.u;
}

/**
 * log Z by the forward (or, symmetrically, the backward) algorithm in the log domain:
 * α_t(j) = E_tj + lse_i(α_{t−1}(i) + A_ij), in precision u with elementary allowance `ulps`, where
 * lse is evaluated either max-shifted (m = max, log Σ exp(x − m) + m: torch.logsumexp, SciPy) or as
 * a sequential reduction of L − 1 pairwise logaddexp(x, y) = max + log1p(exp(−|x − y|))
 * (np.logaddexp.reduce).
 * Let M ≥ every |α_t(j)| and |α + A| (M = max_path Σ|terms| + T·ln L + 1 suffices, since
 * α_t(j) lies between the smallest path score and the largest plus ln L^t). lse is 1-Lipschitz in
 * the ∞-norm, so errors propagate without growth, and each step adds at most
 *   ε = u·M                                   (forming α + A)
 *     + ε_lse                                 (the lse, either way)
 *     + u(M + ln L + 1)                       (adding E_tj),
 * with, for the shifted form,
 *   ε_shift = η/(1 − η),  η = e^{2Mu}(1 + 2·ulps·u)(1 + γ_{L−1}) − 1 + L·tiny   (shift, exp, sum — the
 *       sum is ≥ 1, so underflowing terms add at most L·tiny relative: log(1 + η))
 *     + 2·ulps·u·(ln L + 1)                     (log of a sum in [1, L])
 *     + u(M + ln L + 1)                         (adding m),
 * and for the pairwise form, each logaddexp erring by at most
 *   e_op = (e^{2uM}(1 + 2·ulps·u) − 1)   (|x − y| ≤ 2M rounded, then exp; log1p is 1-Lipschitz on [0, 1])
 *        + 2·ulps·u·ln 2                 (log1p of a value in [0, 1])
 *        + u(M + ln 2)                   (adding the max),
 *   ε_pair = (L − 1)·e_op (each logaddexp 1-Lipschitz in its inputs); ε_lse = max(ε_shift, ε_pair).
 * Over T − 1 recursion steps plus the final lse, with start/end additions (2uM):
 *   |log Ẑ − log Z| ≤ (T + 1)ε + 2uM.
 */
export function forwardLogZBound(T: number, L: number, M: number, p: Precision): number {
  if (T === 0) return 0;
  const u = p.u;
  const a = 2 * p.ulps * u;
  const lnL = Math.log(L) * (1 + 2 ** -50);
  const eta = Math.exp(2 * M * u) * (1 + 2 ** -50) * (1 + a) * (1 + (L > 1 ? gamma(L - 1, u) : 0)) - 1 + L * p.tiny;
  if (!(eta < 1)) return Infinity;
  const shifted = eta / (1 - eta) + a * (lnL + 1) + u * (M + lnL + 1);
  const eOp = Math.exp(2 * M * u) * (1 + 2 ** -50) * (1 + a) - 1 + a * Math.LN2 + u * (M + Math.LN2) + 2 * p.tiny;
  const pairwise = (L - 1) * eOp;
  const eps = u * M + Math.max(shifted, pairwise) + u * (M + lnL + 1);
  return ((T + 1) * eps + 2 * u * M) * SAFETY;
}

/**
 * log Z by the scaled forward algorithm in the probability domain (Rabiner's scaling), with the
 * shifts a = max A, m_t = max_j E_tj and the start/end maxima: P = exp(A − a), e_t = exp(E_t − m_t)
 * (e_0 = exp(start + E_0 − m_0)), every exponentiated argument in [−r_t, 0], r_t ≤ (max A − min A)
 * + (max_j E_tj − min_j E_tj) (+ the start/end ranges at the ends); α'_t(j) = e_t(j)·Σ_i α̃_{t−1}(i)P_ij,
 * c_t = Σ_j α'_t(j) (or max_j), α̃_t = α'_t/c_t, and log Z = Σ_t (log c_t + m_t + a) + end term.
 * Analysis: dividing by the computed ĉ_t and adding log ĉ_t cancel exactly, so ĉ's own error does
 * not matter; Z reconstructed as Π_t ĉ_t·(final sum) is a computation on positive numbers in which
 * every path's term passes, per step, through two exps (arguments rounded: relative error
 * e^{u·r_t}(1 + 2·ulps·u) each), one product into the sum, the sum of L positive terms (γ_{L−1}),
 * the product by e_t and the division by ĉ_t: a relative factor within
 *   ρ_t = log(e^{2u·r_t}(1 + 2·ulps·u)²(1 + γ_{L+2}))      (in the log)
 * per step (positive terms: relative errors of terms bound the relative error of the sum).
 * Underflow: each product or exp that underflows errs by ≤ tiny absolutely; the sum it enters is
 * ≥ e^{−w_t}(1 − ρ_t), w_t = max A − min A for t ≥ 1 (the label with e_t = 1 receives
 * Σ_i α̃_i P_ij ≥ min_i P_ij·Σα̃ ≥ e^{−w_t}), 0 at t = 0 (the shifted start scores include an
 * exp(0)), + the end range at the last step; so it adds at most (2L + 2)·tiny·e^{w_t}/(1 − ρ_t)
 * relative. The final sum of the 2T + 2 terms log ĉ_t, m_t, a in float errs by
 * γ_{2T+2}·Σ|terms| ≤ γ_{2T+2}(S + Σ_t(r_t + ln L)) with S ≥ Σ_t |m_t| + T|a| + |start/end shifts|
 * (|log ĉ_t| ≤ r_t + ln L), and each log ĉ_t adds 2·ulps·u·|log ĉ_t|. Hence
 *   |log Ẑ − log Z| ≤ Σ_t [ρ_t + (2L + 2)·tiny·e^{w_t}/(1 − ρ_t) + 2·ulps·u(r_t + ln L)] + γ_{2T+2}(S + Σ_t(r_t + ln L)).
 * Not covered (returns +∞): inputs where the underflow term of a step exceeds u — transition
 * ranges beyond ≈ 83 (float32) / ≈ 705 (float64), as with hard-masked "forbidden" transitions,
 * where a probability-domain implementation legitimately loses every digit; the log domain is
 * the algorithm for those.
 */
export function scaledForwardLogZBound(L: number, steps: readonly { r: number; under: number }[], S: number, p: Precision): number {
  const T = steps.length;
  if (T === 0) return 0;
  const u = p.u;
  const a = 2 * p.ulps * u;
  const lnL = Math.log(L) * (1 + 2 ** -50);
  const gL = gamma(L + 2, u);
  let sum = 0, sumR = 0;
  for (const { r, under } of steps) {
    const rho = Math.log(Math.exp(2 * u * r) * (1 + 2 ** -50) * (1 + a) ** 2 * (1 + gL)) * (1 + 2 ** -50);
    if (!(rho < 1)) return Infinity;
    const uf = (2 * L + 2) * p.tiny * Math.exp(under) / (1 - rho);
    if (!(uf <= u)) return Infinity;
    sum += rho + uf + a * (r + lnL);
    sumR += r + lnL;
  }
  return (sum + gamma(2 * T + 2, u) * (S + sumR)) * SAFETY;
}

/**
 * The probabilistic tier of log Z (Higham & Mary 2019, and Hoeffding's inequality for the
 * first-order error, a sum of independent mean-zero rounding errors δ with |δ| ≤ u times bounded
 * coefficients): the first-order error of the forward algorithm is Σ_t Σ_j w_t(j)·e_t(j) with
 * posterior weights w_t(j) ≥ 0 summing to 1 over j, so its variance is at most (T + 1) times the
 * largest per-step variance, and per step the coefficients are those of `forwardLogZBound`: M
 * (forming α + A), 2M (the shift, or |x − y| of logaddexp), 2·ulps (exp), 1 for each of the L − 1
 * additions of the sum, ln L + 1 (log), M + ln L + 1 (adding m, adding E). With probability at least
 * 1 − 2·exp(−λ²/2) the error is below λ·u·√((T + 1)·C² + (2M)²), C² the sum of the squared per-step
 * coefficients (the last term: start/end). Systematic (perfectly correlated) errors, as on inputs
 * built from one repeated value, can exceed it: it only marks an input as suspicious.
 */
export function forwardLogZProbBound(T: number, L: number, M: number, p: Precision, lambda: number): number {
  if (T === 0) return 0;
  const lnL = Math.log(L);
  const C2 = M * M + 4 * M * M + 4 * p.ulps * p.ulps + (L - 1) + (2 * p.ulps * (lnL + 1)) ** 2 + 2 * (M + lnL + 1) ** 2;
  return Math.min(lambda * p.u * Math.sqrt((T + 1) * C2 + 4 * M * M) * (1 + 2 ** -40), forwardLogZBound(T, L, M, p));
}

/**
 * quant.quantize and quant.affine-params: the quotient t = x/s that is rounded to an integer.
 * The standard algorithms compute it as fl(x/s) (ONNX QuantizeLinear, TFLite's reference kernel,
 * tfjs) or as fl(x·fl(1/s)) (PyTorch's quantize_per_tensor, XNNPACK's f32→q8 kernels), in the
 * working precision or a wider one:
 *   fl(x/s) = t(1 + δ),   fl(x·fl(1/s)) = x·(1/s)(1 + δ₁)(1 + δ₂)   ⇒   |t̂ − t| ≤ γ₂|t|
 * (Higham Lemma 3.1). Both are exact when t and 1/s are representable in the working format (s a
 * power of two, t finite): then the returned relative slack is 0 and the rounding of t is pinned —
 * half to even — instead of "either neighbour of a near-tie". Clamping t to [q_min − z, q_max − z]
 * before rounding (XNNPACK) rounds the same value, because the clamp bounds are integers.
 * Returns ρ such that every standard algorithm's t̂ satisfies |t̂ − t| ≤ ρ|t|.
 */
export function quantQuotientSlack(exact: boolean, p: Precision): number {
  return exact ? 0 : gamma(2, p.u) * SAFETY;
}

/**
 * quant.dequantize x̂ = s·(q − z) for one element, d = q − z. The standard algorithms:
 *  (a) d in exact integer arithmetic (int64, or float64 while |d| ≤ 2⁵³), converted once,
 *      one product: x̂ = fl(s·fl(d)) (ONNX Runtime, XNNPACK);
 *  (b) q and z converted to the working format first, subtracted there, multiplied:
 *      x̂ = fl(s·fl(fl(q) − fl(z))) (PyTorch's dequantize_val, tfjs);
 *  (c) a precomputed bias: x̂ = fl(fl(fl(q)·s) − fl(fl(z)·s)), with or without an FMA (Core ML's
 *      scale-and-bias form).
 * Let c(v) = 0 when the integer v is representable in the working format, u|v| otherwise (the
 * conversion error), c̃ = 0 when q, z and d are all representable (then fl(q) − fl(z) = d exactly),
 * u(|d| + c(q) + c(z)) otherwise, K = s·(c(q) + c(z) + c̃) and P = u(1 + u)·s(|q| + |z|) (the two
 * product roundings of (c)). Then
 *  (a) |x̂ − x| ≤ (1 + u)s·c(d) + u|x|,
 *  (b) |fl(fl(q) − fl(z)) − d| ≤ c(q) + c(z) + c̃, so |x̂ − x| ≤ (1 + u)K + u|x|,
 *  (c) |fl(q)s(1 + δ₁) − fl(z)s(1 + δ₂) − x| ≤ K + P, so |x̂ − x| ≤ (1 + u)(K + P) + u|x|,
 * and B = (1 + u)²(K + P) + u|x| bounds all three. When s is a power of two (and normal) every
 * product by s is exact, P and the final u|x| vanish, and B = (1 + u)²K — zero on the
 * exact-friendly inputs (q, z and d representable), where all three algorithms are exact.
 * A subnormal s makes products round absolutely: + 3·tiny.
 */
export function dequantizeBound(
  o: { s: number; q: number; z: number; x: number; sPow2: boolean; qExact: boolean; zExact: boolean; dExact: boolean; sSubnormal: boolean },
  p: Precision,
): number {
  const u = p.u;
  const s = Math.abs(o.s), q = Math.abs(o.q), z = Math.abs(o.z), d = Math.abs(o.q - o.z);
  const cq = o.qExact ? 0 : u * q, cz = o.zExact ? 0 : u * z;
  const ct = o.qExact && o.zExact && o.dExact ? 0 : u * (d + cq + cz);
  const K = s * (cq + cz + ct);
  const pow2 = o.sPow2 && !o.sSubnormal;
  const P = pow2 ? 0 : u * (1 + u) * s * (q + z);
  const R = pow2 ? 0 : u * Math.abs(o.x);
  const B = (1 + u) ** 2 * (K + P) + R + (o.sSubnormal ? 3 * p.tiny : 0);
  return B === 0 ? 0 : B * SAFETY;
}
