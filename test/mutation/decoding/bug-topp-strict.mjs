// Bug: strict threshold: the prefix must exceed p (at an exact threshold one word too many).
export const meta = { op: 'dec.top-p-filter', kind: 'bug', class: 'comparison', description: 'first m with cumsum > p' };
const f = ({ probs, p }) => { const idx = probs.map((x, i) => [x, i]).sort((a, b) => b[0] - a[0]); const m = probs.map(() => 0); let c = 0; for (const [x, i] of idx) { m[i] = 1; c += x; if (c > p) break; } return m; };
export default { name: 'bug-topp-strict', dtype: 'float64', ops: { 'dec.top-p-filter': f } };
