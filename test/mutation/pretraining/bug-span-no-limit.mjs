// Bug: the length limit ignored (every j ≥ i legal).
import { bestOver } from './_span.mjs';
export const meta = { op: 'pre.squad-best-span', kind: 'bug', class: 'missing mask', description: 'maxLen ignored' };
export default { name: 'bug-span-no-limit', dtype: 'float64', ops: { 'pre.squad-best-span': ({ start, end }) => bestOver(start, end, (i, j) => j >= i) } };
