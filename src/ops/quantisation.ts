/** Ops of the quantisation domain. Affine (asymmetric) quantisation. */
import type { OpDef } from '../registry/types.js';

export const OPS: readonly OpDef[] = [
  {
    id: 'quant.affine-params',
    signature: '{ xmin: number, xmax: number, qmin: integer, qmax: integer } → { scale: number, zeroPoint: integer }',
    description: 'Asymmetric quantisation parameters: range widened to contain 0, s = (x_max − x_min)/(q_max − q_min), z = clamp(q_min − round(x_min/s)).',
    tensors: {},
  },
  {
    id: 'quant.quantize',
    signature: '{ x: number[n], scale: number, zeroPoint: integer, qmin: integer, qmax: integer } → integer[n]',
    description: 'q = clamp(round_half_even(x/s) + z, q_min, q_max).',
    tensors: { x: 'float' },
  },
  {
    id: 'quant.dequantize',
    signature: '{ q: integer[n], scale: number, zeroPoint: integer } → number[n]',
    description: 'x̂ = s·(q − z).',
    tensors: { q: 'int' },
  },
];
