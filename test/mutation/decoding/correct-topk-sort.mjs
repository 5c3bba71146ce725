// Correct: sort descending, threshold at the k-th value (clamped), keep logits >= threshold.
export const meta = { op: 'dec.top-k-filter', kind: 'correct', class: 'sort threshold', description: 'sorted copy, threshold sorted[min(k, V) − 1]' };
const f = ({ logits, k }) => { const s = logits.slice().sort((a, b) => b - a); const t = s[Math.min(k, s.length) - 1]; return logits.map((x) => (x >= t ? 1 : 0)); };
export default { name: 'correct-topk-sort', dtype: 'float64', ops: { 'dec.top-k-filter': f } };
