// logits multiplied by τ instead of divided
import { sampleEntry } from './_sample.mjs';
export const meta = { op: 'dec.sample', kind: 'bug', class: 'temperature', description: 'logits multiplied by τ instead of divided' };
export default sampleEntry('bug-sample-tau-times', { tauTimes: true });
