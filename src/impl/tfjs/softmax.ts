import type { TF } from './types.js';

/** `nn.softmax` with `tf.softmax` (float32). */
export function softmax(tf: TF, args: { x: number[] }): number[] {
  if (args.x.length === 0) return [];
  return tf.tidy(() => Array.from(tf.softmax(tf.tensor1d(args.x, 'float32')).dataSync()));
}

/** The ops of this domain in the built-in implementation. */
export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'nn.softmax': (a: { x: number[] }) => softmax(tf, a),
  };
}
