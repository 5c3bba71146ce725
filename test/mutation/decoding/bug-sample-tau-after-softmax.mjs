// temperature applied after softmax (probabilities divided by τ and renormalised: τ has no effect)
import { sampleEntry } from './_sample.mjs';
export const meta = { op: 'dec.sample', kind: 'bug', class: 'temperature', description: 'temperature applied after softmax (probabilities divided by τ and renormalised: τ has no effect)' };
export default sampleEntry('bug-sample-tau-after-softmax', { tauAfterSoftmax: true });
