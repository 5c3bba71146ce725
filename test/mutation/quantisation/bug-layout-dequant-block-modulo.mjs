// Bug: dequantize: blocked scale index i_axis mod nBlocks.
import { entry, dequantize } from './_quant.mjs';
export const meta = { op: 'quant.dequantize', kind: 'bug', class: 'layout', description: 'dequantize: blocked scale index i_axis mod nBlocks' };
export default entry('bug-layout-dequant-block-modulo', { 'quant.dequantize': (a, d) => dequantize(a, d, { blockMod: true }) });
