// Bug (tie rule): exactly k words by index (torch.topk indices scattered): ties at the boundary dropped by position.
export const meta = { op: 'dec.top-k-filter', kind: 'bug', class: 'tie rule', description: 'the first k indices of a stable descending sort, ties beyond k dropped' };
const f = ({ logits, k }) => { const idx = logits.map((x, i) => [x, i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, k).map((p) => p[1]); const m = logits.map(() => 0); for (const i of idx) m[i] = 1; return m; };
export default { name: 'bug-topk-exactly-k', dtype: 'float64', ops: { 'dec.top-k-filter': f } };
