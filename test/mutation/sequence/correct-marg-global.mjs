// exp(α + β − log Z), max-shifted lse
import { margEntry } from './_marg.mjs';
export const meta = { op: 'seq.crf-marginals', kind: 'correct', class: 'global Z', description: 'exp(α + β − log Z), max-shifted lse' };
export default margEntry('correct-marg-global', {});
