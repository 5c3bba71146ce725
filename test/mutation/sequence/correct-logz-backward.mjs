// Correct: the backward algorithm.
import { entry, logzBackward } from './_crf.mjs';
export const meta = { op: 'seq.crf-logz', kind: 'correct', class: 'standard algorithm', description: 'backward recursion β_t(i) = lse_j(A_ij + E_{t+1,j} + β_{t+1}(j))' };
export default entry('zoo-logz-backward', { 'seq.crf-logz': logzBackward });
