// Bug: the descending recipe with threshold 1 − p (the HF removal mass used as the keep mass).
export const meta = { op: 'dec.top-p-filter', kind: 'bug', class: 'wrong threshold', description: 'first m with cumsum >= 1 − p' };
const f = ({ probs, p }) => { const idx = probs.map((x, i) => [x, i]).sort((a, b) => b[0] - a[0]); const m = probs.map(() => 0); let c = 0; for (const [x, i] of idx) { m[i] = 1; c += x; if (c >= 1 - p) break; } return m; };
export default { name: 'bug-topp-one-minus', dtype: 'float64', ops: { 'dec.top-p-filter': f } };
