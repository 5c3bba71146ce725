// Shared helpers of the retrieval corpus (not an entry): rounding to a dtype, float16 rounding, MaxSim and KL building blocks.
export { round, f16 } from '../softmax/_round.mjs';
export const dot = (a, b, r) => { let s = 0; for (let k = 0; k < a.length; k++) s = r(s + r(a[k] * b[k])); return s; };
export const sims = (Q, D, r) => Q.map((q) => D.map((d) => dot(q, d, r)));
export const sum = (xs, r) => xs.reduce((s, v) => r(s + v), 0);
