/** Ops of the decoding domain (Decoding: greedy, beam search, top-k, top-p, temperature). */
import { defineOp, tensor, integer, number, list } from './schema.js';

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
  defineOp({
    id: 'dec.beam-search',
    description: 'Beam search of width K over a tabulated next-token scorer (log-probabilities of a tree LM). Declared semantics: the beam starts as [()] with score 0; at each of T steps the candidates are the FINISHED hypotheses of the beam (last token = eos; carried unchanged: EOS freeze) and every extension y·w of each unfinished one, scored s(y) + logProbs[row(y)][w]; they are ordered by score (descending), ties by the token sequence (lexicographically smaller first), and the first K kept. Finally the hypothesis of the final beam maximising s / |y|^α (|y| counts the generated tokens, EOS included; α = lengthPenalty, HF BeamHypotheses) is returned, ties to the earlier one in beam order. row(y) of a prefix of length t is Σ_{i<t} V^i + (y read in base V).',
    args: {
      logProbs: tensor('float', ['N', 'V'], { description: 'row(y) = the next-token scores after prefix y; N = Σ_{t<T} V^t rows (prefixes of length < T, length-major, base-V order)' }),
      T: integer({ minimum: 1, description: 'the maximum number of generated tokens' }),
      width: integer({ minimum: 1, description: 'the beam width K' }),
      eos: integer({ description: 'the end-of-sequence token, −1 for none' }),
      lengthPenalty: number({ minimum: 0, maximum: 2, description: 'α ∈ {0, 1, 2}: the final score is s / |y|^α' }),
    },
    result: list(integer(), 'the returned token sequence (EOS included when it finished)'),
    constraints: [
      { text: 'V ≥ 1', holds: (d) => (d['V'] ?? 0) >= 1 },
      { text: 'N = Σ_{t<T} V^t (checked by the oracle)', holds: () => true },
    ],
    algorithms: [
      { name: 'sort all candidates', default: true, description: 'expand, sort the ≤ K·V + K candidates by (score desc, sequence asc), keep K; the final choice by s/|y|^α. Scores are sums of at most T table entries.' },
      { name: 'repeated selection', default: true, description: 'select the best remaining candidate K times (a partial selection sort / heap) under the same order: the same beam.' },
    ],
    inputClasses: [
      { name: 'grid', minShare: 0.25, description: 'log-probabilities −k/8, 0 ≤ k ≤ 24: every cumulative score exact in float32 and float64, so only the exact beam passes' },
      { name: 'ties', minShare: 0.15, description: 'log-probabilities from {0, −½, −1, −2}: many exactly tied candidates (the declared tie rule decides)' },
      { name: 'eos-early', minShare: 0.15, description: 'an EOS token with high early log-probabilities: finished hypotheses compete with unfinished ones for beam slots' },
      { name: 'length-penalty', minShare: 0.15, description: 'α ∈ {1, 2} with an EOS token: the final choice differs from the best raw score' },
      { name: 'greedy', minShare: 0.08, description: 'K = 1 (greedy decoding with EOS)' },
      { name: 'full-width', minShare: 0.08, description: 'K ≥ the number of all hypotheses: the result is the exhaustive optimum of s/|y|^α over all complete sequences' },
    ],
    exactFriendly: 'Scores on the grid k/8 (|k| ≤ 24, T ≤ 4): every cumulative score is exact in both dtypes, so with α = 0 the beam is exactly determined (including ties, by the declared rule); with α > 0 the final division rounds, and any final-beam hypothesis whose normalised score is within 2u (relative) of the best is accepted.',
  }),
  defineOp({
    id: 'dec.sample',
    sampling: true,
    description: 'n seeded draws from the next-token distribution of logits with temperature, top-k and top-p (HF warper order: z = logits/τ, then top-k (keep z ≥ the k-th largest; k = 0: off), then top-p on the renormalised top-k distribution (the smallest set of most probable words with mass ≥ p; p = 1: off), then sample from softmax over the kept words). Deterministic given the seed: the same arguments give the same draws. ' +
      'Checked as a distribution (dec.temperature/sample-distribution, dec.top-p/sample-nucleus): per-token two-sided Chernoff–KL binomial tests of the counts against rigorous enclosures of the exact probabilities (a dropped token must never be drawn), combined by Bonferroni at the per-check level of the family-wise budget (src/statistics/budget.ts), plus replay determinism. A kept token\'s probability may differ from the exact one by 2⁻¹⁵·P + 2⁻¹⁶ (float32 softmax and cumulative sums, src/statistics/categorical.ts).',
    args: {
      logits: tensor('float', ['V'], { description: 'next-token logits' }),
      temperature: number({ minimum: 0, description: 'τ > 0' }),
      topK: integer({ minimum: 0, description: 'k (0: no top-k filter)' }),
      topP: number({ minimum: 0, maximum: 1, description: 'p ∈ (0, 1] (1: no top-p filter)' }),
      n: integer({ minimum: 0, dim: 'n', description: 'number of draws' }),
      seed: integer({ description: 'the draws are a function of the arguments' }),
    },
    result: tensor('int', ['n'], { below: 'V', description: 'token ids' }),
    constraints: [{ text: 'V ≥ 1', holds: (d) => (d['V'] ?? 0) >= 1 }],
    algorithms: [
      { name: 'inverse CDF', default: true, description: 'cumulative sums of the kept probabilities, first index with u < cdf (tf.multinomial, torch.multinomial).' },
      { name: 'Gumbel-max', default: true, description: 'argmax_i (z_i + G_i) over the kept words, G_i = −log(−log U_i) (JAX categorical).' },
      { name: 'alias table', default: true, description: 'Walker/Vose alias method over the kept words (O(1) per draw).' },
    ],
    inputClasses: [
      { name: 'temperature-only', minShare: 0.2, description: 'no filter, τ ∈ {½, fl32(0.7), 1, fl32(1.3), 2}' },
      { name: 'top-k', minShare: 0.1, description: 'logits from {−1, −½, 0, ½, 1} and a k whose k-th logit is tied with a dropped one (ties at the k-th logit kept: torch.topk’s exactly-k differs)' },
      { name: 'top-p', minShare: 0.2, description: 'flat logits j/64 in [−1, 1], τ ∈ {1, fl32(1.3), 2}, p ∈ {½, fl32(0.8), fl32(0.9), fl32(0.95)}: a nucleus of ≥ 2 words whose threshold word carries real mass, the decision at least 2⁻¹⁰ away from p' },
      { name: 'top-k-and-top-p', minShare: 0.1, description: 'both filters (top-p on the renormalised top-k distribution)' },
      { name: 'peaked', minShare: 0.1, description: 'τ = ¼: most of the mass on one or two words, the rest with probabilities near 0' },
    ],
    exactFriendly: 'Not applicable: the output is random. The tests are exact instead: binomial tails with proved critical counts (src/statistics/tests.ts binomialTest) against rigorous enclosures of softmax(logits/τ) over the kept set (interval arithmetic, src/numerics/interval.ts); inputs whose top-p decision lies within 2⁻¹⁰ of p, or whose top-p boundary is a tie, are not generated (the kept set would depend on rounding or on a tie rule).',
  }),
] as const;
