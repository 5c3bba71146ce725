// Shared helpers of the state-space corpus entries (not an entry: the name starts with _).
// Everything is computed in the request dtype: r = Math.fround for float32, the identity for float64.
export const rounder = (dtype) => (dtype === 'float32' ? Math.fround : (x) => x);

/** In-place iterative radix-2 complex FFT of length n = 2^t in the dtype; twiddles fl(cos), fl(sin); sign −1 forward, +1 inverse (unnormalised). */
export function fft(re, im, sign, r) {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) { [re[i], re[j]] = [re[j], re[i]]; [im[i], im[j]] = [im[j], im[i]]; }
  }
  for (let len = 2; len <= n; len <<= 1) {
    for (let k = 0; k < len / 2; k++) {
      const wr = r(Math.cos((sign * 2 * Math.PI * k) / len)), wi = r(Math.sin((sign * 2 * Math.PI * k) / len));
      for (let i = 0; i < n; i += len) {
        const a = i + k, b = a + len / 2;
        const xr = r(r(re[b] * wr) - r(im[b] * wi)), xi = r(r(re[b] * wi) + r(im[b] * wr));
        re[b] = r(re[a] - xr); im[b] = r(im[a] - xi);
        re[a] = r(re[a] + xr); im[a] = r(im[a] + xi);
      }
    }
  }
}

/** Causal convolution via complex FFTs of length N (default: power of two ≥ 2L) in the dtype. */
export function fftConv(k, u, r, N) {
  const L = u.length;
  if (L === 0) return [];
  if (!N) { N = 1; while (N < 2 * L) N *= 2; }
  const kr = new Array(N).fill(0), ki = new Array(N).fill(0), ur = new Array(N).fill(0), ui = new Array(N).fill(0);
  for (let i = 0; i < L && i < N; i++) { kr[i] = k[i]; ur[i] = u[i]; }
  fft(kr, ki, -1, r); fft(ur, ui, -1, r);
  const pr = kr.map((a, i) => r(r(a * ur[i]) - r(ki[i] * ui[i]))), pi = kr.map((a, i) => r(r(a * ui[i]) + r(ki[i] * ur[i])));
  fft(pr, pi, 1, r);
  return Array.from({ length: L }, (_, i) => r(pr[i % N] / N));
}

/** Direct causal convolution, summing l = j down to 0 (any order is correct). */
export function directConv(k, u, r) {
  return u.map((_, j) => { let s = 0; for (let l = j; l >= 0; l--) s = r(s + r(k[l] * u[j - l])); return s; });
}

/** The recurrence in the dtype; `opts` injects the bugs of the corpus. */
export function recurrence({ A, B, C, D, u }, r, opts = {}) {
  const n = B.length;
  let x = new Array(n).fill(0);
  const ys = [];
  const step = (x, uk) => x.map((_, i) => { let s = r(B[i] * uk); for (let j = 0; j < n; j++) s = r(s + r((opts.transposeA ? A[j][i] : A[i][j]) * x[j])); return s; });
  for (const uk of u) {
    if (opts.updateFirst) x = step(x, uk);
    let y = opts.noD ? 0 : r(D * uk);
    for (let i = 0; i < n; i++) y = r(y + r(C[i] * x[i]));
    ys.push(y);
    if (!opts.updateFirst) x = step(x, uk);
  }
  return ys;
}

/** The kernel K_0 = D, K_l = C A^{l−1} B by v ← A v in the dtype. */
export function kernel({ A, B, C, D }, L, r) {
  const n = B.length;
  const K = L > 0 ? [D] : [];
  let v = B.slice();
  for (let l = 1; l < L; l++) {
    let s = 0;
    for (let i = 0; i < n; i++) s = r(s + r(C[i] * v[i]));
    K.push(s);
    v = v.map((_, i) => { let t = 0; for (let j = 0; j < n; j++) t = r(t + r(A[i][j] * v[j])); return t; });
  }
  return K;
}
