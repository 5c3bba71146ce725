// Bug: 1-based indices returned.
import { bestOver } from './_span.mjs';
export const meta = { op: 'pre.squad-best-span', kind: 'bug', class: 'indexing', description: 'returns i + 1, j + 1' };
export default { name: 'bug-span-one-based', dtype: 'float64', ops: { 'pre.squad-best-span': ({ start, end, maxLen }) => { const r = bestOver(start, end, (i, j) => j >= i && j - i < maxLen); return { start: r.start + 1, end: r.end + 1 }; } } };
