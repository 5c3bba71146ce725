// A small, correct implementation in plain JavaScript float64, then rounded to float32 — used by
// the tests as a "good" adapter (directly with --impl and through the line protocol).
const f = Math.fround;
export default {
  name: 'js-float64-reference',
  dtype: 'float32',
  ops: {
    'nn.softmax': ({ x }) => {
      const n = x.length;
      let m = -Infinity;
      for (let i = 0; i < n; i++) if (x[i] > m) m = x[i];
      const y = new Array(n);
      let s = 0;
      for (let i = 0; i < n; i++) { y[i] = Math.exp(x[i] - m); s += y[i]; }
      for (let i = 0; i < n; i++) y[i] = f(y[i] / s);
      return y;
    },
    'stats.variance': ({ x, correction }) => {
      const n = x.length;
      const mean = x.reduce((a, b) => a + b, 0) / n;
      return f(x.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - correction));
    },
    'cnn.conv2d-shape': (a) => conv2dShape(a),
  },
};

// cnn.conv2d-shape with every argument of the op (dilation, explicit pads [top, left, bottom, right], ONNX auto_pad);
// this file is self-contained (tests copy it alone), duplicate-reply.mjs imports it from here.
export function conv2dShape({ height, width, kernel, stride, padding = [0, 0], dilation = [1, 1], pads, autoPad }) {
  const p = pads ?? [padding[0], padding[1], padding[0], padding[1]];
  const axis = (n, k, s, d, b, e) => {
    const ke = d * (k - 1) + 1;
    if (autoPad === 'same-upper' || autoPad === 'same-lower') return Math.ceil(n / s);
    if (autoPad === 'valid') { b = 0; e = 0; }
    return Math.floor((n + b + e - ke) / s) + 1;
  };
  return [axis(height, kernel[0], stride[0], dilation[0], p[0], p[2]), axis(width, kernel[1], stride[1], dilation[1], p[1], p[3])];
}
