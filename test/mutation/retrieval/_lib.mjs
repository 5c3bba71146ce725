// Shared helpers of the retrieval corpus (not an entry): rounding to a dtype, float16 rounding, MaxSim and KL building blocks.
export const round = (dtype) => (dtype === 'float32' ? (x) => { const r = Math.fround(x); return Object.is(r, -0) ? 0 : r; } : (x) => x);
export function f16(x) {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  if (a >= 65520) return x > 0 ? Infinity : -Infinity;
  const e = Math.max(Math.floor(Math.log2(a)), -14);
  const q = 2 ** (e - 10);
  let m = a / q;
  const f = Math.floor(m), d = m - f;
  m = d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
  return Math.sign(x) * m * q;
}
export const dot = (a, b, r) => { let s = 0; for (let k = 0; k < a.length; k++) s = r(s + r(a[k] * b[k])); return s; };
export const sims = (Q, D, r) => Q.map((q) => D.map((d) => dot(q, d, r)));
export const sum = (xs, r) => xs.reduce((s, v) => r(s + v), 0);
