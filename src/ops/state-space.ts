/** Ops of the state-space domain. State-space models: kernel and FFT convolutions. */
import { defineOp, tensor, number } from './schema.js';

export const OPS = [
  defineOp({
    id: 'ssm.kernel-conv',
    description: 'Output of the single-input single-output state-space model x_{k+1} = A x_k + B u_k, y_k = C x_k + D u_k from x_0 = 0, k = 0, …, L−1 (computed by unrolling the recurrence).',
    args: {
      A: tensor('float', ['n', 'n'], { description: 'state matrix' }),
      B: tensor('float', ['n'], { description: 'input vector' }),
      C: tensor('float', ['n'], { description: 'output vector' }),
      D: number({ description: 'feed-through' }),
      u: tensor('float', ['L'], { description: 'input sequence' }),
    },
    result: tensor('float', ['L']),
    algorithms: [
      { name: 'recurrence', default: true, description: 'x ← A x + B u_k, y_k = C x + D u_k in the dtype, each component one dot product of length n + 1 in any order (FMA or not): e_{k+1} = |A|e_k + γ_{n+1}(|A|(|x_k| + e_k) + |B||u_k|).' },
      { name: 'kernel-direct', default: true, description: 'K = (D, CB, CAB, …) by v ← A v (or the row form r ← r A) in the dtype, then y = K * u by direct summation in any order: Σ_l ε_l|u_{k−l}| + γ_{k+1}Σ_l(|K_l| + ε_l)|u_{k−l}|, ε_l the propagated kernel error.' },
      { name: 'kernel-fft', default: false, description: 'K as above, then an FFT convolution in the dtype (S4-style). Declared, not default: FFT errors are normwise and never zero, so covering it would void the exact-integer class. Its bound: Σ_l ε_l|u_{k−l}| + the ssm.fft-conv bound for (K̂, u).' },
    ],
    inputClasses: [
      { name: 'small', minShare: 0.4, description: 'n 1–3, L 0–16, A entries k/8 (|k| ≤ 5, possibly unstable), B, C, D ∈ [−2, 2], u ∈ [−4, 4], mixed float32 magnitudes' },
      { name: 'long-stable', minShare: 0.07, description: 'n 1–8, L 256–2048 (the maximum in ≥ 1/8 of them), ‖A‖∞ ≤ 63/64 with entries k/64' },
      { name: 'exact-integer', minShare: 0.15, description: 'A a signed permutation or nilpotent {0, ±1} matrix, B, C, D, u integers in [−7, 7], n 1–8, L 1–2048' },
      { name: 'float64-only', minShare: 0.2, description: 'as small (L ≤ 24) with B, C, D, u doubles of full 53-bit significand (rounded to float32 in float32 runs)' },
    ],
    exactFriendly: 'exact-integer class: integer A ∈ {0, ±1} (signed permutation or nilpotent), integer B, C, D, u; when every sum of |terms| of every dot product of both default algorithms is below 2^p (p = 24 or 53), no operation rounds and the bound is 0 (ssmExactCertified in src/properties/ssm.kernel.ts).',
  }),
  defineOp({
    id: 'ssm.fft-conv',
    description: 'Causal convolution y_j = Σ_{l=0}^{j} k_l u_{j−l} (j < L), typically computed as the inverse FFT of the product of the FFTs of the sequences zero-padded to N ≥ 2L − 1 (any algorithm listed below is admissible).',
    args: {
      k: tensor('float', ['L'], { description: 'kernel' }),
      u: tensor('float', ['L'], { description: 'input sequence' }),
    },
    result: tensor('float', ['L']),
    algorithms: [
      { name: 'fft-working-precision', default: true, description: 'rfft/irfft or complex FFTs in the dtype, any transform length 2L − 1 ≤ N ≤ 4L, radix-2 or mixed radix with radices ≤ 16, twiddles within 2√2·ulps·u: ‖ŷ − y‖₂ ≤ α‖y_full‖₂ + (1 + α)E_P (src/numerics/bounds-fft.ts; Higham Thm 24.2 generalised to radix r stages with relative error √r·δ_r).' },
      { name: 'fft-wider-precision', default: true, description: 'an FFT in a wider precision (e.g. float64 for float32 requests), rounded: within the working-precision bound plus u(|y_j| + B).' },
      { name: 'direct', default: true, description: 'direct summation of y_j = Σ_l k_l u_{j−l} in any order: γ_{j+1}Σ|k_l u_{j−l}| ≤ γ_L‖k‖₂‖u‖₂; the bound is the larger of this and the FFT bound.' },
    ],
    inputClasses: [
      { name: 'small', minShare: 0.3, description: 'L 1–16, k, u ∈ [−4, 4] with mixed magnitudes and near-ties' },
      { name: 'medium', minShare: 0.2, description: 'L 17–256, k, u ∈ [−4, 4]' },
      { name: 'long', minShare: 0.03, description: 'L 512–2048 (2048 in ≥ 1/4 of them), k, u ∈ [−1, 1]' },
      { name: 'float64-only', minShare: 0.15, description: 'L 1–128, doubles with full 53-bit significands (rounded to float32 in float32 runs)' },
      { name: 'wide-range', minShare: 0.1, description: 'L 1–64, entries m·2^e with e ∈ [−20, 3]' },
    ],
    exactFriendly: 'None: zero error is impossible for an FFT — the twiddle factors cos(2πj/N), sin(2πj/N) are irrational for N ≥ 8 — so every input carries the normwise FFT bound; exact-integer inputs are exercised through ssm.kernel-conv.',
  }),
] as const;
