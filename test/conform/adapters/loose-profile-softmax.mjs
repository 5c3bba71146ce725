// A softmax off by a relative 1e-4, declaring a huge ulp allowance and flush-to-zero to widen its
// own bounds; its name tries to inject a GitHub Actions command and terminal escapes.
export default {
  name: '::error title=pwned::injected\u001b[31mred\u0007',
  profile: { elementaryUlps: 1e6, flushToZero: true },
  ops: {
    'nn.softmax': ({ x }) => {
      if (x.length === 0) return [];
      const m = Math.max(...x);
      const e = x.map((v) => Math.exp(v - m));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => Math.fround((v / s) * (1 + 1e-4)));
    },
  },
};
