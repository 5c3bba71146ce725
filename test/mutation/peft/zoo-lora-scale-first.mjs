// Correct: scale first, (α·B)·A then divide by r, dot products in reverse order.
import { round } from './_lora.mjs';
export const meta = { op: 'peft.lora-merge', kind: 'correct', class: 'scale-first', description: '(α·B)·A / r, reverse summation order' };
function m({ w0, b, a, alpha }, r) {
  const k = a.length;
  const ab = b.map((row) => row.map((v) => r(alpha * v)));
  return w0.map((row, i) => row.map((v, j) => { let s = 0; for (let l = k - 1; l >= 0; l--) s = r(s + r(ab[i][l] * a[l][j])); return r(v + r(s / k)); }));
}
export default { name: 'zoo-lora-scale-first', dtypes: ['float32', 'float64'], ops: { 'peft.lora-merge': (x, dtype) => m(x, round(dtype)) } };
