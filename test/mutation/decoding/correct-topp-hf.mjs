// Correct: HF TopPLogitsWarper: ascending sort, remove the prefix with cumulative sum <= 1 − p, keep the last word.
export const meta = { op: 'dec.top-p-filter', kind: 'correct', class: 'HF ascending removal', description: 'ascending cumsum <= 1 − p removed, min_tokens_to_keep = 1' };
const f = ({ probs, p }) => { const idx = probs.map((x, i) => [x, i]).sort((a, b) => a[0] - b[0]); const m = probs.map(() => 1); let c = 0; for (let r = 0; r < idx.length - 1; r++) { c += idx[r][0]; if (c <= 1 - p) m[idx[r][1]] = 0; } return m; };
export default { name: 'correct-topp-hf', dtype: 'float64', ops: { 'dec.top-p-filter': f } };
