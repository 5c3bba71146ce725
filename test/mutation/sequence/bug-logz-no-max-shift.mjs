// Bug: log-domain forward with lse = log Σ exp(x) (no max shift): exp overflows once α exceeds ≈ 88.7 (float32) / 709.8 (float64).
import { entry, logzForward } from './_crf.mjs';
export const meta = { op: 'seq.crf-logz', kind: 'bug', class: 'overflow', description: 'log-sum-exp without subtracting the maximum' };
const naive = (xs, r) => { let s = 0; for (const x of xs) s = r(s + r(Math.exp(x))); return r(Math.log(s)); };
export default entry('bug-logz-no-max-shift', { 'seq.crf-logz': (a, d) => logzForward(a, d, naive) });
