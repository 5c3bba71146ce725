// Bug: 0.5 (the only subnormal) flushed to 0.
import { entry } from './_quant.mjs';
import { castFloat4 } from './_minifloat.mjs';
export const meta = { op: 'quant.cast-float4', kind: 'bug', class: 'subnormals', description: '0.5 (the only subnormal) flushed to 0' };
export default entry('bug-f4-flush-subnormals', { 'quant.cast-float4': castFloat4({ noSubnormals: true }) });
