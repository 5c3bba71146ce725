/** Ops of the recurrent domain. Recurrent and window language models. */
import { defineOp, tensor, integer, object } from './schema.js';

const gate = (g: string) => tensor('float', ['m', 'm+n'], { description: `W${g}, acting on [h; x]` });
const bias = (g: string) => tensor('float', ['m'], { description: `b${g}` });

export const OPS = [
  defineOp({
    id: 'lstm.cell',
    description: 'One LSTM step in the notes’ convention (seed 000): each gate’s weights act on [h; x]; f = σ(Wf[h;x] + bf), i = σ(Wi[h;x] + bi), c̃ = tanh(Wc[h;x] + bc), o = σ(Wo[h;x] + bo), c′ = f ⊙ c + i ⊙ c̃, h′ = o ⊙ tanh(c′). ' +
      'tfjs: tf.basicLSTMCell with forgetBias 0, the kernel (n+m)×4m acting on [x; h] with column blocks (i, c̃, f, o) — the mapping is documented in src/impl/tfjs/recurrent.ts.',
    args: {
      x: tensor('float', ['n'], { description: 'input' }),
      h: tensor('float', ['m'], { description: 'previous hidden state' }),
      c: tensor('float', ['m'], { description: 'previous cell state' }),
      Wf: gate('f'), Wi: gate('i'), Wc: gate('c'), Wo: gate('o'),
      bf: bias('f'), bi: bias('i'), bc: bias('c'), bo: bias('o'),
    },
    result: object({ h: tensor('float', ['m'], { description: 'h′' }), c: tensor('float', ['m'], { description: 'c′' }) }),
  }),
  defineOp({
    id: 'nn.window-lm-param-count',
    description: 'Number of trainable parameters of a fixed-window neural LM: (d > 0) embedding V×d, hidden dense (n·d → h, with bias), output dense (h → V, with bias); (d = 0) one-hot inputs, hidden dense (n·V → h) and output dense (h → V), with biases.',
    args: {
      vocab: integer({ minimum: 1, description: 'V' }),
      hidden: integer({ minimum: 1, description: 'h' }),
      window: integer({ minimum: 1, description: 'n, context words' }),
      embed: integer({ minimum: 0, description: 'd; 0 for one-hot inputs' }),
    },
    result: integer(),
  }),
] as const;
