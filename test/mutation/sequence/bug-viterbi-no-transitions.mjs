// Bug: decodes ignoring the transition scores (per-position argmax of emissions + start/end).
import { entry, viterbi } from './_crf.mjs';
export const meta = { op: 'seq.crf-viterbi', kind: 'bug', class: 'model', description: 'transition scores ignored' };
export default entry('bug-viterbi-no-transitions', { 'seq.crf-viterbi': (a, d) => viterbi({ ...a, transitions: a.transitions.map((row) => row.map(() => 0)) }, d) });
