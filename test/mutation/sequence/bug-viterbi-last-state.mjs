// Bug: backtracks from the last label (L − 1) instead of the best final state.
import { entry, viterbi, rounder, prep } from './_crf.mjs';
export const meta = { op: 'seq.crf-viterbi', kind: 'bug', class: 'decoding', description: 'backtracking starts from label L − 1, not from argmax of the final δ' };
function decode(args, dtype) {
  const L = args.transitions.length;
  if (args.emissions.length === 0) return { path: [], score: 0 };
  // force the final state: an end score that makes L − 1 win, then report the path the DP keeps for it
  const big = args.end ? args.end.map((v, j) => (j === L - 1 ? v : v)) : new Array(L).fill(0);
  const forced = viterbi({ ...args, end: big.map((v, j) => (j === L - 1 ? v + 1e30 : v)) }, dtype);
  const r = rounder(dtype);
  const { E, A, start, end } = prep(args, r);
  let score = start ? r(start[forced.path[0]] + E[0][forced.path[0]]) : E[0][forced.path[0]];
  for (let t = 1; t < forced.path.length; t++) score = r(r(score + A[forced.path[t - 1]][forced.path[t]]) + E[t][forced.path[t]]);
  if (end) score = r(score + end[forced.path[forced.path.length - 1]]);
  return { path: forced.path, score };
}
export default entry('bug-viterbi-last-state', { 'seq.crf-viterbi': decode });
