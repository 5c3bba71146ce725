// no EOS freeze: finished hypotheses keep being expanded
import { beamEntry } from './_beam.mjs';
export const meta = { op: 'dec.beam-search', kind: 'bug', class: 'eos', description: 'no EOS freeze: finished hypotheses keep being expanded' };
export default beamEntry('bug-beam-no-eos-freeze', { noFreeze: true });
