// Bug: keeps the words whose cumulative sum BEFORE them is below p, minus the crossing word (mass < p).
export const meta = { op: 'dec.top-p-filter', kind: 'bug', class: 'off by one', description: 'keep while cumsum (including the word) < p' };
const f = ({ probs, p }) => { const idx = probs.map((x, i) => [x, i]).sort((a, b) => b[0] - a[0]); const m = probs.map(() => 0); let c = 0; for (const [x, i] of idx) { c += x; if (c >= p) break; m[i] = 1; } if (!m.includes(1)) m[idx[0][1]] = 1; return m; };
export default { name: 'bug-topp-exclusive', dtype: 'float64', ops: { 'dec.top-p-filter': f } };
