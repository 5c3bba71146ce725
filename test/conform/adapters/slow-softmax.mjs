// A correct but slow softmax: 30 ms per call (busy wait), to exhaust a --time-budget.
const f = Math.fround;
export default {
  name: 'js-slow-softmax',
  ops: {
    'nn.softmax': ({ x }) => {
      const t = Date.now();
      while (Date.now() - t < 30) { /* spin */ }
      if (x.length === 0) return [];
      const m = Math.max(...x);
      const e = x.map((v) => Math.exp(v - m));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => f(v / s));
    },
  },
};
