/** Ops of the quantisation domain. Affine (asymmetric) quantisation. */
import { defineOp, tensor, number, integer, float, object } from './schema.js';

export const OPS = [
  defineOp({
    id: 'quant.affine-params',
    description: 'Asymmetric quantisation parameters: range widened to contain 0, s = (x_max − x_min)/(q_max − q_min), z = clamp(q_min − round(x_min/s)).',
    args: { xmin: number(), xmax: number(), qmin: integer(), qmax: integer() },
    result: object({ scale: float('s'), zeroPoint: integer({ description: 'z' }) }),
  }),
  defineOp({
    id: 'quant.quantize',
    description: 'q = clamp(round_half_even(x/s) + z, q_min, q_max).',
    args: {
      x: tensor('float', ['n']),
      scale: number({ description: 's (as quant.affine-params returned it)' }),
      zeroPoint: integer(),
      qmin: integer(),
      qmax: integer(),
    },
    result: tensor('int', ['n']),
  }),
  defineOp({
    id: 'quant.dequantize',
    description: 'x̂ = s·(q − z).',
    args: { q: tensor('int', ['n']), scale: number(), zeroPoint: integer() },
    result: tensor('float', ['n']),
  }),
] as const;
