/** Ops of one area (merged into the op catalogue). */
import type { OpDef } from '../registry/types.js';

export const OPS_EXTRA: readonly OpDef[] = [
  {
    id: 'cnn.pool2d-shape',
    signature: '{ height, width, kernel: [kh, kw], stride: [sh, sw] } → [outH, outW]',
    description: 'Output spatial size of 2-D max pooling without padding (floor mode, "valid"): ⌊(W − K)/S⌋ + 1 per axis.',
    tensors: {},
  },
  {
    id: 'nn.window-lm-param-count',
    signature: '{ vocab: V, hidden: h, window: n, embed: d } → integer',
    description: 'Number of trainable parameters of a fixed-window neural LM: (d > 0) embedding V×d, hidden dense (n·d → h, with bias), output dense (h → V, with bias); (d = 0) one-hot inputs, hidden dense (n·V → h) and output dense (h → V), with biases.',
    tensors: {},
  },
];
