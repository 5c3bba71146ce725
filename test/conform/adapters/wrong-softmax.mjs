// A deliberately wrong implementation: softmax with a temperature of 1.01 (a plausible bug).
export default {
  name: 'js-wrong-softmax',
  dtype: 'float32',
  ops: {
    'nn.softmax': ({ x }) => {
      if (x.length === 0) return [];
      const m = Math.max(...x);
      const e = x.map((v) => Math.exp((v - m) / 1.01));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => Math.fround(v / s));
    },
  },
};
