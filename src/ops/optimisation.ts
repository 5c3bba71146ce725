/** Ops of the optimisation domain. Optimisation: gradient descent. */
import { defineOp, tensor, number, integer } from './schema.js';

export const OPS = [
  defineOp({
    id: 'opt.gd-steps',
    description: 'steps iterations of gradient descent on ‖y − diag(σ)w‖² from w0: w ← w + 2η·σ⊙(y − σ⊙w) (equivalently (1 − 2ησ²)⊙w + 2ησ⊙y), coordinate-wise.',
    args: {
      sigma: tensor('float', ['k'], { description: 'σ, the diagonal' }),
      y: tensor('float', ['k']),
      w0: tensor('float', ['k'], { description: 'starting point' }),
      eta: number({ description: 'step size η' }),
      steps: integer({ minimum: 0 }),
    },
    result: tensor('float', ['k'], { description: 'w after `steps` steps' }),
  }),
] as const;
