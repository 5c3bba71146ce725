// Bug: transitions transposed (A[j][i] used for i → j).
import { entry, logzForward } from './_crf.mjs';
export const meta = { op: 'seq.crf-logz', kind: 'bug', class: 'indexing', description: 'transition matrix transposed' };
const T = (m) => m.map((row, i) => row.map((_, j) => m[j][i]));
export default entry('bug-logz-transposed', { 'seq.crf-logz': (a, d) => logzForward({ ...a, transitions: T(a.transitions) }, d) });
