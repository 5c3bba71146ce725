// Bug: the start and end scores are not used.
import { entry, viterbi } from './_crf.mjs';
export const meta = { op: 'seq.crf-viterbi', kind: 'bug', class: 'model', description: 'start and end scores ignored' };
export default entry('bug-viterbi-no-start-end', { 'seq.crf-viterbi': (a, d) => viterbi({ emissions: a.emissions, transitions: a.transitions }, d) });
