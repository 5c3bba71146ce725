// select the best remaining candidate K times
import { beamEntry } from './_beam.mjs';
export const meta = { op: 'dec.beam-search', kind: 'correct', class: 'selection', description: 'select the best remaining candidate K times' };
export default beamEntry('correct-beam-select', { select: true });
