// Bug (convention): rounds x/s + z (NumPy-tutorial style np.round(x / s + z)) — differs at exact ties when z is odd.
import { entry, rounder, rhe, clamp } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'rounding convention', description: 'round_half_even(x/s + z) instead of round_half_even(x/s) + z' };
const quantize = ({ x, scale, zeroPoint, qmin, qmax }, d) => { const r = rounder(d); return x.map((v) => clamp(rhe(r(r(r(v) / r(scale)) + zeroPoint)), qmin, qmax)); };
export default entry('bug-quant-round-after-z', { 'quant.quantize': quantize });
