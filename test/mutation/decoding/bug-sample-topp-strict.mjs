// top-p excludes the threshold word: keeps only the words whose cumulative mass stays below p
import { sampleEntry } from './_sample.mjs';
export const meta = { op: 'dec.sample', kind: 'bug', class: 'top-p', description: 'top-p excludes the threshold word (keeps only the words before the cumulative mass reaches p)' };
export default sampleEntry('bug-sample-topp-strict', { dropThreshold: true });
