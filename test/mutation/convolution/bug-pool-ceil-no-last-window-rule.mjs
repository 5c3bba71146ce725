// Bug: ceil mode as ⌈L/s⌉ + 1 without PyTorch's rule that the last window must start inside the input or the begin padding.
export const meta = { op: 'cnn.pool2d-shape', kind: 'bug', class: 'rounding mode', description: 'ceil mode without the last-window rule' };
function axis(n, k, s, d = 1, b = 0, e = 0, autoPad, ceil = false) {
  const ke = d * (k - 1) + 1;
  if (autoPad === 'same-upper' || autoPad === 'same-lower') return Math.ceil(n / s);
  if (autoPad === 'valid') { b = 0; e = 0; }
  const L = n + b + e - ke;
  return ceil ? Math.ceil(L / s) + 1 : Math.floor(L / s) + 1;
}
const axes = (a) => { const p = a.pads ?? [0, 0, 0, 0], dl = a.dilation ?? [1, 1]; return [axis(a.height, a.kernel[0], a.stride[0], dl[0], p[0], p[2], a.autoPad, a.ceilMode), axis(a.width, a.kernel[1], a.stride[1], dl[1], p[1], p[3], a.autoPad, a.ceilMode)]; };
export default { name: 'bug-pool-ceil-no-last-window-rule', dtype: 'float32', ops: { 'cnn.pool2d-shape': axes } };
