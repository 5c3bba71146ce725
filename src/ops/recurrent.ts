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
    algorithms: [
      { name: 'gate-matmul', default: true, description: 'pre-activations W_g[h; x] + b_g, or W′_g[x; h] + b_g with the column blocks swapped, or one fused 4m×(m+n) matmul, or W_ih x + W_hh h + b (PyTorch’s two matmuls): any order of the n + m + 1 terms, γ_{n+m+1}.' },
      { name: 'sigmoid-exp', default: true, description: 'σ(a) = 1/(1 + exp(−a)), exp(a)/(1 + exp(a)) or the two by the sign of a (overflow of exp(−a) to ∞ giving 0 allowed).' },
      { name: 'sigmoid-tanh', default: true, description: 'σ(a) = ½(1 + tanh(a/2)): absolute error ½ε|2σ − 1| + uσ (ε the elementary allowance), not relative.' },
      { name: 'tanh-exp', default: true, description: 'tanh by the library or by (e^{2a} − 1)/(e^{2a} + 1): absolute error ≤ ½ε + γ₃|tanh|.' },
    ],
    inputClasses: [
      { name: 'small', minShare: 0.35, description: 'n, m 1–4, weights in [−s, s] (s ∈ {0.5, 1, 3}), x ∈ [−2, 2], h ∈ [−1, 1], c ∈ [−3, 3], b ∈ [−2, 2]' },
      { name: 'realistic', minShare: 0.03, description: 'm 16–128, n 8–64 (both maxima reached), Xavier-scale weights ±1/√(m+n)' },
      { name: 'saturated', minShare: 0.1, description: 'weights up to 8, biases up to 100: |pre-activation| beyond 88 (exp overflows in float32)' },
      { name: 'float64-only', minShare: 0.15, description: 'every value a double with a full 53-bit significand (rounded in float32 runs)' },
      { name: 'zero-state', minShare: 0.1, description: 'the first step of a sequence: h = c = 0, n, m 1–8' },
    ],
    exactFriendly: 'None: σ and tanh are transcendental (σ(a), tanh(a) are irrational for every rational a ≠ 0), so every output carries the elementary-function allowance; the saturated and zero-state classes make convention bugs (gate order, forget bias, activation swaps) large instead.',
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
    algorithms: [
      { name: 'exact-integer', default: true, description: 'any exact count (a real model’s parameter count, or the sum of the layers’ weight shapes); integers, no rounding.' },
    ],
    inputClasses: [
      { name: 'small', minShare: 0.5, description: 'V 2–40, h 1–16, n 1–5, d = 0 or 1–8' },
      { name: 'realistic', minShare: 0.25, description: 'V 10⁴–2.5·10⁵, h 128–4096, n 2–10, d = 0 or 50–1024 (counts beyond 2³¹; maxima reached)' },
      { name: 'minimal', minShare: 0.05, description: 'V, h, n ∈ {1, 2}, d ∈ {0, 1}' },
    ],
    exactFriendly: 'Every input: the result is an exact integer (below 2⁵³).',
  }),
] as const;
