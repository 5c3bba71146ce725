// Bug: the end scores are not added before the final log-sum-exp.
import { entry, logzForward } from './_crf.mjs';
export const meta = { op: 'seq.crf-logz', kind: 'bug', class: 'model', description: 'end scores missing' };
export default entry('bug-logz-no-end', { 'seq.crf-logz': (a, d) => logzForward({ emissions: a.emissions, transitions: a.transitions, ...(a.start ? { start: a.start } : {}) }, d) });
