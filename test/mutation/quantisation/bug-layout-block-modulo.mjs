// Bug: blocked: the scale of element i_axis is i_axis mod nBlocks instead of ⌊i_axis/B⌋.
import { entry, quantize } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'layout', description: 'blocked: the scale of element i_axis is i_axis mod nBlocks instead of ⌊i_axis/B⌋' };
export default entry('bug-layout-block-modulo', { 'quant.quantize': (a, d) => quantize(a, d, { blockMod: true }) });
