/** Ops of the recurrent domain. Recurrent and window language models. */
import type { OpDef } from '../registry/types.js';

export const OPS: readonly OpDef[] = [
  {
    id: 'lstm.cell',
    signature: '(x: n, h: m, c: m, Wf, Wi, Wc, Wo: m×(m+n), bf, bi, bc, bo: m) → {h: m, c: m}',
    description: 'One LSTM step in the notes’ convention (seed 000): each gate’s weights act on [h; x]; f = σ(Wf[h;x] + bf), i = σ(Wi[h;x] + bi), c̃ = tanh(Wc[h;x] + bc), o = σ(Wo[h;x] + bo), c′ = f ⊙ c + i ⊙ c̃, h′ = o ⊙ tanh(c′). ' +
      'tfjs: tf.basicLSTMCell with forgetBias 0, the kernel (n+m)×4m acting on [x; h] with column blocks (i, c̃, f, o) — the mapping is documented in src/impl/tfjs/recurrent.ts.',
    tensors: { x: 'float', h: 'float', c: 'float', Wf: 'float', Wi: 'float', Wc: 'float', Wo: 'float', bf: 'float', bi: 'float', bc: 'float', bo: 'float' },
  },
  {
    id: 'nn.window-lm-param-count',
    signature: '{ vocab: V, hidden: h, window: n, embed: d } → integer',
    description: 'Number of trainable parameters of a fixed-window neural LM: (d > 0) embedding V×d, hidden dense (n·d → h, with bias), output dense (h → V, with bias); (d = 0) one-hot inputs, hidden dense (n·V → h) and output dense (h → V), with biases.',
    tensors: {},
  },
];
