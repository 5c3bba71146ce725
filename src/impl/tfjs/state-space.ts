/** tfjs implementations of the ops of this domain. */
import FFT from 'fft.js';
import type { TF } from './types.js';

export interface SsmArgs { A: number[][]; B: number[]; C: number[]; D: number; u: number[] }
export interface FftConvArgs { k: number[]; u: number[] }

/**
 * `ssm.kernel-conv`: unroll x_{k+1} = A x_k + B u_k, y_k = C x_k + D u_k from x_0 = 0 in float32
 * (one matMul + one product + one add per state update and per output).
 */
export function ssmKernelConv(tf: TF, a: SsmArgs): number[] {
  const n = a.B.length;
  return tf.tidy(() => {
    const A = tf.tensor2d(a.A, [n, n], 'float32');
    const B = tf.tensor2d(a.B, [n, 1], 'float32');
    const C = tf.tensor2d(a.C, [1, n], 'float32');
    const D = tf.scalar(a.D, 'float32');
    const u = tf.tensor1d(a.u, 'float32');
    let x = tf.zeros([n, 1], 'float32') as ReturnType<TF['zeros']>;
    const ys = [];
    for (let k = 0; k < a.u.length; k++) {
      const uk = tf.slice(u, [k], [1]);
      ys.push(tf.add(tf.reshape(tf.matMul(C, x as any), [1]), tf.mul(D, uk)));
      x = tf.add(tf.matMul(A, x as any), tf.mul(B, uk)) as any;
    }
    if (ys.length === 0) return [];
    return Array.from(tf.concat(ys).dataSync());
  });
}

/**
 * `ssm.fft-conv`: causal convolution y_k = Σ_{l≤k} k_l u_{k−l}, k < L, as irfft(rfft(k)·rfft(u)) of the
 * zero-padded sequences (length N = power of two ≥ 2L) with fft.js in float64, rounded to float32.
 */
export function ssmFftConv(a: FftConvArgs): number[] {
  const L = a.u.length;
  if (L === 0) return [];
  let N = 2;
  while (N < 2 * L) N *= 2;
  const f = new FFT(N);
  const pad = (v: number[]) => Array.from({ length: N }, (_, i) => v[i] ?? 0);
  const ka = f.createComplexArray();
  const ua = f.createComplexArray();
  f.realTransform(ka, pad(a.k));
  f.completeSpectrum(ka);
  f.realTransform(ua, pad(a.u));
  f.completeSpectrum(ua);
  const prod = f.createComplexArray();
  for (let i = 0; i < N; i++) {
    const ar = ka[2 * i], ai = ka[2 * i + 1], br = ua[2 * i], bi = ua[2 * i + 1];
    prod[2 * i] = ar * br - ai * bi;
    prod[2 * i + 1] = ar * bi + ai * br;
  }
  const out = f.createComplexArray();
  f.inverseTransform(out, prod);
  return Array.from({ length: L }, (_, i) => Math.fround(out[2 * i]));
}

export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'ssm.kernel-conv': (a: SsmArgs) => ssmKernelConv(tf, a),
    'ssm.fft-conv': (a: FftConvArgs) => ssmFftConv(a),
  };
}
