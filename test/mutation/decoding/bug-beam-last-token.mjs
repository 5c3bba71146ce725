// candidates scored by the last token only (not cumulative): width 1 differs from greedy only in ties but beams do
import { beamEntry } from './_beam.mjs';
export const meta = { op: 'dec.beam-search', kind: 'bug', class: 'score', description: 'candidates scored by the last token only (not cumulative): width 1 differs from greedy only in ties but beams do' };
export default beamEntry('bug-beam-last-token', { lastTokenScore: true });
