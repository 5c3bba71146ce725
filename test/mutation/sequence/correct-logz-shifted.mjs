// Correct: log-domain forward algorithm, max-shifted log-sum-exp.
import { entry } from './_crf.mjs';
export const meta = { op: 'seq.crf-logz', kind: 'correct', class: 'standard algorithm', description: 'log-domain forward, lse = m + log Σ exp(x − m)' };
export default entry('zoo-logz-shifted');
