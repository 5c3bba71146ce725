// A small, correct implementation in plain JavaScript float64, then rounded to float32 — used by
// the tests as a "good" adapter (directly with --impl and through the line protocol).
import { conv2dShape } from './conv2d-shape.mjs';
const f = Math.fround;
export default {
  name: 'js-float64-reference',
  dtype: 'float32',
  ops: {
    'nn.softmax': ({ x }) => {
      if (x.length === 0) return [];
      const m = Math.max(...x);
      const e = x.map((v) => Math.exp(v - m));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => f(v / s));
    },
    'stats.variance': ({ x, correction }) => {
      const n = x.length;
      const mean = x.reduce((a, b) => a + b, 0) / n;
      return f(x.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - correction));
    },
    'cnn.conv2d-shape': (a) => conv2dShape(a),
  },
};

