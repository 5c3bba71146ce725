// Correct: max-plus DP, first argmax on ties, score from the DP.
import { entry } from './_crf.mjs';
export const meta = { op: 'seq.crf-viterbi', kind: 'correct', class: 'standard algorithm', description: 'max-plus DP with backpointers, first argmax on ties' };
export default entry('zoo-viterbi-first');
