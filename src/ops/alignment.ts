/** Ops of the alignment domain (Alignment: REINFORCE, reward models, KL penalties, DPO). */
import { defineOp, tensor, float, number, object } from './schema.js';

export const OPS = [
  defineOp({
    id: 'loss.reward-pairwise',
    description: 'Pairwise (Bradley–Terry) reward-model loss: −(1/n) Σ_i log σ(r_w,i − r_l,i) over n preference pairs (chosen reward r_w, rejected reward r_l).',
    args: {
      chosen: tensor('float', ['n'], { description: 'rewards of the preferred (winning) completions' }),
      rejected: tensor('float', ['n'], { description: 'rewards of the rejected (losing) completions' }),
    },
    result: float('the mean loss'),
    constraints: [{ text: 'n ≥ 1', holds: (s: Readonly<Record<string, number>>) => (s['n'] ?? 0) >= 1 }],
    algorithms: [
      { name: 'softplus', default: true, description: 'softplus(r_l − r_w) = max(x, 0) + log1p(exp(−|x|)) or log(1 + exp(x)) for x below the overflow range (tf.softplus, torch −logsigmoid), mean by any summation order then ÷ n.' },
      { name: 'log of the sigmoid', default: true, description: '−log σ(m) with σ evaluated stably (x ≥ 0: 1/(1 + e^{−x}); x < 0: e^x/(1 + e^x)): covered by the same bound (rewardPairwiseBound, src/numerics/bounds-alignment.ts).' },
    ],
    inputClasses: [
      { name: 'mixed', minShare: 0.2, description: 'n ≤ 32 pairs of float32 rewards in [−10, 10].' },
      { name: 'large-margin', minShare: 0.12, description: 'margins |r_w − r_l| from 90 to 400: exp overflows in float32 without the stable form, σ underflows to 0 in log σ.' },
      { name: 'ties', minShare: 0.1, description: 'r_w = r_l: every term is log 2.' },
      { name: 'large-offset', minShare: 0.1, description: 'rewards on a common offset ±2^k, k = 8…14, plus values below 128 in magnitude: small margins between large rewards.' },
      { name: 'float64-only', minShare: 0.08, description: 'doubles with full 53-bit significands (rounded to float32 in float32 runs).' },
      { name: 'realistic', minShare: 0.03, description: 'batches of 256 to 1024 pairs.' },
    ],
    exactFriendly: 'None: log(1 + e^x) is transcendental for every rational x (Lindemann–Weierstrass), so the loss always rounds; ties give n·log 2/n with one rounding of log 2.',
  }),
  defineOp({
    id: 'loss.dpo',
    description: 'Direct Preference Optimisation (Rafailov et al. 2023): h_i = β[(π_w,i − ρ_w,i) − (π_l,i − ρ_l,i)] from sequence log-probabilities of the policy (π) and the frozen reference (ρ), loss = −(1/n) Σ_i log σ(h_i), and its gradient with respect to the policy log-probabilities: ∂/∂π_w,i = −(β/n)σ(−h_i), ∂/∂π_l,i = +(β/n)σ(−h_i).',
    args: {
      policyChosen: tensor('float', ['n'], { description: 'log π_θ(y_w | x), summed over the tokens of the chosen completion' }),
      policyRejected: tensor('float', ['n'], { description: 'log π_θ(y_l | x)' }),
      refChosen: tensor('float', ['n'], { description: 'log π_ref(y_w | x)' }),
      refRejected: tensor('float', ['n'], { description: 'log π_ref(y_l | x)' }),
      beta: number({ minimum: 0, description: 'β, the strength of the implicit KL constraint' }),
    },
    result: object({
      loss: float('the mean DPO loss'),
      gradChosen: tensor('float', ['n'], { description: '∂loss/∂policyChosen' }),
      gradRejected: tensor('float', ['n'], { description: '∂loss/∂policyRejected' }),
    }),
    constraints: [{ text: 'n ≥ 1', holds: (s: Readonly<Record<string, number>>) => (s['n'] ?? 0) >= 1 }],
    algorithms: [
      { name: 'TRL', default: true, description: 'logits = (π_w − π_l) − (ρ_w − ρ_l), losses = −logsigmoid(β·logits), mean; gradient by automatic differentiation (torch autograd, tf.grad). Bound: dpoBounds (src/numerics/bounds-alignment.ts).' },
      { name: 'log-ratios first', default: true, description: 'h = β(π_w − ρ_w) − β(π_l − ρ_l) or β((π_w − ρ_w) − (π_l − ρ_l)); loss by softplus(−h); the closed-form gradient ∓(β/n)σ(−h), or (β/n)(σ(h) − 1): covered by the absolute term of the gradient bound.' },
    ],
    inputClasses: [
      { name: 'mixed', minShare: 0.2, description: 'n ≤ 16, log-probabilities in [−200, 0], β ∈ {0.01, 0.05, 0.1, 0.5, 1} (float32-rounded).' },
      { name: 'equal-policy', minShare: 0.1, description: 'policy = reference (the first DPO step): h = 0, loss = log 2, gradients ∓β/(2n).' },
      { name: 'large-margin', minShare: 0.12, description: '|h| from 90 to 400: exp overflows without the stable softplus; σ(−h) underflows.' },
      { name: 'swapped-sign', minShare: 0.1, description: 'the policy prefers the rejected completion (h < 0) with distinct chosen and rejected offsets: a swapped pair or a flipped sign shows.' },
      { name: 'float64-only', minShare: 0.08, description: 'doubles with full 53-bit significands (rounded to float32 in float32 runs).' },
      { name: 'realistic', minShare: 0.03, description: 'batches of 64 to 256 pairs, sequence log-probabilities in [−1500, −20], β = 0.1.' },
    ],
    exactFriendly: 'None for the loss (log(1 + e^x) is transcendental); the gradient is exact only where σ(−h) is dyadic, i.e. h = 0 (σ = 1/2) with β/n dyadic, in the equal-policy class.',
  }),
] as const;
