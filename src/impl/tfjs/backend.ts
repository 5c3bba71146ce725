/**
 * Backend selection for the built-in TensorFlow.js implementation.
 *
 * - `wasm` (default) and `cpu` ship with `@tensorflow/tfjs` / `@tensorflow/tfjs-backend-wasm`.
 * - `tensorflow` and `tensorflow-gpu` need the optional peers `@tensorflow/tfjs-node` /
 *   `@tensorflow/tfjs-node-gpu`, whose install script downloads libtensorflow; when they are
 *   absent we say so in one line instead of failing obscurely.
 */
import * as tf from '@tensorflow/tfjs';
import type { TF } from './types.js';

export const BACKENDS = ['wasm', 'cpu', 'tensorflow', 'tensorflow-gpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export class BackendUnavailable extends Error {}

let wasmLoaded = false;

export async function useBackend(name: BackendName): Promise<typeof tf> {
  if (name === 'wasm') {
    if (!wasmLoaded) {
      await import('@tensorflow/tfjs-backend-wasm');
      wasmLoaded = true;
    }
  } else if (name === 'tensorflow' || name === 'tensorflow-gpu') {
    const pkg = name === 'tensorflow' ? '@tensorflow/tfjs-node' : '@tensorflow/tfjs-node-gpu';
    try {
      await import(pkg);
    } catch (e) {
      throw new BackendUnavailable(
        `backend '${name}' is unavailable: optional peer ${pkg} is not installed ` +
        `(its install script downloads libtensorflow; install it with 'npm i ${pkg}@4.22.0' where that is possible)`);
    }
  }
  // tfjs prints a banner recommending tfjs-node when the cpu backend starts in Node; we say why
  // tfjs-node is optional in the README instead, and keep the command's output clean.
  const warn = console.warn;
  console.warn = () => {};
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
    // the cpu backend prints its banner on the first tensor it stores: store one now, silently
    if (ok) tf.tidy(() => tf.scalar(0));
  } finally {
    console.warn = warn;
  }
  if (!ok) throw new BackendUnavailable(`backend '${name}' failed to initialise`);
  await tf.ready();
  return tf;
}

/**
 * Run `fn` on the cpu backend when the active backend is wasm, which lacks the kernel `what` needs
 * (FFT/Complex, Conv2DBackpropFilter), then restore the previous backend.
 */
export function onCpuIfWasm<T>(tf: TF, what: string, fn: () => T): T {
  const prev = tf.getBackend();
  if (prev !== 'wasm') return fn();
  const warn = console.warn;
  console.warn = () => {}; // the cpu backend's one-time "use tfjs-node" banner
  try {
    void tf.setBackend('cpu'); // synchronous in effect: cpu initialises synchronously
    if (tf.getBackend() !== 'cpu') throw new Error(`${what}: could not switch to the cpu backend`);
    return fn();
  } finally {
    console.warn = warn;
    void tf.setBackend(prev);
  }
}

/**
 * The seed argument of tfjs's random ops. tfjs 4.22 treats seed 0 as "no seed" (`seed ? seed : Math.random()`
 * in rand_util), so every seed is passed as its decimal string — what tfjs feeds seedrandom for any other seed.
 */
export function tfSeed(seed: number): number {
  return String(seed) as unknown as number;
}
