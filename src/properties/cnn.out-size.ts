/**
 * cnn.out-size — W' = ⌊(W − K + 2P)/S⌋ + 1.
 * Seed 002_606757b0cdfd2eb0.txt, line 346: "$$W' = \left\lfloor \frac{W-K+2P}{S} \right\rfloor + 1$$"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { convOutSize, poolSizeAsWritten } from '../oracles/convolution.js';

const dimArb = fc.record({
  height: fc.integer({ min: 1, max: 20 }),
  width: fc.integer({ min: 1, max: 20 }),
  kh: fc.integer({ min: 1, max: 6 }),
  kw: fc.integer({ min: 1, max: 6 }),
  sh: fc.integer({ min: 1, max: 5 }),
  sw: fc.integer({ min: 1, max: 5 }),
  ph: fc.integer({ min: 0, max: 3 }),
  pw: fc.integer({ min: 0, max: 3 }),
}).filter((a) => a.kh <= a.height + 2 * a.ph && a.kw <= a.width + 2 * a.pw);

export const claim: ClaimModule = {
  id: 'cnn.out-size',
  properties: [
    {
      name: 'conv2d-shape',
      kind: 'conformance',
      description: 'A real conv2d with explicit symmetric padding produces the output height and width ⌊(W−K+2P)/S⌋+1.',
      arbitrary: dimArb,
      ops: ['cnn.conv2d-shape'],
      runs: 120,
      check: (a, impl) => {
        const got = impl!.ops['cnn.conv2d-shape']!({ height: a.height, width: a.width, kernel: [a.kh, a.kw], stride: [a.sh, a.sw], padding: [a.ph, a.pw] }) as number[];
        const want = [convOutSize(a.height, a.kh, a.ph, a.sh), convOutSize(a.width, a.kw, a.pw, a.sw)];
        return got[0] === want[0] && got[1] === want[1]
          ? { ok: true }
          : { ok: false, detail: `output shape [${got}] but the formula gives [${want}]` };
      },
    },
  ],
  audit: () => {
    const checks: [number, number, number, number, number][] = [[32, 5, 2, 1, 32], [7, 3, 0, 2, 3], [224, 11, 2, 4, 55]];
    const ok = checks.every(([W, K, P, S, want]) => convOutSize(W, K, P, S) === want);
    const pool = poolSizeAsWritten(7, 2, 2);
    return [
      {
        id: 'cnn.out-size',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `Formula 002:346–348 agrees with real conv2d shapes on every generated case (conformance property). ` +
          `The notes have no numeric example; reference points: W=32,K=5,P=2,S=1 → 32; W=7,K=3,P=0,S=2 → 3; W=224,K=11,P=2,S=4 → 55 (AlexNet).`,
      },
      {
        id: 'cnn.out-size#pool-floor',
        verdict: 'refuted',
        evidence: `The pooling formula 002:354 "$$W' = \\frac{W-K}{S} + 1$$" has no floor: W = 7, K = 2, S = 2 gives ` +
          `${pool.num}/${pool.den} = ${pool.num / pool.den}, not an integer; floor-mode pooling gives ⌊(7−2)/2⌋+1 = ${convOutSize(7, 2, 0, 2)}.`,
      },
    ];
  },
};
