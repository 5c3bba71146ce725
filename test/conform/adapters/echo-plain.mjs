// Plain-array results for clients/js/serve-line.mjs's version-2 packing (test/conform/serve-line-binary.test.ts):
// each op returns its argument `x` (plain arrays) in the shape of the op's result, or a value that must stay JSON.
export default {
  name: 'echo-plain',
  dtype: 'float32',
  ops: {
    // x as is; [0.5] → [0.1], which is not a float32: it must travel as JSON, never rounded
    'nn.softmax': ({ x }) => (x.length === 1 && x[0] === 0.5 ? [0.1] : x.slice()),
    // the rows of x; a first entry 7 → a ragged array (JSON)
    'norm.layernorm': ({ x }) => (x[0][0] === 7 ? [[1, 2], [3]] : x.map((r) => r.slice())),
    // a record of two float tensors
    'lstm.cell': ({ x }) => ({ h: x.slice(), c: x.map((v) => -v) }),
    // integers (int32), and 3e9 (not an int32: JSON)
    'quant.quantize': ({ x }) => x.map((v) => (v === 1 ? 3e9 : Math.round(v))),
  },
};
