// Bug: the start and end score vectors swapped (E·T_i + S·T_j).
import { bestOver } from './_span.mjs';
export const meta = { op: 'pre.squad-best-span', kind: 'bug', class: 'swapped inputs', description: 'start and end scores swapped' };
export default { name: 'bug-span-swapped-heads', dtype: 'float64', ops: { 'pre.squad-best-span': ({ start, end, maxLen }) => bestOver(end, start, (i, j) => j >= i && j - i < maxLen) } };
