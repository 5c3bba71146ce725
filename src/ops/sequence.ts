/** Ops of the sequence domain. Sequence labelling: linear-chain CRF decoding and partition function. */
import type { OpDef } from '../registry/types.js';

export const OPS: readonly OpDef[] = [
  {
    id: 'seq.crf-viterbi',
    signature: '{ emissions: number[T][L], transitions: number[L][L], start?: number[L], end?: number[L] } → { path: integer[T], score: number }',
    description: 'A highest-scoring label path of a linear-chain CRF; score(y) = start[y₀] + Σ_t E[t][y_t] + Σ_{t≥1} A[y_{t−1}][y_t] + end[y_{T−1}].',
    tensors: { emissions: 'float', transitions: 'float', start: 'float', end: 'float' },
  },
  {
    id: 'seq.crf-logz',
    signature: '{ emissions: number[T][L], transitions: number[L][L], start?: number[L], end?: number[L] } → number',
    description: 'log Z = log Σ_paths exp(score(path)) (forward algorithm).',
    tensors: { emissions: 'float', transitions: 'float', start: 'float', end: 'float' },
  },
];
