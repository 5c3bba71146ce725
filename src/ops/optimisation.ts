/** Ops of the optimisation domain. Optimisation: gradient descent. */
import type { OpDef } from '../registry/types.js';

export const OPS: readonly OpDef[] = [
  {
    id: 'opt.gd-steps',
    signature: '{ sigma: number[k], y: number[k], w0: number[k], eta: number, steps: int } → number[k]',
    description: 'steps iterations of gradient descent on ‖y − diag(σ)w‖² from w0: w ← w + 2η·σ⊙(y − σ⊙w) (equivalently (1 − 2ησ²)⊙w + 2ησ⊙y), coordinate-wise.',
    tensors: { sigma: 'float', y: 'float', w0: 'float' },
  },
];
