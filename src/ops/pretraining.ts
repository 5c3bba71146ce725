/** Ops of the pretraining domain (Pretraining objectives: MLM, span corruption, denoising, QA heads). */
import { defineOp, tensor, integer, object } from './schema.js';

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
] as const;
