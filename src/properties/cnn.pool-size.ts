/**
 * cnn.pool-size — a max-pooling layer of size K and stride S maps width W to ⌊(W − K)/S⌋ + 1
 * (floor mode, no padding). The notes write (W − K)/S + 1 without the floor, which is not an
 * integer whenever S ∤ W − K.
 * Seed 002_606757b0cdfd2eb0.txt, line 354: "$$W' = \frac{W-K}{S} + 1$$"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { poolOutSize } from '../oracles/convolution.js';

export const poolArb = fc.record({
  height: fc.integer({ min: 1, max: 20 }),
  width: fc.integer({ min: 1, max: 20 }),
  kh: fc.integer({ min: 1, max: 6 }),
  kw: fc.integer({ min: 1, max: 6 }),
  sh: fc.integer({ min: 1, max: 5 }),
  sw: fc.integer({ min: 1, max: 5 }),
}).filter((a) => a.kh <= a.height && a.kw <= a.width);

/** The first (W, K, S) in lexicographic order where (W − K)/S + 1 is not an integer. */
function firstNonInteger(): [number, number, number] {
  for (let W = 1; W < 20; W++) for (let K = 1; K <= W; K++) for (let S = 1; S <= 4; S++) if ((W - K) % S !== 0) return [W, K, S];
  throw new Error('unreachable');
}

export const claim: ClaimModule = {
  id: 'cnn.pool-size',
  properties: [
    {
      name: 'exact-count',
      kind: 'identity',
      description: 'The number of window positions {0, S, 2S, …} with start + K ≤ W, counted by enumeration, equals ⌊(W − K)/S⌋ + 1; it equals the notes’ (W − K)/S + 1 iff S divides W − K.',
      arbitrary: poolArb,
      runs: 200,
      check: (a) => {
        let count = 0;
        for (let s = 0; s + a.kw <= a.width; s += a.sw) count++;
        const f = poolOutSize(a.width, a.kw, a.sw);
        const asWritten = (a.width - a.kw) / a.sw + 1;
        const agree = (a.width - a.kw) % a.sw === 0;
        return count === f && (asWritten === f) === agree ? { ok: true } : { ok: false, detail: `count ${count}, floor formula ${f}, as written ${asWritten}` };
      },
    },
    {
      name: 'maxpool-shape',
      kind: 'conformance',
      description: 'A real 2-D max pool (no padding) produces the output height and width ⌊(W − K)/S⌋ + 1.',
      arbitrary: poolArb,
      ops: ['cnn.pool2d-shape'],
      runs: 120,
      check: (a, impl) => {
        const got = impl!.ops['cnn.pool2d-shape']!({ height: a.height, width: a.width, kernel: [a.kh, a.kw], stride: [a.sh, a.sw] }) as number[];
        const want = [poolOutSize(a.height, a.kh, a.sh), poolOutSize(a.width, a.kw, a.sw)];
        return got[0] === want[0] && got[1] === want[1] ? { ok: true } : { ok: false, detail: `output shape [${got}] but ⌊(W−K)/S⌋+1 gives [${want}]` };
      },
    },
  ],
  audit: () => {
    const [W, K, S] = firstNonInteger();
    return [
      {
        id: 'cnn.pool-size',
        verdict: 'refuted',
        evidence: `002:354–356 "W' = (W−K)/S + 1" has no floor. Smallest case (W, K, S) = (${W}, ${K}, ${S}): (W−K)/S + 1 = ${(W - K) / S + 1}, not an integer; ` +
          `floor-mode pooling (tf.maxPool 'valid', checked by the conformance property) gives ⌊(W−K)/S⌋ + 1 = ${poolOutSize(W, K, S)}. ` +
          `Common case W = 7, K = 2, S = 2: ${(7 - 2) / 2 + 1} vs ${poolOutSize(7, 2, 2)}. The formula is right exactly when S divides W − K (e.g. K = S = 2 on even W).`,
      },
    ];
  },
};
