// Bug: the default JS sort (string order) used to find the k-th value.
export const meta = { op: 'dec.top-k-filter', kind: 'bug', class: 'sort order', description: 'Array.prototype.sort() without a comparator, reversed' };
const f = ({ logits, k }) => { const s = logits.slice().sort().reverse(); const t = s[Math.min(k, s.length) - 1]; return logits.map((x) => (x >= t ? 1 : 0)); };
export default { name: 'bug-topk-lexicographic', dtype: 'float64', ops: { 'dec.top-k-filter': f } };
