// Bug: argmax of the start scores and argmax of the end scores taken independently (can give j < i).
export const meta = { op: 'pre.squad-best-span', kind: 'bug', class: 'independent argmax', description: 'i = argmax start, j = argmax end, no joint constraint' };
const argmax = (v) => v.reduce((b, x, k) => (x > v[b] ? k : b), 0);
export default { name: 'bug-span-independent-argmax', dtype: 'float64', ops: { 'pre.squad-best-span': ({ start, end }) => ({ start: argmax(start), end: argmax(end) }) } };
