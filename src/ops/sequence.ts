/** Ops of the sequence domain. Sequence labelling: linear-chain CRF decoding and partition function. */
import { defineOp, tensor, optional, float, object, list, string, tuple, integer } from './schema.js';

const crfArgs = () => ({
  emissions: tensor('float', ['T', 'L'], { description: 'emission scores E[t][label]' }),
  transitions: tensor('float', ['L', 'L'], { description: 'A[i][j], the score of label i followed by j' }),
  start: optional(tensor('float', ['L'], { description: 'score of the first label (0 when absent)' })),
  end: optional(tensor('float', ['L'], { description: 'score of the last label (0 when absent)' })),
});
const atLeastOneLabel = { text: 'L ≥ 1', holds: (d: Readonly<Record<string, number>>) => (d['L'] ?? 0) >= 1 };

/** The input classes of crfArb (src/properties/seq.crf-viterbi.ts), shared by both ops. */
const crfClasses = [
  { name: 'grid', minShare: 0.3, description: 'every score k/8 with |k| ≤ 16: exact-friendly for Viterbi (frequent exact ties)' },
  { name: 'ties', minShare: 0.15, description: 'at least two exactly optimal paths (any tie rule must pass; a duplicated label, or scores from {0, ±½, ±1})' },
  { name: 'generic', minShare: 0.3, description: 'float32 mixed magnitudes or float64 mantissas (float64-only values in float64 runs)' },
  { name: 'long', minShare: 0.12, description: `T from 32 up to the maximum 128, L up to 9` },
  { name: 'large', minShare: 0.15, description: 'emissions up to ±60 over T = 8 … 64: path scores beyond the exp range of float32 and float64' },
  { name: 'many-labels', minShare: 0.08, description: 'L ≥ 5' },
  { name: 'start-and-end', minShare: 0.2, description: 'both start and end scores present' },
  { name: 'T0', minShare: 0.005, description: 'the empty sequence' },
];

export const OPS = [
  defineOp({
    id: 'seq.crf-viterbi',
    description: 'A highest-scoring label path of a linear-chain CRF; score(y) = start[y₀] + Σ_t E[t][y_t] + Σ_{t≥1} A[y_{t−1}][y_t] + end[y_{T−1}].',
    args: crfArgs(),
    result: object({
      path: tensor('int', ['T'], { below: 'L', description: 'the labels y_0 … y_{T−1}' }),
      score: float('score(path)'),
    }),
    constraints: [atLeastOneLabel],
    algorithms: [
      { name: 'max-plus dynamic programming', default: true, description: 'δ_t(j) = max_i(δ_{t−1}(i) + A_ij) + E_tj with backpointers, any tie rule among equal candidates (first or last argmax), optionally renormalised by max δ each step; the score from the DP or recomputed along the path. Covered by the slack 2γ_k·max_path Σ|terms| (src/numerics/bounds.ts viterbiSlack): a computed path score errs by ≤ γ_k Σ|terms|.' },
    ],
    inputClasses: crfClasses,
    exactFriendly: 'Scores on a dyadic grid (k/8): when 2·max_path Σ|terms|·2^g ≤ 1/u every partial path sum and every difference of two is representable, so every evaluation is exact: the slack and the score bound are 0 and only exactly optimal paths pass (viterbiExactOnGrid).',
  }),
  defineOp({
    id: 'seq.crf-logz',
    description: 'log Z = log Σ_paths exp(score(path)) (forward algorithm).',
    args: crfArgs(),
    result: float('log Z (0 when T = 0)'),
    constraints: [atLeastOneLabel],
    algorithms: [
      { name: 'log-domain forward, max-shifted lse', default: true, description: 'α_t = E_t + lse_i(α_{t−1}(i) + A_ij) with lse = m + log Σ exp(x − m) (torch.logsumexp, tfjs): (T + 1)ε + 2uM, src/numerics/bounds.ts forwardLogZBound.' },
      { name: 'log-domain forward, pairwise logaddexp', default: true, description: 'lse as a reduction of L − 1 logaddexp(x, y) = max + log1p(exp(−|x − y|)) (np.logaddexp.reduce): per step (L − 1)·e_op, the larger of the two lse errors is in forwardLogZBound.' },
      { name: 'backward algorithm', default: true, description: 'β_t(i) = lse_j(A_ij + E_{t+1,j} + β_{t+1}(j)), log Z = lse_j(start_j + E_0j + β_0(j)): the mirror recursion, same magnitudes, same bound.' },
      { name: 'scaled probability-domain forward', default: true, description: 'Rabiner scaling: exp of shifted scores, α̃ renormalised each step, log Z = Σ log c_t + shifts; bound from the per-step exp argument ranges R_t and the underflow term (2L + 2)·tiny·e^{R_t} (scaledForwardLogZBound); the bound is the larger of the two models.' },
    ],
    inputClasses: crfClasses,
    exactFriendly: 'None possible: for L ≥ 2 and T ≥ 1, Z = Σ_k c_k e^{k/8} has at least two terms (or a coefficient ≥ 2), and if log Z were a float r (a dyadic rational), e^r − Σ_k c_k e^{k/8} = 0 would be a non-trivial linear relation over the algebraic numbers between exponentials of distinct algebraic exponents, which Lindemann–Weierstrass forbids; so log Z is transcendental and every float result errs. Instead: small-integer grids (rigorous enclosures of width ~1e-16), and the probabilistic tier (probRatio, forwardLogZProbBound).',
  }),
  defineOp({
    id: 'seq.crf-marginals',
    description: 'The node marginals of a linear-chain CRF, P(y_t = j | x) = Σ_{paths with y_t = j} exp(score(path)) / Z (forward–backward: exp(α_t(j) + β_t(j) − log Z)); a T × L matrix whose rows sum to 1.',
    args: crfArgs(),
    result: tensor('float', ['T', 'L'], { description: 'P(y_t = j), each row a probability vector' }),
    constraints: [atLeastOneLabel],
    algorithms: [
      { name: 'log-domain forward–backward', default: true, description: 'α and β by max-shifted log-sum-exp recursions, log Z = lse_j(α_{T−1}(j) + end_j), P = exp(α + β − log Z) (torch-struct, pytorch-crf style): each of α_t(j), β_t(j), log Z errs by ≤ forwardLogZBound (src/numerics/bounds.ts), so log P errs by ≤ 3·that + u|α + β − log Z|, then one exp (crfMarginalBound).' },
      { name: 'log-domain forward–backward, normalised per position', default: true, description: 'P(y_t = ·) = softmax_j(α_t(j) + β_t(j)) (the row renormalised instead of dividing by the global Z): the same per-entry bound (the softmax of values each within e of the exact ones errs by ≤ e^{2e} − 1 relative, covered by crfMarginalBound).' },
    ],
    inputClasses: [
      { name: 'grid', minShare: 0.3, description: 'every score k/8 with |k| ≤ 16' },
      { name: 'generic', minShare: 0.3, description: 'float32 or float64 scores in ±4, T ≤ 8' },
      { name: 'peaked', minShare: 0.1, description: 'emissions up to ±20: marginals near 0 and 1 (underflowing probabilities must still be within the absolute bound)' },
      { name: 'start-and-end', minShare: 0.12, description: 'both start and end scores present' },
      { name: 'T0', minShare: 0.005, description: 'the empty sequence (a 0 × L result)' },
    ],
    exactFriendly: 'None for T ≥ 1 and L ≥ 2 with distinct path scores (the marginals are ratios of sums of exponentials; generally transcendental). The oracle encloses each marginal rigorously (interval forward–backward, src/oracles/sequence.ts crfMarginalsEnclosure); a uniform CRF (all scores equal) gives exactly 1/L.',
  }),
  defineOp({
    id: 'seq.bio-decode',
    description: 'The entity spans of a BIO (IOB2) tag sequence, conlleval / seqeval (default mode) convention: a chunk starts at B-X, and also at an I-X that does not continue an open chunk of type X (I-X at the start, after O, or after a chunk of another type starts a new chunk — the lenient repair); a chunk ends before O, B-*, or an I-Y of another type. Spans are [start, end, type] with inclusive 0-based token indices, in order of start.',
    args: {
      tags: list(string(), 'the tags: "O", "B-<type>" or "I-<type>"'),
    },
    result: list(tuple([integer({ description: 'first token (0-based)' }), integer({ description: 'last token (inclusive)' }), string('the entity type')]), 'the chunks in order'),
    algorithms: [
      { name: 'conlleval start/end-of-chunk', default: true, description: 'startOfChunk / endOfChunk predicates of conlleval.pl (and seqeval.metrics.sequence_labeling.get_entities): prev/cur tag and type decide; chunks collected between a start and the next end.' },
      { name: 'open-chunk state machine', default: true, description: 'one open chunk (type, start); O closes it, B-X closes and opens, I-X extends it if the type matches, otherwise closes and opens.' },
    ],
    inputClasses: [
      { name: 'valid', minShare: 0.3, description: 'IOB2-valid sequences (the encodings of disjoint typed spans)' },
      { name: 'I-after-O', minShare: 0.2, description: 'an I-X at the start or after O (the policy question: conlleval starts a chunk)' },
      { name: 'type-switch', minShare: 0.15, description: 'I-Y directly after B-X or I-X with Y ≠ X (a new chunk of type Y)' },
      { name: 'random', minShare: 0.15, description: 'uniform tag sequences over O, B-/I- of 3 types, length ≤ 12' },
      { name: 'long', minShare: 0.03, description: 'length 64 up to 512 (a BERT window)' },
      { name: 'empty', minShare: 0.01, description: 'no tokens' },
    ],
    exactFriendly: 'Every input: string comparisons only.',
  }),
] as const;
