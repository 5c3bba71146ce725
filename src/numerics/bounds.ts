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
 * probabilities (from the oracle's enclosure) and `spread_j` ≥ |s_j|.
 */
export function softmaxBounds(pHi: number[], spread: number[], e: number[], p: Precision): number[] {
  const n = pHi.length;
  if (n === 0) return [];
  const u = p.u;
  const eMax = Math.max(...e);
  const a = 2 * p.ulps * u;
  const tau = spread.map((s, j) => e[j]! + eMax + (s + e[j]! + eMax) * u);
  const hi = tau.map((t) => Math.exp(t) * (1 + 2 ** -50) * (1 + a));
  const lo = tau.map((t) => Math.exp(-t) * (1 - 2 ** -50) * (1 - a));
  const gn = n > 1 ? gamma(n - 1, u) : 0;
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
  return pHi.map((pj, j) => {
    const rel = Math.max(hi[j]! * (1 + g2) / dLo - 1, 1 - lo[j]! * (1 - g2) / dHi);
    return (Math.min(1, pj) * rel + 3 * p.tiny) * SAFETY;
  });
}

/**
 * Output of attention o_e = Σ_j p̂_j v_{je} (a float matMul of length S) given per-probability
 * error bounds Δp_j: |ô_e − o_e| ≤ Σ_j Δp_j |v_je| + γ_S Σ_j (p_j + Δp_j)|v_je|.
 */
export function weightedSumBound(pHi: number[], dp: number[], vCol: number[], p: Precision): number {
  const S = pHi.length;
  let a = 0;
  let b = 0;
  for (let j = 0; j < S; j++) {
    const v = Math.abs(vCol[j]!);
    a += dp[j]! * v;
    b += (Math.min(1, pHi[j]!) + dp[j]!) * v;
  }
  return (a + gamma(Math.max(S, 1), p.u) * b + 2 * S * p.tiny) * SAFETY;
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
export function varianceBound(n: number, correction: 0 | 1, ss: number, dMu: number, p: Precision): number {
  const m = n - correction;
  const extra = n * dMu * dMu;
  return (gamma(n + 5, p.u) * (ss + extra) / m + extra / m + (n + 6) * p.tiny) * SAFETY;
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
 */
export function viterbiSlack(k: number, maxPathAbsSum: number, p: Precision): number {
  if (k <= 1) return 0;
  return (2 * gamma(k, p.u) * maxPathAbsSum + 2 * k * p.tiny) * SAFETY;
}

/**
 * Forward algorithm α_t(j) = E_tj + lse_i(α_{t−1}(i) + A_ij) with a max-shifted log-sum-exp
 * (m = max, log Σ exp(x − m) + m), in precision u with elementary allowance `ulps`.
 * Let M ≥ every |α_t(j)| and |α + A| (M = max_path Σ|terms| + T·ln L + 1 suffices, since
 * α_t(j) lies between the smallest path score and the largest plus ln L^t). lse is 1-Lipschitz in
 * the ∞-norm, so errors propagate without growth, and each step adds at most
 *   ε = u·M                                   (forming α + A)
 *     + η/(1 − η),  η = e^{2Mu}(1 + 2·ulps·u)(1 + γ_{L−1}) − 1 + L·tiny   (shift, exp, sum — the sum
 *       is ≥ 1, so underflowing terms add at most L·tiny relative: log(1 + η))
 *     + 2·ulps·u·(ln L + 1)                     (log of a sum in [1, L])
 *     + 2u(M + ln L + 1)                        (adding m, adding E_tj).
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
  const eps = u * M + eta / (1 - eta) + a * (lnL + 1) + 2 * u * (M + lnL + 1);
  return ((T + 1) * eps + 2 * u * M) * SAFETY;
}
