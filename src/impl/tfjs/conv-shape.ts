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
