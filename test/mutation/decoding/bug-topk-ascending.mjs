// Bug: sorted ascending: the k LEAST likely words kept.
export const meta = { op: 'dec.top-k-filter', kind: 'bug', class: 'sort order', description: 'threshold from an ascending sort, keep <= threshold' };
const f = ({ logits, k }) => { const s = logits.slice().sort((a, b) => a - b); const t = s[Math.min(k, s.length) - 1]; return logits.map((x) => (x <= t ? 1 : 0)); };
export default { name: 'bug-topk-ascending', dtype: 'float64', ops: { 'dec.top-k-filter': f } };
