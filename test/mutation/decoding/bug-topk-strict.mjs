// Bug: strict comparison with the k-th value (the k-th word itself and its ties dropped).
export const meta = { op: 'dec.top-k-filter', kind: 'bug', class: 'comparison', description: 'keep logits > the k-th value' };
const f = ({ logits, k }) => { const s = logits.slice().sort((a, b) => b - a); const t = s[Math.min(k, s.length) - 1]; return logits.map((x) => (x > t ? 1 : 0)); };
export default { name: 'bug-topk-strict', dtype: 'float64', ops: { 'dec.top-k-filter': f } };
