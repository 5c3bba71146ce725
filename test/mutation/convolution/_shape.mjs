// Shared helpers of the convolution corpus entries (not an entry).
export const convAxis = (W, K, S, P) => Math.floor((W - K + 2 * P) / S) + 1;
export const poolAxis = (W, K, S) => Math.floor((W - K) / S) + 1;
export const rounder = (dtype) => (dtype === 'float32' ? Math.fround : (x) => x);
/** TensorFlow padding of one axis: output size and the padding before. */
export function tfAxis(n, k, s, padding) {
  if (padding === 'valid') return { out: Math.floor((n - k) / s) + 1, before: 0 };
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + k - n, 0);
  return { out, before: Math.floor(total / 2) };
}
/** dW by direct loops in the dtype (h, l outer; i, j inner); `opts` injects the corpus bugs. */
export function filterGrad({ x, dy, kernel: [kh, kw], stride, padding }, r, opts = {}) {
  const H = x.length, W = x[0].length;
  const S = opts.ignoreStride ? 1 : stride;
  const a = tfAxis(H, kh, stride, padding), b = tfAxis(W, kw, stride, padding);
  const pa = opts.padAfter ? Math.ceil(Math.max((a.out - 1) * stride + kh - H, 0) / 2) : a.before;
  const pb = opts.padAfter ? Math.ceil(Math.max((b.out - 1) * stride + kw - W, 0) / 2) : b.before;
  const dW = [];
  for (let h = 0; h < kh; h++) {
    const row = [];
    for (let l = 0; l < kw; l++) {
      let s = 0;
      for (let i = 0; i < a.out - (opts.dropLast ? 1 : 0); i++) for (let j = 0; j < b.out; j++) {
        const rr = i * S + h - pa, cc = j * S + l - pb;
        if (rr >= 0 && rr < H && cc >= 0 && cc < W) s = r(s + r(x[rr][cc] * dy[i][j]));
      }
      row.push(opts.mean ? r(s / (a.out * b.out)) : s);
    }
    dW.push(row);
  }
  if (opts.flip) return dW.map((row) => row.slice().reverse()).reverse();
  if (opts.transpose && kh === kw) return dW[0].map((_, j) => dW.map((row) => row[j]));
  if (opts.transpose) return dW.map((row) => row.slice().reverse());
  return dW;
}
