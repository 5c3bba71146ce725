// Correct: XNNPACK's f32 → int kernels: t = x·fl(1/s), clamped in float to [qmin − z, qmax − z], rounded by adding the
// magic bias 1.5·2^23 (float32) / 1.5·2^52 (float64) — the float addition rounds half to even — then z added in integers.
import { entry, rounder, byParams } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'correct', class: 'standard algorithm', description: 'XNNPACK: reciprocal multiply, clamp in float before rounding, magic-bias rounding, integer add of z' };
function quantize({ x, scale, zeroPoint, qmin, qmax }, dtype) {
  const r = rounder(dtype);
  const inv = r(1 / r(scale));
  const magic = dtype === 'float32' ? 12582912 : 6755399441055744;
  const lo = qmin - zeroPoint, hi = qmax - zeroPoint;
  return x.map((v) => {
    let t = r(r(v) * inv);
    t = t < lo ? lo : t > hi ? hi : t;
    const k = r(r(t + magic) - magic);
    return k + zeroPoint;
  });
}
export default entry('zoo-quant-magic-bias', { 'quant.quantize': byParams(quantize) });
