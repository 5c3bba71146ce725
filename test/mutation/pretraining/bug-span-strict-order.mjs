// Bug: j > i required (single-token answers excluded).
import { bestOver } from './_span.mjs';
export const meta = { op: 'pre.squad-best-span', kind: 'bug', class: 'off by one', description: 'j > i instead of j ≥ i: one-token spans never returned' };
export default { name: 'bug-span-strict-order', dtype: 'float64', ops: { 'pre.squad-best-span': ({ start, end, maxLen }) => { const r = bestOver(start, end, (i, j) => j > i && j - i < maxLen); return r.start < 0 ? { start: 0, end: 0 } : r; } } };
