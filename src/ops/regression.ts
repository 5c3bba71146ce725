/** Ops of the regression domain. Linear regression: the ridge solve. */
import type { OpDef } from '../registry/types.js';

export const OPS: readonly OpDef[] = [
  {
    id: 'reg.ridge-solve',
    signature: '{ X: number[m][n], y: number[m], lambda: number } → number[n]',
    description: 'The ridge estimate w = (XᵀX + λI)⁻¹Xᵀy (λ ≥ 0; XᵀX + λI must be nonsingular).',
    tensors: { X: 'float', y: 'float' },
  },
];
