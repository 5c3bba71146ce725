// Correct: one GEMM accumulating onto W₀ (β = 1): acc = W₀, then acc += (s·B_il)·A_lj for each l.
import { round } from './_lora.mjs';
export const meta = { op: 'peft.lora-merge', kind: 'correct', class: 'fused-gemm', description: 'addmm: W₀ as the accumulator start, s·B folded into the products' };
function m({ w0, b, a, alpha }, r) {
  const s = r(alpha / a.length);
  return w0.map((row, i) => row.map((v, j) => { let acc = v; for (let l = 0; l < a.length; l++) acc = r(acc + r(r(s * b[i][l]) * a[l][j])); return acc; }));
}
export default { name: 'zoo-lora-fused', dtypes: ['float32', 'float64'], ops: { 'peft.lora-merge': (x, dtype) => m(x, round(dtype)) } };
