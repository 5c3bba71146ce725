/** tfjs implementations of the ops of this domain. */
import type { TF } from './types.js';
import { tfSeed } from './backend.js';

/** `random.normal` and `random.bernoulli-mask` (seeded; the samples are a pure function of the arguments). */
export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    // tf.randomNormal treats seed 0 as "no seed": see tfSeed (backend.ts)
    'random.normal': (a: { n: number; mean: number; std: number; seed: number }): number[] =>
      tf.tidy(() => Array.from(tf.randomNormal([a.n], a.mean, a.std, 'float32', tfSeed(a.seed)).dataSync())),
    'random.bernoulli-mask': (a: { n: number; p: number; seed: number }): number[] =>
      tf.tidy(() => Array.from(tf.cast(tf.less(tf.randomUniform([a.n], 0, 1, 'float32', a.seed), tf.scalar(a.p, 'float32')), 'float32').dataSync())),
  };
}
