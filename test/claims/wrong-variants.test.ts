/**
 * Power of the bounds: for each slice op a deliberately wrong implementation (a real bug seen in
 * the wild) must be caught by the claim's properties, with a shrunk counterexample whose replay
 * token reproduces the failure. The wrong implementations are built here from tfjs ops; like any
 * implementation under test they import no oracle.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { Implementation, ClaimModule } from '../../src/registry/types.js';
import { createTfjsImplementation } from '../../src/impl/tfjs/index.js';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { runProperty } from '../../src/runner/run-property.js';
import { decodeReplay } from '../../src/runner/replay-token.js';

let base: Implementation;
beforeAll(async () => { base = await createTfjsImplementation('cpu'); });

const claim = (id: string): ClaimModule => CLAIM_MODULES.find((m) => m.id === id)!;
const withOp = (op: string, fn: (a: any) => any): Implementation => ({ ...base, name: `wrong-${op}`, ops: { ...base.ops, [op]: fn } });

function expectCaught(claimId: string, propName: string, impl: Implementation, runs = 200) {
  const prop = claim(claimId).properties.find((p) => p.name === propName)!;
  const r = runProperty(claimId, prop, impl, { seed: 7, runs, backend: 'cpu' });
  expect(r.verdict, r.detail).toMatch(/fail|error/);
  expect(r.counterexample).toBeDefined();
  // The replay token re-runs exactly this failure.
  const info = decodeReplay(r.replay!);
  const again = runProperty(claimId, prop, impl, { seed: info.seed, runs: info.runs, backend: info.backend, path: info.path, ...(info.guard ? { guard: { noSubnormal: info.guard[0] === 1, minRatio: info.guard[1] } } : {}) });
  expect(again.verdict).toBe(r.verdict);
  expect(again.counterexample).toEqual(r.counterexample);
  return r;
}

const sdpaWith = (scale: (d: number) => number, axis: 0 | 1 = 1) => (a: { q: number[][]; k: number[][]; v: number[][]; causal: boolean }) => tf.tidy(() => {
  const T = a.q.length, S = a.k.length, d = a.q[0]!.length;
  let s = tf.mul(tf.matMul(tf.tensor2d(a.q, [T, d]), tf.tensor2d(a.k, [S, d]), false, true), scale(d));
  if (a.causal) s = tf.where(tf.cast(tf.linalg.bandPart(tf.ones([T, S]), -1, 0), 'bool'), s, tf.fill([T, S], -3.4e38));
  const p = axis === 1 ? tf.softmax(s) : tf.transpose(tf.softmax(tf.transpose(s)));
  return tf.matMul(p, tf.tensor2d(a.v)).arraySync();
});

describe('deliberately wrong implementations are caught', () => {
  it('attention scaled by 1/d instead of 1/√d', () => {
    expectCaught('attn.sdpa', 'conformance', withOp('attn.sdpa', sdpaWith((d) => 1 / d)));
  });
  it('attention with the softmax over queries instead of keys', () => {
    expectCaught('attn.sdpa', 'conformance', withOp('attn.sdpa', sdpaWith((d) => 1 / Math.sqrt(d), 0)));
  });
  it('layer norm with ε outside the square root (σ + ε)', () => {
    expectCaught('norm.layernorm', 'conformance', withOp('norm.layernorm', (a) => tf.tidy(() => {
      const x = tf.tensor2d(a.x);
      const { mean, variance } = tf.moments(x, -1, true);
      const y = tf.div(tf.sub(x, mean), tf.add(tf.sqrt(variance), a.eps));
      return tf.add(tf.mul(y, tf.tensor1d(a.gamma)), tf.tensor1d(a.beta)).arraySync();
    })));
  });
  it('biased variance returned when the unbiased S² is asked for', () => {
    expectCaught('stats.sample-variance', 'conformance', withOp('stats.variance', (a) => tf.tidy(() => tf.moments(tf.tensor1d(a.x)).variance.dataSync()[0])));
  });
  it('zero point computed for the unsigned range while clipping to the signed one', () => {
    expectCaught('quant.affine-roundtrip', 'conformance', withOp('quant.affine-params', (a) => {
      const lo = Math.min(a.xmin, 0), hi = Math.max(a.xmax, 0);
      const scale = Math.fround((hi - lo) / (a.qmax - a.qmin));
      return { scale, zeroPoint: Math.round(-lo / scale) };
    }));
  });
  it('Viterbi that ignores transition scores', () => {
    expectCaught('seq.crf-viterbi', 'viterbi', withOp('seq.crf-viterbi', (a) => {
      const path = a.emissions.map((row: number[]) => row.indexOf(Math.max(...row)));
      return { path, score: 0 };
    }));
  });
  it('forward algorithm with max instead of log-sum-exp', () => {
    expectCaught('seq.crf-viterbi', 'log-partition', withOp('seq.crf-logz', (a) => base.ops['seq.crf-viterbi']!(a).score));
  });
  it('softmax without the max shift (overflows on large logits)', () => {
    expectCaught('ret.teacher-softmax', 'conformance', withOp('nn.softmax', (a) => tf.tidy(() => {
      const e = tf.exp(tf.tensor1d(a.x));
      return Array.from(tf.div(e, tf.sum(e)).dataSync());
    })));
  });
  it('ridge with λ added to every entry instead of the diagonal', () => {
    expectCaught('reg.ridge-push-through', 'conformance', withOp('reg.ridge-solve', (a) => {
      const n = a.X[0].length;
      // (XᵀX + λ·11ᵀ) w = Xᵀy, solved by the correct solver through a modified design: add √λ·1ᵀ as an extra row.
      return base.ops['reg.ridge-solve']!({ X: [...a.X, new Array(n).fill(Math.sqrt(a.lambda))], y: [...a.y, 0], lambda: 0 });
    }));
  });
  it('convolution size with ceil instead of floor', () => {
    expectCaught('cnn.out-size', 'conv2d-shape', withOp('cnn.conv2d-shape', (a) => [
      Math.ceil((a.height - a.kernel[0] + 2 * a.padding[0]) / a.stride[0]) + 1,
      Math.ceil((a.width - a.kernel[1] + 2 * a.padding[1]) / a.stride[1]) + 1,
    ]));
  });
  it('BPE learner that counts each distinct word once (ignores frequencies)', () => {
    expectCaught('text.bpe-learner', 'tie-aware', withOp('text.bpe-train', (a) => {
      const ones = Object.fromEntries(Object.keys(a.words).map((w) => [w, 1]));
      return base.ops['text.bpe-train']!({ ...a, words: ones });
    }));
  });
  it('BPE encoder that applies merges right to left', () => {
    expectCaught('text.bpe-segment', 'conformance', withOp('text.bpe-encode', (a) => {
      let sy = [...Array.from(a.word as string), a.endOfWord];
      for (const [l, r] of a.merges as [string, string][]) {
        for (let i = sy.length - 2; i >= 0; i--) if (sy[i] === l && sy[i + 1] === r) { sy.splice(i, 2, l + r); }
      }
      return sy;
    }));
  });
});
