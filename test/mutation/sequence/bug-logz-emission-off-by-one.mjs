// Bug: step t adds the emissions of step t − 1 (the first row counted twice, the last never).
import { entry, logzForward } from './_crf.mjs';
export const meta = { op: 'seq.crf-logz', kind: 'bug', class: 'indexing', description: 'emission row t − 1 used at step t' };
export default entry('bug-logz-emission-off-by-one', { 'seq.crf-logz': (a, d) => logzForward({ ...a, emissions: a.emissions.map((row, t) => a.emissions[Math.max(0, t - 1)]) }, d) });
