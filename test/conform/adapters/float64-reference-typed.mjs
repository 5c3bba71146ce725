// float64-reference.mjs with nn.softmax returning a Float32Array: served by clients/js/serve-line.mjs
// under protocol version 2 its results travel as raw bytes (src/bench/protocol.ts compares both).
import reference from './float64-reference.mjs';

export default {
  ...reference,
  name: 'js-float64-reference-typed',
  ops: { ...reference.ops, 'nn.softmax': (args) => Float32Array.from(reference.ops['nn.softmax'](args)) },
};
