/** The built-in implementation (TensorFlow.js) of the pretraining domain's ops. Never imports an oracle or lemmata's numerics. */
import type { TF } from './types.js';

/**
 * `pre.squad-best-span` as HF's QA post-processing does it: the n × n matrix start[:, None] + end[None, :],
 * pairs with j < i or j − i ≥ maxLen masked to −∞ (a band of the upper triangle), argmax of the flattened
 * matrix (first maximiser in row-major order).
 */
function bestSpan(tf: TF, a: { start: number[]; end: number[]; maxLen: number }): { start: number; end: number } {
  const n = a.start.length;
  const idx = tf.tidy(() => {
    const s = tf.tensor1d(a.start).reshape([n, 1]);
    const e = tf.tensor1d(a.end).reshape([1, n]);
    const scores = tf.add(s, e);
    const band = tf.linalg.bandPart(tf.ones([n, n]), 0, Math.min(a.maxLen, n) - 1);
    const masked = tf.where(tf.greater(band, 0), scores, tf.fill([n, n], -Infinity));
    return masked.reshape([n * n]).argMax();
  });
  const k = (idx.dataSync() as Int32Array)[0]!;
  idx.dispose();
  return { start: Math.floor(k / n), end: k % n };
}

interface MlmArgs { tokens: number[]; vocab: number; maskId: number; special: number[]; seed: number }

/**
 * `pre.mlm-mask` as HF DataCollatorForLanguageModeling: three seeded float32 uniform streams (selection,
 * mask, random-vs-keep) and one for the random ids: selected = u₁ < 0.15 and not special; masked =
 * selected and u₂ < 0.8; random = selected, not masked and u₃ < 0.5, replaced by ⌊u₄·V⌋.
 */
function mlmMask(tf: TF, a: MlmArgs): { input: number[]; labels: number[] } {
  const n = a.tokens.length;
  if (n === 0) return { input: [], labels: [] };
  const u = (k: number) => tf.tidy(() => Array.from(tf.randomUniform([n], 0, 1, 'float32', `${a.seed}/${k}`).dataSync()));
  const [u1, u2, u3, u4] = [u(1), u(2), u(3), u(4)];
  const special = new Set(a.special);
  const input = a.tokens.slice(), labels = new Array<number>(n).fill(-100);
  for (let i = 0; i < n; i++) {
    if (special.has(a.tokens[i]!) || !(u1[i]! < 0.15)) continue;
    labels[i] = a.tokens[i]!;
    if (u2[i]! < 0.8) input[i] = a.maskId;
    else if (u3[i]! < 0.5) input[i] = Math.min(a.vocab - 1, Math.floor(u4[i]! * a.vocab));
  }
  return { input, labels };
}

export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'pre.squad-best-span': (a: { start: number[]; end: number[]; maxLen: number }) => bestSpan(tf, a),
    'pre.mlm-mask': (a: MlmArgs) => mlmMask(tf, a),
  };
}
