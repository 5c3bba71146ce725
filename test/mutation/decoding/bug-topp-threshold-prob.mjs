// Bug: keep every word with probability >= p (a probability threshold, not a mass).
export const meta = { op: 'dec.top-p-filter', kind: 'bug', class: 'wrong rule', description: 'p(w) >= p, at least the top word' };
const f = ({ probs, p }) => { const mx = Math.max(...probs); return probs.map((x) => (x >= p || x === mx ? 1 : 0)); };
export default { name: 'bug-topp-threshold-prob', dtype: 'float64', ops: { 'dec.top-p-filter': f } };
