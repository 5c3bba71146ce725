// Correct: counting window positions directly (start = −P, −P + S, … while start + K ≤ W + P).
export const meta = { op: 'cnn.pool2d-shape', kind: 'correct', class: 'enumeration', description: 'count the window positions per axis' };
const count = (W, K, S, P) => { let n = 0; for (let s = -P; s + K <= W + P; s += S) n++; return n; };
export default {
  name: 'zoo-pool-js-count', dtype: 'float32',
  ops: {
    'cnn.conv2d-shape': ({ height, width, kernel, stride, padding }) => [count(height, kernel[0], stride[0], padding[0]), count(width, kernel[1], stride[1], padding[1])],
    'cnn.pool2d-shape': ({ height, width, kernel, stride }) => [count(height, kernel[0], stride[0], 0), count(width, kernel[1], stride[1], 0)],
  },
};
