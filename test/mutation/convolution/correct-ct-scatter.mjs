// Correct: transposed convolution and max unpooling shapes by scattering: each input position i with tap j lands at
// i·s + j·d; the output is the covered length plus output_padding minus the pads (ONNX's derived pads for SAME and
// output_shape); max unpooling places the pooled values at the largest index a window reaches, plus output_shape padding.
export const meta = { op: 'cnn.conv-transpose2d-shape', kind: 'correct', class: 'standard algorithm', description: 'scatter the input over the kernel taps and count the covered positions' };
function axis(n, k, s, d, op, b, e, autoPad, out) {
  let last = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) last = Math.max(last, i * s + j * d);
  const full = last + 1 + op;
  const target = out ?? (autoPad === 'same-upper' || autoPad === 'same-lower' ? n * s : undefined);
  if (target !== undefined) return full - (full - target); // the derived pads remove exactly full − target
  return autoPad === 'valid' ? full : full - b - e;
}
function unpool(n, k, s, b, e, out) {
  let last = 0;
  for (let i = 0; i < n; i++) last = Math.max(last, i * s + k - 1);
  const size = last + 1 - b - e;
  return out === undefined ? size : Math.max(out, size);
}
const p4 = (a) => a.pads ?? [a.padding?.[0] ?? 0, a.padding?.[1] ?? 0, a.padding?.[0] ?? 0, a.padding?.[1] ?? 0];
export default {
  name: 'zoo-ct-scatter', dtype: 'float32', ops: {
    'cnn.conv-transpose2d-shape': (a) => { const p = p4(a), d = a.dilation ?? [1, 1], op = a.outputPadding ?? [0, 0]; return [0, 1].map((i) => axis(i ? a.width : a.height, a.kernel[i], a.stride[i], d[i], op[i], p[i], p[i + 2], a.autoPad, a.outputShape?.[i])); },
    'cnn.max-unpool2d-shape': (a) => { const p = p4(a); return [0, 1].map((i) => unpool(i ? a.width : a.height, a.kernel[i], a.stride[i], p[i], p[i + 2], a.outputShape?.[i])); },
  },
};
