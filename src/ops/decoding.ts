/** Ops of the decoding domain (Decoding: greedy, beam search, top-k, top-p, temperature). */
import { defineOp, tensor, integer, number } from './schema.js';

export const OPS = [
  defineOp({
    id: 'dec.top-k-filter',
    description: 'The top-k truncation of a next-token distribution, HF TopKLogitsWarper semantics: keep[w] = 1 iff logits[w] ≥ the k-th largest logit (ties at the boundary are all kept, so more than k words may survive); k ≥ V keeps every word. Returns the 0/1 mask (the warper sets the dropped logits to −∞).',
    args: {
      logits: tensor('float', ['V'], { description: 'next-token logits (or log-probabilities)' }),
      k: integer({ minimum: 1, description: 'the number of words to keep' }),
    },
    result: tensor('int', ['V'], { description: '1 = kept, 0 = dropped' }),
    constraints: [{ text: 'V ≥ 1', holds: (d) => (d['V'] ?? 0) >= 1 }],
    algorithms: [
      { name: 'k-th value threshold', default: true, description: 'torch.topk / tf.topk values, threshold = the k-th value, keep logits ≥ threshold (HF): comparisons only, exact.' },
      { name: 'rank count', default: true, description: 'keep w iff fewer than k words have a strictly larger logit: the same set, exact.' },
    ],
    inputClasses: [
      { name: 'ties', minShare: 0.3, description: 'logits from {−1, 0, 1, 2}: the k-th value is tied with a dropped one in most cases (the tie rule matters)' },
      { name: 'generic', minShare: 0.3, description: 'float64 logits in [−30, 30] (rounded in float32 runs), distinct with probability ~1' },
      { name: 'k-covers', minShare: 0.08, description: 'k ≥ V: every word kept' },
      { name: 'large-vocab', minShare: 0.03, description: 'V from 1000 up to 32000' },
    ],
    exactFriendly: 'Every input: the mask depends on comparisons of the given floats only, so it is exact in any dtype.',
  }),
  defineOp({
    id: 'dec.top-p-filter',
    description: 'The top-p (nucleus) truncation of a probability vector (003:836–838): keep the smallest set of words whose probability mass is ≥ p — the m most probable words for the least such m; at ties with the m-th value any of the tied words may complete the set. Returns the 0/1 mask. With float sums, any m for a threshold within the derived δ of p is accepted (src/numerics/bounds-topp.ts).',
    args: {
      probs: tensor('float', ['V'], { description: 'a probability vector (non-negative, summing to 1 up to rounding)' }),
      p: number({ minimum: 0, maximum: 1, description: 'the nucleus mass p ∈ (0, 1]' }),
    },
    result: tensor('int', ['V'], { description: '1 = kept, 0 = dropped' }),
    constraints: [{ text: 'V ≥ 1', holds: (d) => (d['V'] ?? 0) >= 1 }],
    algorithms: [
      { name: 'descending cumulative sum', default: true, description: 'sort descending, keep the prefix up to the first cumulative sum ≥ p (at least one word).' },
      { name: 'HF ascending removal', default: true, description: 'sort ascending, remove the prefix whose cumulative sum ≤ 1 − p (TopPLogitsWarper), keep at least one word.' },
    ],
    inputClasses: [
      { name: 'exact-threshold', minShare: 0.3, description: 'p equal to the (float) mass of the m most probable words: the m-th word must be kept ("≥ p")' },
      { name: 'ties', minShare: 0.2, description: 'dyadic probabilities with ties at the boundary value' },
      { name: 'generic', minShare: 0.2, description: 'random probability vectors and thresholds k/20' },
      { name: 'p-one', minShare: 0.05, description: 'p = 1: every word of positive probability is needed' },
    ],
    exactFriendly: 'Dyadic probabilities (multiples of 2^-8 summing to 1) and dyadic p: every partial sum is exact, δ = 0 and only exact nuclei pass.',
  }),
] as const;
