// Bug: the threshold taken at index k instead of k − 1 (k + 1 words kept).
export const meta = { op: 'dec.top-k-filter', kind: 'bug', class: 'off by one', description: 'threshold sorted[k]' };
const f = ({ logits, k }) => { const s = logits.slice().sort((a, b) => b - a); const t = s[Math.min(k, s.length - 1)]; return logits.map((x) => (x >= t ? 1 : 0)); };
export default { name: 'bug-topk-off-by-one', dtype: 'float64', ops: { 'dec.top-k-filter': f } };
