// Bug: the delta B·A computed in half precision (fp16 adapter weights merged into an fp32 base), rounded to float16 per operation.
import { round, matmul } from './_lora.mjs';
export const meta = { op: 'peft.lora-merge', kind: 'bug', class: 'precision', description: 'ΔW = (α/r)BA accumulated in float16' };
const f16 = (x) => { if (x === 0 || !Number.isFinite(x)) return x; const e = Math.max(Math.floor(Math.log2(Math.abs(x))), -14); const q = 2 ** (e - 10); return Math.min(Math.max(Math.round(x / q) * q, -65504), 65504); };
function m({ w0, b, a, alpha }, r) {
  const s = f16(alpha / a.length);
  const p = matmul(b.map((row) => row.map(f16)), a.map((row) => row.map(f16)), f16);
  return w0.map((row, i) => row.map((v, j) => r(v + f16(s * p[i][j]))));
}
export default { name: 'bug-lora-float16-delta', dtypes: ['float32', 'float64'], ops: { 'peft.lora-merge': (x, dtype) => m(x, round(dtype)) } };
