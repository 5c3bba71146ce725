// Bug: blocked: ⌊dim/B⌋ blocks, so a partial last block uses the previous block’s scale.
import { entry, quantize } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'bug', class: 'layout', description: 'blocked: ⌊dim/B⌋ blocks, so a partial last block uses the previous block’s scale' };
export default entry('bug-layout-floor-blocks', { 'quant.quantize': (a, d) => quantize(a, d, { floorBlocks: true }) });
