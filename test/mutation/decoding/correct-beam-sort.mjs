// sort all candidates, keep K
import { beamEntry } from './_beam.mjs';
export const meta = { op: 'dec.beam-search', kind: 'correct', class: 'sort', description: 'sort all candidates, keep K' };
export default beamEntry('correct-beam-sort', {});
