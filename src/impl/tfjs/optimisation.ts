/** tfjs implementations of the ops of this domain. */
import type { TF } from './types.js';

export interface GdStepsArgs { sigma: number[]; y: number[]; w0: number[]; eta: number; steps: number }

/** `opt.gd-steps`: w ← w + (2η·σ)⊙(y − σ⊙w), in float32, `steps` times. */
export function gdSteps(tf: TF, a: GdStepsArgs): number[] {
  return tf.tidy(() => {
    const s = tf.tensor1d(a.sigma, 'float32');
    const y = tf.tensor1d(a.y, 'float32');
    const c = tf.mul(tf.scalar(2 * a.eta, 'float32'), s);
    let w = tf.tensor1d(a.w0, 'float32');
    for (let t = 0; t < a.steps; t++) w = tf.add(w, tf.mul(c, tf.sub(y, tf.mul(s, w))));
    return Array.from(w.dataSync());
  });
}

export function ops(tf: TF): Record<string, (args: any) => any> {
  return { 'opt.gd-steps': (a: GdStepsArgs) => gdSteps(tf, a) };
}
