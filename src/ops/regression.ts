/** Ops of the regression domain. Linear regression: the ridge solve. */
import { defineOp, tensor, number } from './schema.js';

export const OPS = [
  defineOp({
    id: 'reg.ridge-solve',
    description: 'The ridge estimate w = (XᵀX + λI)⁻¹Xᵀy (λ ≥ 0; XᵀX + λI must be nonsingular).',
    args: {
      X: tensor('float', ['m', 'n'], { description: 'design matrix, one observation per row' }),
      y: tensor('float', ['m'], { description: 'targets' }),
      lambda: number({ minimum: 0, description: 'λ' }),
    },
    result: tensor('float', ['n']),
    algorithms: [
      { name: 'normal-lu', default: true, description: 'A = XᵀX + λI and b = Xᵀy formed in the dtype (γ_{m+1}, γ_m), solved by LU with partial pivoting (gesv): backward error γ_{3n}(1 + 2(n² − n)2^{n−1})‖A‖∞ (Higham Thm 9.4, Wilkinson’s growth bound) — the worst case, which is why n ≤ 8.' },
      { name: 'normal-cholesky', default: true, description: 'the same A, b solved by Cholesky (posv, cholesky_solve): ‖ΔA‖₂ ≤ nγ_{3n+1}/(1 − nγ_{n+1})‖A‖₂ (Higham Thms 10.3, 10.4).' },
      { name: 'augmented-qr', default: true, description: 'least squares on [X; √λI]w ≈ [y; 0] by Householder QR: backward error γ_{4(6(m+n)+41)n} columnwise (Higham Thm 20.3, Lawson–Hanson’s constant ×4); forward error ‖A⁻¹‖₂E(‖r_a‖ + f + E‖w‖) + ‖A⁻¹‖₂^{1/2}(f + E‖ŵ‖).' },
      { name: 'augmented-svd', default: true, description: 'the same least-squares problem by an SVD-based solver (gelsd: np.linalg.lstsq, torch.linalg.lstsq), or w = V diag(s/(s² + λ))Uᵀy: the same backward-error form and constant.' },
      { name: 'dual', default: true, description: 'for m < n: w = Xᵀ(XXᵀ + λI)⁻¹y (the push-through form), B formed in the dtype and solved by LU or Cholesky: δ_B‖α̂‖/(2√λ) + γ_m‖X‖_F‖α̂‖, ‖α‖ = ‖y − Xw‖/λ.' },
    ],
    inputClasses: [
      { name: 'small', minShare: 0.2, description: 'm 1–6, n 1–5, mixed-magnitude float32 entries, λ ∈ {10⁻³, 0.1, 0.5, 1, 4}' },
      { name: 'tall', minShare: 0.1, description: 'm 16–64, n 2–8 (both maxima reached), λ ∈ [2⁻¹⁶, 2⁻⁶]·m-scale' },
      { name: 'wide', minShare: 0.06, description: 'n 3–8, m < n (XᵀX singular), λ ∈ [2⁻¹⁴, 2]' },
      { name: 'ill-conditioned', minShare: 0.06, description: 'nearly collinear columns (offsets 2⁻⁸ … 2⁻²²), small λ: κ(A) up to ~10¹² (float32 runs mostly ill-posed and accept any outcome; float64 runs are gated)' },
      { name: 'float64-only', minShare: 0.1, description: 'm 1–24, n 1–6, X, y and λ doubles with full 53-bit significands (rounded in float32 runs)' },
      { name: 'large-lambda', minShare: 0.02, description: 'λ ∈ [2⁻⁴, 2⁴]·255 far above ‖X‖² (w ≈ Xᵀy/λ)' },
      { name: 'integer', minShare: 0.06, description: 'X, y integers in [−9, 9], λ ∈ {1, 2, 4, 8}' },
    ],
    exactFriendly: 'None: the standard algorithms take square roots (Cholesky, QR, SVD), so zero error is impossible even for integer systems with dyadic solutions; the integer class gives moderate κ and tight bounds instead, and float64 runs gate the ill-conditioned class. Inputs with κ∞(A)·ε ≥ 1 in the run’s dtype (a float solver may meet a zero pivot) accept any outcome.',
  }),
] as const;
