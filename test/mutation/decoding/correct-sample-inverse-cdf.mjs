// float64 cumulative sums, xoshiro uniforms
import { sampleEntry } from './_sample.mjs';
export const meta = { op: 'dec.sample', kind: 'correct', class: 'inverse CDF', description: 'float64 cumulative sums, xoshiro uniforms' };
export default sampleEntry('correct-sample-inverse-cdf', {});
