// argmax of log p + Gumbel noise
import { sampleEntry } from './_sample.mjs';
export const meta = { op: 'dec.sample', kind: 'correct', class: 'Gumbel-max', description: 'argmax of log p + Gumbel noise' };
export default sampleEntry('correct-sample-gumbel', { gumbel: true });
