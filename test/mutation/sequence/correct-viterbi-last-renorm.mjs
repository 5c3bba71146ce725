// Correct: max-plus DP, LAST argmax on ties, δ renormalised by its maximum each step (offset kept apart).
import { entry, viterbi } from './_crf.mjs';
export const meta = { op: 'seq.crf-viterbi', kind: 'correct', class: 'standard algorithm', description: 'max-plus DP, last argmax on ties, δ renormalised every step' };
export default entry('zoo-viterbi-last-renorm', { 'seq.crf-viterbi': (a, d) => viterbi(a, d, { tie: 'last', renorm: true }) });
