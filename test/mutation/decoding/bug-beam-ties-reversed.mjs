// ties broken by the lexicographically larger sequence
import { beamEntry } from './_beam.mjs';
export const meta = { op: 'dec.beam-search', kind: 'bug', class: 'ties', description: 'ties broken by the lexicographically larger sequence' };
export default beamEntry('bug-beam-ties-reversed', { tiesReversed: true });
