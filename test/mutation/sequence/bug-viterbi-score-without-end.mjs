// Bug: the path is right but the reported score leaves out the end score.
import { entry, viterbi, rounder } from './_crf.mjs';
export const meta = { op: 'seq.crf-viterbi', kind: 'bug', class: 'score', description: 'reported score = best δ before the end scores are added' };
function decode(args, dtype) {
  const out = viterbi(args, dtype);
  if (!args.end || out.path.length === 0) return out;
  const r = rounder(dtype);
  return { path: out.path, score: r(out.score - r(args.end[out.path[out.path.length - 1]])) };
}
export default entry('bug-viterbi-score-without-end', { 'seq.crf-viterbi': decode });
