// off-by-one cumulative sum: one word more than the nucleus is kept
import { sampleEntry } from './_sample.mjs';
export const meta = { op: 'dec.sample', kind: 'bug', class: 'top-p', description: 'off-by-one in the cumulative scan: one word beyond the nucleus is kept' };
export default sampleEntry('bug-sample-topp-exclusive-cum', { oneMore: true });
