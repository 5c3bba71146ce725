// Correct: sort descending, keep the prefix up to the first cumulative sum >= p.
export const meta = { op: 'dec.top-p-filter', kind: 'correct', class: 'descending cumulative sum', description: 'first m with cumsum >= p' };
const f = ({ probs, p }) => { const idx = probs.map((x, i) => [x, i]).sort((a, b) => b[0] - a[0]); const m = probs.map(() => 0); let c = 0; for (const [x, i] of idx) { m[i] = 1; c += x; if (c >= p) break; } return m; };
export default { name: 'correct-topp-descending', dtype: 'float64', ops: { 'dec.top-p-filter': f } };
