// Correct: ONNX's closed forms per axis: ⌊(n + pads − d(k − 1) − 1)/s + 1⌋ (ceil mode: ⌈…⌉, minus one when the last
// window starts in the end padding), VALID ⌈(n − d(k − 1))/s⌉, SAME ⌈n/s⌉.
export const meta = { op: 'cnn.conv2d-shape', kind: 'correct', class: 'closed form', description: 'ONNX shape-inference formulas per axis' };
function axis(n, k, s, d = 1, b = 0, e = 0, autoPad, ceil = false) {
  const ke = d * (k - 1) + 1;
  if (autoPad === 'same-upper' || autoPad === 'same-lower') return Math.ceil(n / s);
  if (autoPad === 'valid') return Math.ceil((n - ke + 1) / s);
  const q = (n + b + e - ke) / s + 1;
  if (!ceil) return Math.floor(q);
  const out = Math.ceil(q);
  return (out - 1) * s >= n + b ? out - 1 : out;
}
const axes = (a, padding) => {
  const p = a.pads ?? [padding[0], padding[1], padding[0], padding[1]];
  const dl = a.dilation ?? [1, 1];
  return [axis(a.height, a.kernel[0], a.stride[0], dl[0], p[0], p[2], a.autoPad, a.ceilMode), axis(a.width, a.kernel[1], a.stride[1], dl[1], p[1], p[3], a.autoPad, a.ceilMode)];
};
export default {
  name: 'zoo-shape-js-closed-form', dtype: 'float32',
  ops: {
    'cnn.conv2d-shape': (a) => axes(a, a.padding),
    'cnn.pool2d-shape': (a) => axes(a, [0, 0]),
  },
};
