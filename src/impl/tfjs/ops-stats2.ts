/** tfjs implementations of the ops of one area (merged into the tfjs implementation). */
import type { TF } from './types.js';

export interface PoolShapeArgs { height: number; width: number; kernel: [number, number]; stride: [number, number] }

/** `cnn.pool2d-shape`: run a real `tf.maxPool` ('valid' padding) on zeros and read the output shape. */
export function pool2dShape(tf: TF, a: PoolShapeArgs): [number, number] {
  return tf.tidy(() => {
    const x = tf.zeros([1, a.height, a.width, 1]) as import('@tensorflow/tfjs').Tensor4D;
    const y = tf.maxPool(x, a.kernel, a.stride, 'valid');
    return [y.shape[1], y.shape[2]];
  });
}

export interface WindowLmArgs { vocab: number; hidden: number; window: number; embed: number }

/**
 * `nn.window-lm-param-count`: build the fixed-window neural LM with tf.layers and count its
 * parameters (model.countParams()). embed > 0: embedding(V→d) → flatten → dense(h, tanh) →
 * dense(V, softmax); embed = 0: the one-hot variant, dense(h) on the concatenated n·V one-hots → dense(V).
 */
export function windowLmParamCount(tf: TF, a: WindowLmArgs): number {
  const model = tf.sequential();
  if (a.embed > 0) {
    model.add(tf.layers.embedding({ inputDim: a.vocab, outputDim: a.embed, inputLength: a.window }));
    model.add(tf.layers.flatten());
    model.add(tf.layers.dense({ units: a.hidden, activation: 'tanh' }));
  } else {
    model.add(tf.layers.dense({ units: a.hidden, activation: 'tanh', inputShape: [a.window * a.vocab] }));
  }
  model.add(tf.layers.dense({ units: a.vocab, activation: 'softmax' }));
  const n = model.countParams();
  model.dispose();
  return n;
}

export function opsExtra(tf: TF): Record<string, (args: any) => any> {
  return {
    'cnn.pool2d-shape': (args: PoolShapeArgs) => pool2dShape(tf, args),
    'nn.window-lm-param-count': (args: WindowLmArgs) => windowLmParamCount(tf, args),
  };
}
