// Bug: max instead of log-sum-exp (the Viterbi score returned as log Z).
import { entry, logzForward } from './_crf.mjs';
export const meta = { op: 'seq.crf-logz', kind: 'bug', class: 'semiring', description: 'max-plus instead of log-sum-exp in the forward recursion' };
export default entry('bug-logz-max', { 'seq.crf-logz': (a, d) => logzForward(a, d, (xs) => Math.max(...xs)) });
