/**
 * rnn.window-lm-params — the fixed-window neural LM ŷ = softmax(Uh + b₂), h = f(We + b₁), with a
 * window of n = 4 one-hot words (input 4V) has W ∈ R^{h×4V}, U ∈ R^{V×h}: 4Vh + Vh = 5Vh weights,
 * plus the biases b₁ ∈ R^h, b₂ ∈ R^V. With an embedding matrix E ∈ R^{V×d} the count is
 * Vd + 4dh + h + Vh + V. The notes' "= svh" is a typo for 5vh, and the biases are omitted.
 * Seed 003_c2e944a0f3874627.txt, line 56: "$$\text{Number of parameters} = 4vh + vh = svh$$"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { windowLmParams } from '../oracles/recurrent.js';
import { classes, sizeUpTo, type Tagged } from './gen-helpers.js';

/**
 * Input classes of `nn.window-lm-param-count` (weights /20):
 * - small: V 2–40, h 1–16, n 1–5, d = 0 or 1–8;
 * - realistic: V 10⁴–2.5·10⁵, h 128–4096, n 2–10, d = 0 or 50–1024 (counts beyond 2³¹: int32 overflow shows; maxima reached);
 * - minimal: V, h, n ∈ {1, 2}, d ∈ {0, 1} (the edges of every factor).
 */
export const lmArb: fc.Arbitrary<Tagged<{ vocab: number; hidden: number; window: number; embed: number }>> = classes([
  {
    name: 'small', weight: 12,
    arb: fc.record({ vocab: fc.integer({ min: 2, max: 40 }), hidden: fc.integer({ min: 1, max: 16 }), window: fc.integer({ min: 1, max: 5 }), embed: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 8 })) }),
  },
  {
    name: 'realistic', weight: 6,
    arb: fc.record({ vocab: sizeUpTo(10_000, 250_000), hidden: sizeUpTo(128, 4096), window: sizeUpTo(2, 10), embed: fc.oneof(fc.constant(0), sizeUpTo(50, 1024)) }),
  },
  {
    name: 'minimal', weight: 2,
    arb: fc.record({ vocab: fc.integer({ min: 1, max: 2 }), hidden: fc.integer({ min: 1, max: 2 }), window: fc.integer({ min: 1, max: 2 }), embed: fc.integer({ min: 0, max: 1 }) }),
  },
]);

export const claim: ClaimModule = {
  id: 'rnn.window-lm-params',
  properties: [
    {
      name: 'leading-term',
      kind: 'identity',
      description: 'With one-hot inputs (no separate embedding) the count is (n + 1)Vh + h + V: the notes’ 4vh + vh = 5vh for n = 4 plus the h + V biases.',
      arbitrary: lmArb.map((a) => ({ ...a, embed: 0 })),
      runs: 100,
      check: ({ vocab: V, hidden: h, window: n }) => {
        const c = windowLmParams(V, h, n, 0);
        return c === (n + 1) * V * h + h + V ? { ok: true } : { ok: false, detail: `count ${c}` };
      },
    },
    {
      name: 'tfjs-count',
      kind: 'conformance',
      description: 'The parameter count of the window LM (tfjs: a real tf.layers model’s countParams()) equals the exact count, with or without an embedding layer, from tiny to realistic sizes (V ≤ 2.5·10⁵, h ≤ 4096: counts beyond 2³¹).',
      arbitrary: lmArb,
      ops: ['nn.window-lm-param-count'],
      runs: 100,
      check: (a, impl) => {
        const got = impl!.ops['nn.window-lm-param-count']!({ vocab: a.vocab, hidden: a.hidden, window: a.window, embed: a.embed }) as number;
        const want = windowLmParams(a.vocab, a.hidden, a.window, a.embed);
        return got === want ? { ok: true } : { ok: false, detail: `model has ${got} parameters, exact count ${want}` };
      },
    },
  ],
  audit: () => {
    const V = 10000, h = 500, d = 300;
    const exact = windowLmParams(V, h, 4, 0);
    return [
      {
        id: 'rnn.window-lm-params',
        verdict: 'refuted',
        evidence: `Reading the diagram's "4V one-hot" input as fed to W ∈ R^{h×4V} (no separate embedding): weights 4Vh + Vh = 5Vh are right, but the biases b₁ ∈ R^h, b₂ ∈ R^V of 003:60 and 003:70 are omitted. ` +
          `V = ${V}, h = ${h}: 5Vh = ${5 * V * h}, exact ${exact} (difference h + V = ${h + V}). ` +
          `With a d-dimensional embedding matrix (the e^{(i)} of 003:74) the count is Vd + 4dh + h + Vh + V = ${windowLmParams(V, h, 4, d)} for d = ${d}. tf.layers models agree (conformance).`,
      },
      {
        id: 'rnn.window-lm-params#svh-typo',
        verdict: 'confirmed',
        evidence: `Typo, graded on the intended meaning: "4vh + vh = svh" (003:56): 4vh + vh = 5vh; "s" is a transcription slip for 5.`,
      },
    ];
  },
};
