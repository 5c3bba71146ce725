/**
 * The built-in implementation (TensorFlow.js) of the fourier domain's ops. Never imports an oracle or lemmata's numerics.
 *
 * Routing: the wasm backend has no FFT / IFFT / RFFT kernels, so every op here runs on the `cpu` backend
 * when the active backend is `wasm` (the engine is switched to the already-registered, synchronously
 * initialised cpu backend, the tensors are created and read there, and the previous backend is restored in
 * a `finally`). tfjs's cpu FFT computes in float32 (Float32Array buffers): radix-2 Cooley–Tukey with twiddles
 * from Math.cos/Math.sin for powers of two, the O(N²) direct DFT otherwise.
 *
 * Conventions (src/ops/fourier.ts): complex values as [re, im] pairs; forward transform unnormalised; rfft
 * one-sided (⌊N/2⌋ + 1 bins); STFT without centring or padding, frame-referenced phase, PERIODIC Hann window
 * built here (tf.signal.hannWindow uses the denominator M for even M but M − 1 for odd M, i.e. it is
 * symmetric for odd lengths — not the declared convention).
 */
import type { TF } from './types.js';
import { onCpuIfWasm } from './backend.js';

/** Interleave real and imaginary parts into [re, im] pairs. */
function pairs(re: ArrayLike<number>, im: ArrayLike<number>): number[][] {
  return Array.from({ length: re.length }, (_, i) => [re[i]!, im[i]!]);
}

/** fourier.dft: tf.spectral.fft of tf.complex(re, im). */
export function dft(tf: TF, a: { x: number[][] }): number[][] {
  if (a.x.length === 0) return [];
  return onCpuIfWasm(tf, 'fourier.dft', () => tf.tidy(() => {
    const c = tf.complex(tf.tensor1d(a.x.map((v) => v[0]!), 'float32'), tf.tensor1d(a.x.map((v) => v[1]!), 'float32'));
    const y = tf.spectral.fft(c);
    return pairs(tf.real(y).dataSync(), tf.imag(y).dataSync());
  }));
}

/** fourier.rfft: tf.spectral.rfft (one-sided, ⌊N/2⌋ + 1 bins). */
export function rfft(tf: TF, a: { x: number[] }): number[][] {
  if (a.x.length === 0) return [];
  return onCpuIfWasm(tf, 'fourier.rfft', () => tf.tidy(() => {
    const y = tf.spectral.rfft(tf.tensor1d(a.x, 'float32'));
    return pairs(tf.real(y).dataSync(), tf.imag(y).dataSync());
  }));
}

/** The periodic Hann window ½ − ½cos(2πm/M) as a float32 tensor (values computed in float64, rounded); [1] for M = 1. */
function periodicHann(tf: TF, M: number) {
  if (M === 1) return tf.tensor1d([1], 'float32');
  return tf.tensor1d(Array.from({ length: M }, (_, m) => 0.5 - 0.5 * Math.cos((2 * Math.PI * m) / M)), 'float32');
}

/** fourier.stft: tf.signal.stft(x, nFft, hop, nFft, periodic Hann), no padding; [T][K][re, im]. */
export function stft(tf: TF, a: { x: number[]; nFft: number; hop: number }): number[][][] {
  const { x, nFft, hop } = a;
  if (x.length < nFft) return [];
  return onCpuIfWasm(tf, 'fourier.stft', () => tf.tidy(() => {
    const s = tf.signal.stft(tf.tensor1d(x, 'float32'), nFft, hop, nFft, (len: number) => periodicHann(tf, len));
    const [T, K] = s.shape as [number, number];
    const re = tf.real(s).dataSync(), im = tf.imag(s).dataSync();
    return Array.from({ length: T }, (_, t) => Array.from({ length: K }, (_, k) => [re[t * K + k]!, im[t * K + k]!]));
  }));
}

export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'fourier.dft': (a: { x: number[][] }) => dft(tf, a),
    'fourier.rfft': (a: { x: number[] }) => rfft(tf, a),
    'fourier.stft': (a: { x: number[]; nFft: number; hop: number }) => stft(tf, a),
  };
}
