// Correct: scaled probability-domain forward algorithm (Rabiner): shifted exponentials, α renormalised by its sum.
import { entry, logzScaled } from './_crf.mjs';
export const meta = { op: 'seq.crf-logz', kind: 'correct', class: 'standard algorithm', description: 'scaled forward in the probability domain, log Z = Σ log c_t + shifts' };
export default entry('zoo-logz-scaled', { 'seq.crf-logz': logzScaled });
