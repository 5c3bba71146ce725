import type { TF } from './types.js';

export interface ConvShapeArgs { height: number; width: number; kernel: [number, number]; stride: [number, number]; padding: [number, number] }

/** `cnn.conv2d-shape`: run a real `tf.conv2d` on zeros with explicit padding and read the output shape. */
export function conv2dShape(tf: TF, a: ConvShapeArgs): [number, number] {
  return tf.tidy(() => {
    const x = tf.zeros([1, a.height, a.width, 1]) as import('@tensorflow/tfjs').Tensor4D;
    const w = tf.zeros([a.kernel[0], a.kernel[1], 1, 1]) as import('@tensorflow/tfjs').Tensor4D;
    const pad: [[number, number], [number, number], [number, number], [number, number]] =
      [[0, 0], [a.padding[0], a.padding[0]], [a.padding[1], a.padding[1]], [0, 0]];
    const y = tf.conv2d(x, w, a.stride, pad);
    return [y.shape[1], y.shape[2]];
  });
}

/** `cnn.pool2d-shape` with a real tf.maxPool. */

export interface PoolShapeArgs { height: number; width: number; kernel: [number, number]; stride: [number, number] }

/** `cnn.pool2d-shape`: run a real `tf.maxPool` ('valid' padding) on zeros and read the output shape. */
export function pool2dShape(tf: TF, a: PoolShapeArgs): [number, number] {
  return tf.tidy(() => {
    const x = tf.zeros([1, a.height, a.width, 1]) as import('@tensorflow/tfjs').Tensor4D;
    const y = tf.maxPool(x, a.kernel, a.stride, 'valid');
    return [y.shape[1], y.shape[2]];
  });
}

/**
 * tfjs implementations of the gradient ops: every gradient is computed by tfjs
 * autodiff (tf.grad / tf.grads) of the forward computation — never by a hand-written formula.
 *
 * Routing: the wasm backend has no `Conv2DBackpropFilter` kernel, so `cnn.conv2d-filter-grad`
 * runs on the `cpu` backend when the active backend is `wasm`: the engine is switched to `cpu`
 * (an already-registered synchronous backend, so `tf.setBackend` completes synchronously), the
 * inputs are created there, the gradient is read back, and the previous backend is restored in a
 * `finally`. Nothing else changes; the result is the same plain array.
 */

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

/** The ops of this domain in the built-in implementation. */
export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'cnn.conv2d-shape': (a: ConvShapeArgs) => conv2dShape(tf, a),
    'cnn.pool2d-shape': (a: PoolShapeArgs) => pool2dShape(tf, a),
    'cnn.conv2d-filter-grad': (a: Conv2dFilterGradArgs) => conv2dFilterGrad(tf, a),
  };
}
