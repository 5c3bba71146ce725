/**
 * tfjs implementations of the gradient ops (area `grad`): every gradient is computed by tfjs
 * autodiff (tf.grad / tf.grads) of the forward computation — never by a hand-written formula.
 *
 * Routing: the wasm backend has no `Conv2DBackpropFilter` kernel, so `cnn.conv2d-filter-grad`
 * runs on the `cpu` backend when the active backend is `wasm`: the engine is switched to `cpu`
 * (an already-registered synchronous backend, so `tf.setBackend` completes synchronously), the
 * inputs are created there, the gradient is read back, and the previous backend is restored in a
 * `finally`. Nothing else changes; the result is the same plain array.
 */
import type { TF } from './types.js';

export interface Conv2dFilterGradArgs {
  /** Input, H×W (one channel, batch 1, as the notes: "channel is 1"). */
  x: number[][];
  /** Upstream gradient ∂L/∂y, shape of the conv output. */
  dy: number[][];
  /** Kernel size [kh, kw]. */
  kernel: [number, number];
  stride: number;
  padding: 'valid' | 'same';
}

export interface BnBackwardArgs {
  /** Batch × features. */
  x: number[][];
  gamma: number[];
  beta: number[];
  /** ∂L/∂y, batch × features. */
  dy: number[][];
  eps: number;
}

/** Run `fn` on the cpu backend when the active backend lacks the kernel (wasm), then restore. */
function onCpuIfWasm<T>(tf: TF, fn: () => T): T {
  const prev = tf.getBackend();
  if (prev !== 'wasm') return fn();
  const warn = console.warn;
  console.warn = () => {}; // the cpu backend's one-time "use tfjs-node" banner
  try {
    void tf.setBackend('cpu'); // synchronous in effect: cpu initialises synchronously
    if (tf.getBackend() !== 'cpu') throw new Error('cnn.conv2d-filter-grad: could not switch to the cpu backend');
    return fn();
  } finally {
    console.warn = warn;
    void tf.setBackend(prev);
  }
}

/** dW = ∂/∂W Σ conv2d(x, W) ⊙ dy, by tf.grad (Conv2DBackpropFilter). */
export function conv2dFilterGrad(tf: TF, a: Conv2dFilterGradArgs): number[][] {
  const H = a.x.length, Wd = a.x[0]!.length;
  const [kh, kw] = a.kernel;
  return onCpuIfWasm(tf, () => tf.tidy(() => {
    const x = tf.tensor4d(a.x.flat(), [1, H, Wd, 1], 'float32');
    const oh = a.dy.length, ow = a.dy[0]!.length;
    const dy = tf.tensor4d(a.dy.flat(), [1, oh, ow, 1], 'float32');
    const w0 = tf.zeros([kh, kw, 1, 1], 'float32');
    const g = tf.grad((w: any) => tf.sum(tf.mul(tf.conv2d(x, w, a.stride, a.padding), dy)))(w0);
    return (g.reshape([kh, kw]).arraySync() as number[][]);
  }));
}

/**
 * Batch norm, training mode, over the batch axis (axis 0), written with primitive ops so that the
 * backward graph is known (src/numerics/bounds-grad.ts models it op by op):
 *   μ = mean(x, 0); c = x − μ; v = mean(c², 0); s = √(v + ε); x̂ = c / s; y = γ x̂ + β;
 *   L = Σ y ⊙ dy;  returns tf.grads(L) w.r.t. (x, γ, β).
 */
export function bnBackward(tf: TF, a: BnBackwardArgs): { dx: number[][]; dgamma: number[]; dbeta: number[] } {
  const N = a.x.length, D = a.x[0]!.length;
  return tf.tidy(() => {
    const x = tf.tensor2d(a.x, [N, D], 'float32');
    const gamma = tf.tensor1d(a.gamma, 'float32');
    const beta = tf.tensor1d(a.beta, 'float32');
    const dy = tf.tensor2d(a.dy, [N, D], 'float32');
    const eps = tf.scalar(a.eps, 'float32');
    const f = (xx: any, g: any, b: any) => {
      const mu = tf.mean(xx, 0);
      const c = tf.sub(xx, mu);
      const v = tf.mean(tf.square(c), 0);
      const s = tf.sqrt(tf.add(v, eps));
      const y = tf.add(tf.mul(g, tf.div(c, s)), b);
      return tf.sum(tf.mul(y, dy));
    };
    const [dx, dg, db] = tf.grads(f)([x, gamma, beta]);
    return { dx: dx!.arraySync() as number[][], dgamma: dg!.arraySync() as number[], dbeta: db!.arraySync() as number[] };
  });
}

export function opsExtra(tf: TF): Record<string, (args: any) => any> {
  return {
    'cnn.conv2d-filter-grad': (a: Conv2dFilterGradArgs) => conv2dFilterGrad(tf, a),
    'bn.backward': (a: BnBackwardArgs) => bnBackward(tf, a),
  };
}
