// Bug: the limit read as j − i ≤ L (a span of L + 1 tokens allowed).
import { bestOver } from './_span.mjs';
export const meta = { op: 'pre.squad-best-span', kind: 'bug', class: 'off by one', description: 'j − i ≤ maxLen instead of < maxLen' };
export default { name: 'bug-span-limit-off-by-one', dtype: 'float64', ops: { 'pre.squad-best-span': ({ start, end, maxLen }) => bestOver(start, end, (i, j) => j >= i && j - i <= maxLen) } };
