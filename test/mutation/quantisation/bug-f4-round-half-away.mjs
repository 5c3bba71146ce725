// Bug: ties rounded half away from zero (0.25 → 0.5, 2.5 → 3, 5 → 6).
import { entry } from './_quant.mjs';
import { castFloat4 } from './_minifloat.mjs';
export const meta = { op: 'quant.cast-float4', kind: 'bug', class: 'rounding', description: 'ties rounded half away from zero (0.25 → 0.5, 2.5 → 3, 5 → 6)' };
export default entry('bug-f4-round-half-away', { 'quant.cast-float4': castFloat4({ round: (v) => Math.sign(v) * Math.round(Math.abs(v)) }) });
