/** Ops of the sequence domain. Sequence labelling: linear-chain CRF decoding and partition function. */
import { defineOp, tensor, optional, float, object } from './schema.js';

const crfArgs = () => ({
  emissions: tensor('float', ['T', 'L'], { description: 'emission scores E[t][label]' }),
  transitions: tensor('float', ['L', 'L'], { description: 'A[i][j], the score of label i followed by j' }),
  start: optional(tensor('float', ['L'], { description: 'score of the first label (0 when absent)' })),
  end: optional(tensor('float', ['L'], { description: 'score of the last label (0 when absent)' })),
});
const atLeastOneLabel = { text: 'L ≥ 1', holds: (d: Readonly<Record<string, number>>) => (d['L'] ?? 0) >= 1 };

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
  }),
  defineOp({
    id: 'seq.crf-logz',
    description: 'log Z = log Σ_paths exp(score(path)) (forward algorithm).',
    args: crfArgs(),
    result: float('log Z (0 when T = 0)'),
    constraints: [atLeastOneLabel],
  }),
] as const;
