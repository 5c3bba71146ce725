// Bug (real, in @tensorflow/tfjs-core 4.22 rand_util): tf.randomNormal treats a falsy seed as "no seed"
// (`seed ? seed : Math.random()`), so an adapter that passes the op's seed straight through draws a fresh
// stream on every call with seed 0 — not a function of the arguments.
import * as tf from '@tensorflow/tfjs';
export const meta = { op: 'random.normal', kind: 'bug', class: 'nondeterminism', description: 'tf.randomNormal with the seed passed as a number: seed 0 is unseeded (Math.random), two identical calls differ' };
await tf.setBackend('cpu');
export default {
  name: 'bug-normal-seed-zero-unseeded', dtypes: ['float32'],
  ops: { 'random.normal': ({ n, mean, std, seed }) => tf.tidy(() => Array.from(tf.randomNormal([n], mean, std, 'float32', seed).dataSync())) },
};
