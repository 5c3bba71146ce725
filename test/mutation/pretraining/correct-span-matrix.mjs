// Correct: the O(n²) masked score matrix (HF run_qa post-processing), last maximiser on ties.
export const meta = { op: 'pre.squad-best-span', kind: 'correct', class: 'masked matrix', description: 'all legal pairs i ≤ j < i + L, the LAST maximiser in row-major order' };
function best({ start, end, maxLen }) {
  let bi = 0, bj = 0, bs = -Infinity;
  for (let i = 0; i < start.length; i++) for (let j = i; j < start.length && j - i < maxLen; j++) {
    const s = start[i] + end[j];
    if (s >= bs) { bs = s; bi = i; bj = j; }
  }
  return { start: bi, end: bj };
}
export default { name: 'correct-span-matrix', dtype: 'float64', ops: { 'pre.squad-best-span': best } };
