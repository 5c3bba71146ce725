// Correct: log-domain forward algorithm, lse as a pairwise logaddexp reduction (np.logaddexp.reduce).
import { entry, logzForward, lsePairwise } from './_crf.mjs';
export const meta = { op: 'seq.crf-logz', kind: 'correct', class: 'standard algorithm', description: 'log-domain forward, lse by sequential logaddexp = max + log1p(exp(−|x − y|))' };
export default entry('zoo-logz-pairwise', { 'seq.crf-logz': (a, d) => logzForward(a, d, lsePairwise) });
