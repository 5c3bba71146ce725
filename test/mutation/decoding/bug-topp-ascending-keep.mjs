// Bug: the HF recipe with the mask inverted: the ascending prefix with cumsum <= 1 − p is KEPT.
export const meta = { op: 'dec.top-p-filter', kind: 'bug', class: 'inverted mask', description: 'keeps what HF removes (plus the top word)' };
const f = ({ probs, p }) => { const idx = probs.map((x, i) => [x, i]).sort((a, b) => a[0] - b[0]); const m = probs.map(() => 0); let c = 0; for (let r = 0; r < idx.length; r++) { c += idx[r][0]; if (c <= 1 - p) m[idx[r][1]] = 1; } m[idx[idx.length - 1][1]] = 1; return m; };
export default { name: 'bug-topp-ascending-keep', dtype: 'float64', ops: { 'dec.top-p-filter': f } };
