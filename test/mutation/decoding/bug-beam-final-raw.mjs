// length penalty ignored in the final choice (raw score)
import { beamEntry } from './_beam.mjs';
export const meta = { op: 'dec.beam-search', kind: 'bug', class: 'length penalty', description: 'length penalty ignored in the final choice (raw score)' };
export default beamEntry('bug-beam-final-raw', { finalRaw: true });
