// finished hypotheses leave the beam, which is refilled with K unfinished ones (HF-style), against the declared freeze
import { beamEntry } from './_beam.mjs';
export const meta = { op: 'dec.beam-search', kind: 'bug', class: 'eos', description: 'finished hypotheses leave the beam, which is refilled with K unfinished ones (HF-style), against the declared freeze' };
export default beamEntry('bug-beam-finished-leave', { finishedLeave: true });
