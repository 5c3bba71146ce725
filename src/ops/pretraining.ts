/** Ops of the pretraining domain (Pretraining objectives: MLM, span corruption, denoising, QA heads). */
import { defineOp, tensor, integer, object, list } from './schema.js';

export const OPS = [
  defineOp({
    id: 'pre.squad-best-span',
    description: 'The best answer span of a BERT QA head: (i, j) maximising start[i] + end[j] over 0 ≤ i ≤ j < n with j − i < maxLen (004:1894, 003:729–732). Any maximiser is accepted (ties are not bugs); with float rounding, any pair whose exact score is within the derived slack of the optimum (src/numerics/bounds-span.ts).',
    args: {
      start: tensor('float', ['n'], { description: 'start scores S·T_i' }),
      end: tensor('float', ['n'], { description: 'end scores E·T_j' }),
      maxLen: integer({ minimum: 1, description: 'the length limit L: j − i < L (n or more: no limit)' }),
    },
    result: object({ start: integer({ description: 'i (0-based)' }), end: integer({ description: 'j (0-based), i ≤ j' }) }),
    constraints: [{ text: 'n ≥ 1', holds: (d) => (d['n'] ?? 0) >= 1 }],
    algorithms: [
      { name: 'masked score matrix', default: true, description: 'start[:, None] + end[None, :] with the pairs j < i or j − i ≥ L masked to −∞, argmax of the flattened matrix (HF run_qa post-processing, O(n²)); one rounding per sum.' },
      { name: 'running maximum', default: true, description: 'for each j the best start among max(0, j − L + 1) … j (a running or windowed maximum, O(n)), then the best j; one rounding per sum.' },
    ],
    inputClasses: [
      { name: 'grid', minShare: 0.27, description: 'scores k/4, |k| ≤ 8: every sum exact, frequent exact ties (any maximiser must pass)' },
      { name: 'generic', minShare: 0.2, description: 'float64 scores in [−20, 20] (rounded in float32 runs)' },
      { name: 'limited', minShare: 0.2, description: 'a length limit L < n that excludes the unconstrained optimum' },
      { name: 'reversed', minShare: 0.09, description: 'the best start lies after the best end (independent argmaxes give j < i)' },
      { name: 'long', minShare: 0.03, description: 'n from 128 up to 384 (a SQuAD window)' },
    ],
    exactFriendly: 'Scores on the grid k/4 (|k| ≤ 8): every sum start[i] + end[j] is exact in both dtypes, so the slack is 0 and only exactly optimal pairs pass.',
  }),
  defineOp({
    id: 'pre.mlm-mask',
    sampling: true,
    description: 'Seeded BERT masking of a token sequence (004:1695–1703, HF DataCollatorForLanguageModeling): each non-special position is selected with probability 0.15 independently; a selected position gets [MASK] with probability 0.8, a uniformly random token of [0, V) with probability 0.1, and keeps its token with probability 0.1 (cascade Bernoulli(0.8), then Bernoulli(0.5)); special tokens are never selected. labels[i] = the original token at selected positions, −100 elsewhere. Deterministic given the seed. ' +
      'Checked statistically (pre.mlm/mask-statistics): exact invariants (specials untouched, unselected positions unchanged, labels = originals, ids in range, replay determinism) and Chernoff–KL binomial tests with proved critical counts of the number selected (0.15), the number masked among the selected (0.8 + 0.1/V) and the number unchanged among the selected (0.1 + 0.1/V), each probability allowed 2⁻²² for float32 uniforms, combined at the per-check level of src/statistics/budget.ts.',
    args: {
      tokens: tensor('int', ['n'], { below: 'V', description: 'the token ids' }),
      vocab: integer({ minimum: 2, dim: 'V', description: 'V, the vocabulary size (random replacements are uniform on [0, V))' }),
      maskId: integer({ minimum: 0, description: 'the [MASK] id (a special token)' }),
      special: list(integer(), 'ids never selected ([CLS], [SEP], [PAD], [MASK], …)'),
      seed: integer({ description: 'the masking is a function of the arguments' }),
    },
    result: object({
      input: tensor('int', ['n'], { below: 'V', description: 'the corrupted input ids' }),
      labels: tensor('int', ['n'], { description: 'the original id at selected positions, −100 elsewhere' }),
    }),
    constraints: [{ text: 'V ≥ 2', holds: (d) => (d['V'] ?? 0) >= 2 }],
    algorithms: [
      { name: 'Bernoulli cascade', default: true, description: 'selection Bernoulli(0.15), then Bernoulli(0.8) → [MASK], then Bernoulli(0.5) among the rest → random token (HF DataCollatorForLanguageModeling, torch.bernoulli).' },
      { name: 'one uniform per position', default: true, description: 'u ~ U[0, 1): u < 0.12 → [MASK], < 0.135 → random, < 0.15 → kept-selected (the same joint law).' },
    ],
    inputClasses: [
      { name: 'bert-vocab', minShare: 0.3, description: 'V = 30522, specials {0, 100, 101, 102, 103} ([PAD], [UNK], [CLS], [SEP], [MASK] = 103)' },
      { name: 'small-vocab', minShare: 0.3, description: 'V ∈ {5, 8}: a random replacement often equals the original or [MASK] (the 0.1/V terms matter)' },
      { name: 'padded', minShare: 0.15, description: 'at least 30 % of the positions are [PAD] (special): the selection rate is over the non-special positions only' },
    ],
    exactFriendly: 'Not applicable: the output is random. The invariants are exact; the rates are tested with exact binomial tails (proved critical counts), the probabilities allowed 2⁻²² (float32 uniforms).',
  }),
] as const;
