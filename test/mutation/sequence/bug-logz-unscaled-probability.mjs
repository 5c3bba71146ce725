// Bug: forward algorithm in the probability domain without scaling: Z = Σ exp(score) accumulated directly,
// so exp overflows (or underflows to 0) once path scores leave the dtype's exponent range.
import { entry, rounder, prep } from './_crf.mjs';
export const meta = { op: 'seq.crf-logz', kind: 'bug', class: 'overflow', description: 'probability-domain forward without scaling: exp of unshifted scores, log of the final sum' };
function logz(args, dtype) {
  const r = rounder(dtype);
  const { E, A, L, T, start, end } = prep(args, r);
  if (T === 0) return 0;
  const P = A.map((row) => row.map((v) => r(Math.exp(v))));
  let alpha = E[0].map((e, j) => r(Math.exp(start ? r(start[j] + e) : e)));
  for (let t = 1; t < T; t++) {
    alpha = Array.from({ length: L }, (_, j) => { let s = 0; for (let i = 0; i < L; i++) s = r(s + r(alpha[i] * P[i][j])); return r(s * r(Math.exp(E[t][j]))); });
  }
  let z = 0;
  for (let j = 0; j < L; j++) z = r(z + r(alpha[j] * (end ? r(Math.exp(end[j])) : 1)));
  return r(Math.log(z));
}
export default entry('bug-logz-unscaled-probability', { 'seq.crf-logz': logz });
