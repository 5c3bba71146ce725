// Correct: counting window positions directly (start = −begin, −begin + S, … while start + k_e ≤ W + end; ceil mode:
// the fewest windows covering the padded input, the last dropped if it starts in the end padding; SAME: ⌈W/S⌉ with
// its total padding split).
export const meta = { op: 'cnn.pool2d-shape', kind: 'correct', class: 'enumeration', description: 'count the window positions per axis' };
function count(W, K, S, d = 1, b = 0, e = 0, autoPad, ceil = false) {
  const ke = d * (K - 1) + 1;
  if (autoPad === 'same-upper' || autoPad === 'same-lower') {
    let out = 0; for (let s = 0; s < W; s += S) out++; // one window per stride step over the input
    const total = Math.max((out - 1) * S + ke - W, 0);
    b = autoPad === 'same-upper' ? Math.floor(total / 2) : Math.ceil(total / 2); e = total - b; ceil = false;
  } else if (autoPad === 'valid') { b = 0; e = 0; }
  let n = 0, covered = -b, last = -b;
  for (let s = -b; ceil ? covered < W + e : s + ke <= W + e; s += S) { n++; covered = s + ke; last = s; }
  if (ceil && n > 1 && last >= W) n--;
  return n;
}
const axes = (a, padding) => {
  const p = a.pads ?? [padding[0], padding[1], padding[0], padding[1]];
  const dl = a.dilation ?? [1, 1];
  return [count(a.height, a.kernel[0], a.stride[0], dl[0], p[0], p[2], a.autoPad, a.ceilMode), count(a.width, a.kernel[1], a.stride[1], dl[1], p[1], p[3], a.autoPad, a.ceilMode)];
};
export default {
  name: 'zoo-pool-js-count', dtype: 'float32',
  ops: {
    'cnn.conv2d-shape': (a) => axes(a, a.padding),
    'cnn.pool2d-shape': (a) => axes(a, [0, 0]),
  },
};
