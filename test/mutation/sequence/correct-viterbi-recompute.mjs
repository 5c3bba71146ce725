// Correct: max-plus DP, last argmax on ties, the score recomputed along the returned path.
import { entry, viterbi } from './_crf.mjs';
export const meta = { op: 'seq.crf-viterbi', kind: 'correct', class: 'standard algorithm', description: 'max-plus DP, score recomputed as the sum of the path terms' };
export default entry('zoo-viterbi-recompute', { 'seq.crf-viterbi': (a, d) => viterbi(a, d, { tie: 'last', recompute: true }) });
