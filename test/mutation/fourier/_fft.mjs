// Shared helpers of the fourier corpus entries (not an entry): DFT algorithms in a given rounding, with
// switches that inject the corpus bugs. R rounds every intermediate result (Math.fround for float32).
export const rounder = (dtype) => (dtype === 'float32' ? Math.fround : (x) => x);
const isPow2 = (n) => n > 0 && (n & (n - 1)) === 0;

/** Iterative radix-2 decimation-in-time FFT in the rounding R; twiddles R(cos), R(sin) of 2πk/len. */
export function radix2(re, im, R, o = {}) {
  const n = re.length;
  const a = re.map(R), b = im.map(R);
  if (!o.noBitReversal) {
    for (let i = 1, j = 0; i < n; i++) {
      let bit = n >> 1;
      for (; j & bit; bit >>= 1) j ^= bit;
      j ^= bit;
      if (i < j) { [a[i], a[j]] = [a[j], a[i]]; [b[i], b[j]] = [b[j], b[i]]; }
    }
  }
  const sg = (o.inverse ? 1 : -1) * (o.conjugate ? -1 : 1);
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < half; k++) {
        const th = (sg * 2 * Math.PI * k) / len;
        const wr = R(Math.cos(th)), wi = R(Math.sin(th));
        const p = i + k, q = p + half;
        const tr = R(R(a[q] * wr) - R(b[q] * wi)), ti = R(R(a[q] * wi) + R(b[q] * wr));
        const ar = a[p], ai = b[p];
        a[p] = R(ar + tr); b[p] = R(ai + ti);
        a[q] = R(ar - tr); b[q] = R(ai - ti);
      }
    }
  }
  return [a, b];
}

/** The O(N²) definition in the rounding R (twiddle index kn mod N; `o.offByOne` uses k(n + 1)). */
export function direct(re, im, R, o = {}) {
  const n = re.length;
  const sg = (o.inverse ? 1 : -1) * (o.conjugate ? -1 : 1);
  const A = new Array(n), B = new Array(n);
  for (let k = 0; k < n; k++) {
    let sr = 0, si = 0;
    for (let j = 0; j < n; j++) {
      const m = (k * (o.offByOne ? j + 1 : j)) % n;
      const th = (sg * 2 * Math.PI * m) / n;
      const c = R(Math.cos(th)), s = R(Math.sin(th));
      sr = R(sr + R(R(re[j] * c) - R(im[j] * s)));
      si = R(si + R(R(re[j] * s) + R(im[j] * c)));
    }
    A[k] = sr; B[k] = si;
  }
  return [A, B];
}

/** Bluestein's chirp-z in the rounding R: a = x·conj(b), b_m = e^{iπm²/N}, cyclic convolution by radix-2 FFTs of length M ≥ 2N − 1. */
export function bluestein(re, im, R) {
  const n = re.length;
  let M = 1;
  while (M < 2 * n - 1) M <<= 1;
  const cr = [], ci = [];
  for (let m = 0; m < n; m++) { const th = (Math.PI * ((m * m) % (2 * n))) / n; cr.push(R(Math.cos(th))); ci.push(R(Math.sin(th))); }
  const ar = new Array(M).fill(0), ai = new Array(M).fill(0), br = new Array(M).fill(0), bi = new Array(M).fill(0);
  for (let m = 0; m < n; m++) { // a_m = x_m · conj(b_m)
    ar[m] = R(R(re[m] * cr[m]) + R(im[m] * ci[m])); ai[m] = R(R(im[m] * cr[m]) - R(re[m] * ci[m]));
  }
  for (let m = 0; m < n; m++) { br[m] = cr[m]; bi[m] = ci[m]; if (m > 0) { br[M - m] = cr[m]; bi[M - m] = ci[m]; } }
  const [Ar, Ai] = radix2(ar, ai, R), [Br, Bi] = radix2(br, bi, R);
  const pr = Ar.map((v, k) => R(R(v * Br[k]) - R(Ai[k] * Bi[k]))), pi = Ar.map((v, k) => R(R(v * Bi[k]) + R(Ai[k] * Br[k])));
  const [cr2, ci2] = radix2(pr, pi, R, { inverse: true });
  const outR = [], outI = [];
  for (let k = 0; k < n; k++) { // y_k = conj(b_k) · c_k / M
    const xr = R(cr2[k] / M), xi = R(ci2[k] / M);
    outR.push(R(R(xr * cr[k]) + R(xi * ci[k]))); outI.push(R(R(xi * cr[k]) - R(xr * ci[k])));
  }
  return [outR, outI];
}

/** Forward DFT of [N][2] pairs: radix 2 for powers of two, else `o.other` ('bluestein' | 'direct'). */
export function dftPairs(x, dtype, o = {}) {
  const R = rounder(dtype);
  const re = x.map((v) => R(v[0])), im = x.map((v) => R(v[1]));
  if (re.length === 0) return [];
  let [A, B] = o.algorithm === 'direct' ? direct(re, im, R, o)
    : isPow2(re.length) ? radix2(re, im, R, o)
      : (o.other ?? 'direct') === 'bluestein' ? bluestein(re, im, R) : direct(re, im, R, o);
  if (o.scaleForward) { A = A.map((v) => R(v / re.length)); B = B.map((v) => R(v / re.length)); }
  return A.map((v, k) => [v, B[k]]);
}

/** One-sided rfft: the first ⌊N/2⌋ + 1 bins of the DFT of x + 0i (`o.bins` overrides the count). */
export function rfftPairs(x, dtype, o = {}) {
  const full = dftPairs(x.map((v) => [v, 0]), dtype, o);
  const K = o.bins ? o.bins(x.length) : Math.floor(x.length / 2) + 1;
  return full.slice(0, K);
}

/** Hann windows: periodic ½ − ½cos(2πm/M), or symmetric (denominator M − 1), computed in float64 and rounded. */
export function hann(M, R, kind = 'periodic') {
  const d = kind === 'periodic' ? M : M - 1;
  return Array.from({ length: M }, (_, m) => (M === 1 ? 1 : R(0.5 - 0.5 * Math.cos((2 * Math.PI * m) / d))));
}

/** STFT in the declared conventions; `o` injects bugs (window kind, centring, time-referenced phase, hop, no window, power). */
export function stftPairs({ x, nFft, hop }, dtype, o = {}) {
  const R = rounder(dtype);
  let sig = x.map(R);
  if (o.center) { const p = nFft >> 1; sig = [...Array(p).fill(0), ...sig, ...Array(p).fill(0)]; }
  const H = o.hopIsNfft ? nFft : hop;
  const w = o.noWindow ? Array(nFft).fill(1) : hann(nFft, R, o.window ?? 'periodic');
  const T = sig.length < nFft ? 0 : 1 + Math.floor((sig.length - nFft) / H);
  const K = Math.floor(nFft / 2) + 1;
  const out = [];
  for (let t = 0; t < T; t++) {
    const frame = Array.from({ length: nFft }, (_, m) => [R(sig[t * H + m] * w[m]), 0]);
    let bins = dftPairs(frame, dtype, o.dft ?? {}).slice(0, K);
    if (o.timeReferenced) bins = bins.map(([a, b], k) => { const th = (-2 * Math.PI * k * t * H) / nFft, c = Math.cos(th), s = Math.sin(th); return [R(a * c - b * s), R(a * s + b * c)]; });
    out.push(bins);
  }
  return out;
}
