// nn.softmax as the identity on typed arrays, served by clients/js/serve-line.mjs: the argument is
// returned as a Float32Array, so under protocol version 2 it travels back as raw bytes
// (test/conform/protocol-v2.test.ts).
export default {
  name: 'echo-typed',
  dtype: 'float32',
  ops: { 'nn.softmax': ({ x }) => Float32Array.from(x) },
};
