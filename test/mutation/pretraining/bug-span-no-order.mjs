// Bug: the triangular mask forgotten: pairs with j < i are allowed (only the length limit |j − i| < L kept).
import { bestOver } from './_span.mjs';
export const meta = { op: 'pre.squad-best-span', kind: 'bug', class: 'missing mask', description: 'j ≥ i not enforced' };
export default { name: 'bug-span-no-order', dtype: 'float64', ops: { 'pre.squad-best-span': ({ start, end, maxLen }) => bestOver(start, end, (i, j) => Math.abs(j - i) < maxLen) } };
