// Bug: converts round(x/s) + z to int32 before clamping (C's (int32_t) cast / JS ToInt32): huge values wrap (∞ → 0).
import { entry, rounder, rhe, clamp } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'overflow', description: 'int32 conversion before the clamp: |x/s| ≥ 2³¹ wraps, ∞ becomes 0' };
const quantize = ({ x, scale, zeroPoint, qmin, qmax }, d) => { const r = rounder(d); return x.map((v) => clamp((rhe(r(r(v) / r(scale))) + zeroPoint) | 0, qmin, qmax)); };
export default entry('bug-quant-int32-conversion', { 'quant.quantize': quantize });
