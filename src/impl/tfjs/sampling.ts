/** tfjs implementations of the ops of this domain. */
import type { TF } from './types.js';

/** `random.normal` and `random.bernoulli-mask` (seeded; the samples are a pure function of the arguments). */
export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    // tf.randomNormal treats a falsy seed as "no seed" (tfjs-core rand_util MPRandGauss:
    // `seed ? seed : Math.random()`), so seed 0 would give a different stream on every call; the seed is
    // passed as its decimal string, which is what tfjs hands to seedrandom.alea for every other seed.
    'random.normal': (a: { n: number; mean: number; std: number; seed: number }): number[] =>
      tf.tidy(() => Array.from(tf.randomNormal([a.n], a.mean, a.std, 'float32', String(a.seed) as unknown as number).dataSync())),
    'random.bernoulli-mask': (a: { n: number; p: number; seed: number }): number[] =>
      tf.tidy(() => Array.from(tf.cast(tf.less(tf.randomUniform([a.n], 0, 1, 'float32', a.seed), tf.scalar(a.p, 'float32')), 'float32').dataSync())),
  };
}
