// Bug: the max over the previous label is taken along the wrong axis (A[j][i] instead of A[i][j] in the candidate).
import { entry, viterbi } from './_crf.mjs';
export const meta = { op: 'seq.crf-viterbi', kind: 'bug', class: 'indexing', description: 'argmax over the wrong axis of δ[i] + A[i][j] (reads A[j][i])' };
const T = (m) => m.map((row, i) => row.map((_, j) => m[j][i]));
export default entry('bug-viterbi-wrong-axis', { 'seq.crf-viterbi': (a, d) => viterbi({ ...a, transitions: T(a.transitions) }, d) });
