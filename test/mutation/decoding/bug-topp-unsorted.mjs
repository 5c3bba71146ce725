// Bug: cumulative sum in vocabulary order (no sort).
export const meta = { op: 'dec.top-p-filter', kind: 'bug', class: 'sort order', description: 'prefix of the vocabulary, not of the sorted probabilities' };
const f = ({ probs, p }) => { const m = probs.map(() => 0); let c = 0; for (let i = 0; i < probs.length; i++) { m[i] = 1; c += probs[i]; if (c >= p) break; } return m; };
export default { name: 'bug-topp-unsorted', dtype: 'float64', ops: { 'dec.top-p-filter': f } };
