// Bug: values below the smallest normal flushed to ±0.
import { entry } from './_quant.mjs';
import { castFloat8 } from './_minifloat.mjs';
export const meta = { op: 'quant.cast-float8', kind: 'bug', class: 'subnormals', description: 'values below the smallest normal flushed to ±0' };
export default entry('bug-f8-flush-subnormals', { 'quant.cast-float8': castFloat8({ noSubnormals: true }) });
