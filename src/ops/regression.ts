/** Ops of the regression domain. Linear regression: the ridge solve. */
import { defineOp, tensor, number } from './schema.js';

export const OPS = [
  defineOp({
    id: 'reg.ridge-solve',
    description: 'The ridge estimate w = (XᵀX + λI)⁻¹Xᵀy (λ ≥ 0; XᵀX + λI must be nonsingular).',
    args: {
      X: tensor('float', ['m', 'n'], { description: 'design matrix, one observation per row' }),
      y: tensor('float', ['m'], { description: 'targets' }),
      lambda: number({ minimum: 0, description: 'λ' }),
    },
    result: tensor('float', ['n']),
  }),
] as const;
