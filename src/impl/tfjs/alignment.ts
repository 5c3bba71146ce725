/** The built-in implementation (TensorFlow.js) of the alignment domain's ops. Never imports an oracle or lemmata's numerics. */
import type { TF } from './types.js';

/** `loss.reward-pairwise`: mean softplus(r_l − r_w) = −mean log σ(r_w − r_l), float32. */
export function rewardPairwise(tf: TF, a: { chosen: number[]; rejected: number[] }): number {
  return tf.tidy(() => {
    const c = tf.tensor1d(a.chosen, 'float32');
    const r = tf.tensor1d(a.rejected, 'float32');
    return tf.softplus(r.sub(c)).mean().dataSync()[0]!;
  });
}

interface DpoArgs { policyChosen: number[]; policyRejected: number[]; refChosen: number[]; refRejected: number[]; beta: number }

/**
 * `loss.dpo` as TRL writes it: logits = (π_w − π_l) − (ρ_w − ρ_l), losses = −logsigmoid(β·logits),
 * mean; the gradient with respect to the policy log-probabilities by tf.valueAndGrads (autodiff).
 */
export function dpo(tf: TF, a: DpoArgs): { loss: number; gradChosen: number[]; gradRejected: number[] } {
  return tf.tidy(() => {
    const rc = tf.tensor1d(a.refChosen, 'float32');
    const rr = tf.tensor1d(a.refRejected, 'float32');
    const beta = tf.scalar(a.beta, 'float32');
    // −logsigmoid(z) = softplus(−z) (tf.logSigmoid's own custom gradient fails on the wasm backend)
    const f = (pc: any, pr: any) => {
      const logits = tf.sub(tf.sub(pc, pr), tf.sub(rc, rr));
      return tf.mean(tf.softplus(tf.neg(tf.mul(beta, logits))));
    };
    const { value, grads } = tf.valueAndGrads(f as any)([tf.tensor1d(a.policyChosen, 'float32'), tf.tensor1d(a.policyRejected, 'float32')]);
    return {
      loss: value.dataSync()[0]!,
      gradChosen: Array.from(grads[0]!.dataSync()),
      gradRejected: Array.from(grads[1]!.dataSync()),
    };
  });
}

/** The ops of this domain in the built-in implementation. */
export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'loss.reward-pairwise': (a: { chosen: number[]; rejected: number[] }) => rewardPairwise(tf, a),
    'loss.dpo': (a: DpoArgs) => dpo(tf, a),
  };
}
