// Bug: k not clamped to V: for k > V the threshold is undefined and nothing is kept.
export const meta = { op: 'dec.top-k-filter', kind: 'bug', class: 'edge case', description: 'sorted[k − 1] without min(k, V)' };
const f = ({ logits, k }) => { const s = logits.slice().sort((a, b) => b - a); const t = s[k - 1]; return logits.map((x) => (x >= t ? 1 : 0)); };
export default { name: 'bug-topk-no-clamp', dtype: 'float64', ops: { 'dec.top-k-filter': f } };
