// argmax instead of sampling (greedy)
import { sampleEntry } from './_sample.mjs';
export const meta = { op: 'dec.sample', kind: 'bug', class: 'sampler', description: 'argmax instead of sampling (greedy)' };
export default sampleEntry('bug-sample-greedy', { greedy: true });
