// Bug: dequantize: ⌊dim/B⌋ blocks (partial last block takes the previous scale).
import { entry, dequantize } from './_quant.mjs';
export const meta = { op: 'quant.dequantize', kind: 'bug', class: 'layout', description: 'dequantize: ⌊dim/B⌋ blocks (partial last block takes the previous scale)' };
export default entry('bug-layout-dequant-floor-blocks', { 'quant.dequantize': (a, d) => dequantize(a, d, { floorBlocks: true }) });
