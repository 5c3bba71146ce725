// length penalty applied when pruning each step (not only to the final choice)
import { beamEntry } from './_beam.mjs';
export const meta = { op: 'dec.beam-search', kind: 'bug', class: 'length penalty', description: 'length penalty applied when pruning each step (not only to the final choice)' };
export default beamEntry('bug-beam-penalty-in-pruning', { pruneNormalised: true });
