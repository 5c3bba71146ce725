// length counts tokens without EOS
import { beamEntry } from './_beam.mjs';
export const meta = { op: 'dec.beam-search', kind: 'bug', class: 'length penalty', description: 'length counts tokens without EOS' };
export default beamEntry('bug-beam-len-no-eos', { lenNoEos: true });
