// Bug: backtracking uses the backpointers of step t + 1 for step t (off by one).
import { entry, rounder, prep } from './_crf.mjs';
export const meta = { op: 'seq.crf-viterbi', kind: 'bug', class: 'indexing', description: 'off-by-one in the backpointer index while backtracking' };
function viterbi(args, dtype) {
  const r = rounder(dtype);
  const { E, A, L, T, start, end } = prep(args, r);
  if (T === 0) return { path: [], score: 0 };
  let delta = E[0].map((e, j) => (start ? r(start[j] + e) : e));
  const bps = [];
  for (let t = 1; t < T; t++) {
    const bp = [], next = [];
    for (let j = 0; j < L; j++) { let best = -Infinity, arg = 0; for (let i = 0; i < L; i++) { const v = r(delta[i] + A[i][j]); if (v > best) { best = v; arg = i; } } bp.push(arg); next.push(r(best + E[t][j])); }
    bps.push(bp); delta = next;
  }
  if (end) delta = delta.map((v, j) => r(v + end[j]));
  let last = 0;
  for (let j = 1; j < L; j++) if (delta[j] > delta[last]) last = j;
  const path = new Array(T); path[T - 1] = last;
  for (let t = T - 1; t >= 1; t--) path[t - 1] = bps[Math.min(t, bps.length - 1)][path[t]];
  return { path, score: delta[last] };
}
export default entry('bug-viterbi-backtrack-off-by-one', { 'seq.crf-viterbi': viterbi });
