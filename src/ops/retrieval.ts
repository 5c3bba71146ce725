/** Ops of the retrieval domain (Retrieval and distillation): the ColBERT MaxSim score and the KL divergence of distillation. */
import { defineOp, tensor, float } from './schema.js';

export const OPS = [
  defineOp({
    id: 'ret.maxsim',
    description: 'ColBERT late interaction: S(q, d) = Σ_i max_j (q_i · d_j) over query token embeddings q_i (rows of Q) and document token embeddings d_j (rows of D).',
    args: {
      Q: tensor('float', ['Nq', 'd'], { description: 'query token embeddings, one per row' }),
      D: tensor('float', ['Nd', 'd'], { description: 'document token embeddings, one per row (Nd ≥ 1)' }),
    },
    result: float('the MaxSim score (0 when Nq = 0)'),
    constraints: [{ text: 'Nd ≥ 1', holds: (s: Readonly<Record<string, number>>) => (s['Nd'] ?? 0) >= 1 }],
    algorithms: [
      { name: 'similarity matrix, row max, sum', default: true, description: 'S = Q·Dᵀ by any matrix product (any summation order, FMA or not, blocked), m_i = max_j S_ij, score = Σ_i m_i in any order (PyTorch/ColBERT: (Q @ D.T).max(1).values.sum()). Bound: maxSimBound (src/numerics/bounds-retrieval.ts).' },
      { name: 'per query token loop', default: true, description: 'for each i a running maximum of the dot products q_i·d_j, accumulated into the score: the same three error sources, the same bound.' },
    ],
    inputClasses: [
      { name: 'mixed', minShare: 0.2, description: 'Nq ≤ 8, Nd ≤ 16, d ≤ 32, float32 entries in [−4, 4] with short mantissas.' },
      { name: 'normalized', minShare: 0.15, description: 'L2-normalised rows (as ColBERT stores them): every similarity in [−1, 1].' },
      { name: 'negative', minShare: 0.1, description: 'every similarity negative (D = −Q-like rows): a running maximum started at 0 returns 0.' },
      { name: 'ties', minShare: 0.1, description: 'duplicated document tokens and query tokens: several maximal similarities per row.' },
      { name: 'exact-friendly', minShare: 0.1, description: 'entries k/8 with |k| ≤ 16, d ≤ 16: every product, dot product and sum is exact in float32, so the bound is 0.' },
      { name: 'float64-only', minShare: 0.08, description: 'doubles with full 53-bit significands (rounded to float32 in float32 runs).' },
      { name: 'query-only-asymmetry', minShare: 0.08, description: 'Nq ≠ Nd with a single dominant document token: max over the query axis instead of the document axis differs.' },
      { name: 'realistic', minShare: 0.02, description: 'ColBERT sizes: Nq = 32 query tokens, Nd from 32 to 64, d = 128, normalised rows.' },
    ],
    exactFriendly: 'Entries k/8, |k| ≤ 16, d ≤ 16: products are multiples of 1/64 below 4, dot products and the final sum stay far below 2^24/64, so every operation of every algorithm is exact and the bound is 0 (the exact-friendly class).',
  }),
  defineOp({
    id: 'loss.kl',
    description: 'KL(p‖q) = Σ_i p_i log(p_i / q_i) (natural log, 0·log 0 = 0), summed over the n entries; p the target (teacher) distribution, q the model (student) distribution, both as probabilities. torch.nn.functional.kl_div(input = log q, target = p, reduction = "sum") computes it.',
    args: {
      p: tensor('float', ['n'], { description: 'target (teacher) probabilities, p_i ≥ 0' }),
      q: tensor('float', ['n'], { description: 'model (student) probabilities, q_i > 0 where p_i > 0' }),
    },
    result: float('KL(p‖q) in nats'),
    algorithms: [
      { name: 'difference of logs', default: true, description: 't_i = p_i·(log p_i − log q_i) (torch kl_div with input = log q: target·(log target − input), xlogy(p, p) − p·log q), summed in any order.' },
      { name: 'log of the ratio', default: true, description: 't_i = p_i·log(p_i/q_i) (scipy.special.rel_entr), summed in any order.' },
    ],
    inputClasses: [
      { name: 'mixed', minShare: 0.2, description: 'normalised float32 probability vectors, n from 1 to 64 (64 in ≥ 1/8 of the draws).' },
      { name: 'zeros-in-p', minShare: 0.1, description: 'some p_i = 0 (0·log 0 = 0 and 0·log(0/q) = 0).' },
      { name: 'near-equal', minShare: 0.1, description: 'q = p up to a few ulps, or exactly equal: KL ≈ 0 (Gibbs: = 0 iff p = q).' },
      { name: 'tiny-q', minShare: 0.1, description: 'some q_i down to 10⁻³⁰: log ratios near 70, the two arguments swapped differ wildly.' },
      { name: 'teacher-student', minShare: 0.08, description: 'n = 3 peaked distributions like the notes’ distillation example.' },
      { name: 'float64-only', minShare: 0.08, description: 'doubles with full 53-bit significands (rounded to float32 in float32 runs).' },
      { name: 'realistic', minShare: 0.03, description: 'vocabulary-sized distributions, n from 1000 to 2048.' },
    ],
    exactFriendly: 'p = q exactly: log(p_i/q_i) = log 1 = 0 and log p_i − log q_i = 0 in every correct algorithm, so KL = 0 exactly (in the near-equal class). Otherwise log of a rational ≠ 1 is transcendental and some rounding remains.',
  }),
] as const;
