/**
 * ssm.doubling — for L = 2^t the powers X^L = (I, A, …, A^{L−1}) are built in t rounds of
 * X^{2m} = (X^m, A^m X^m), A^{2m} = A^m A^m, and the SSM kernel is K_l = C·(X^L)_{l−1}·B.
 * Seed 002_606757b0cdfd2eb0.txt, line 597: "X^L = (X^{L/2}, A^{L/2} X^{L/2}), \quad A^L = A^{L/2} A^{L/2}"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { doubling, naivePower, ssmKernel, type QSsm } from '../oracles/state-space.js';

const q = fc.integer({ min: -6, max: 6 }).map((k) => Rational.of(k, 4));
const caseArb = fc.record({ n: fc.integer({ min: 1, max: 3 }), t: fc.integer({ min: 0, max: 4 }) }).chain(({ n, t }) => fc.record({
  A: fc.array(fc.array(q, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }).map((r) => QMatrix.from(r)),
  B: fc.array(q, { minLength: n, maxLength: n }),
  C: fc.array(q, { minLength: n, maxLength: n }),
  t: fc.constant(t),
}));

const col = (v: Rational[]) => new QMatrix(v.length, 1, v);
const row = (v: Rational[]) => new QMatrix(1, v.length, v);

export const claim: ClaimModule = {
  id: 'ssm.doubling',
  properties: [
    {
      name: 'blocks',
      kind: 'identity',
      description: 'Exactly: t rounds of X ← (X, A^m X), A^m ← A^m A^m starting from (I), A give X^{2^t} = (I, A, …, A^{2^t − 1}) and A^{2^t}.',
      arbitrary: caseArb,
      runs: 80,
      check: ({ A, t }) => {
        const L = 2 ** t;
        const { blocks, power, rounds } = doubling(A, t);
        if (rounds !== t || blocks.length !== L) return { ok: false, detail: `rounds ${rounds}, blocks ${blocks.length}, L = ${L}` };
        for (let k = 0; k < L; k++) if (!blocks[k]!.equals(naivePower(A, k))) return { ok: false, detail: `block ${k} ≠ A^${k}` };
        return power.equals(naivePower(A, L)) ? { ok: true } : { ok: false, detail: `A^L mismatch for L = ${L}` };
      },
    },
    {
      name: 'kernel',
      kind: 'identity',
      description: 'Exactly: C·(X^L)_{l−1}·B reproduces the kernel entries CA^{l−1}B, l = 1..L.',
      arbitrary: caseArb,
      runs: 80,
      check: ({ A, B, C, t }) => {
        const L = 2 ** t;
        const { blocks } = doubling(A, t);
        const s: QSsm = { A, B, C, D: Rational.ZERO };
        const K = ssmKernel(s, L + 1).slice(1);
        const viaX = blocks.map((X) => row(C).mul(X).mul(col(B)).data[0]!);
        return K.every((v, i) => v.eq(viaX[i]!)) ? { ok: true } : { ok: false, detail: `[${viaX.join(', ')}] ≠ [${K.join(', ')}]` };
      },
    },
  ],
  audit: () => {
    const A = QMatrix.from([[Rational.of(1, 2), Rational.ONE], [Rational.of(-1, 4), Rational.ZERO]]);
    const t = 3;
    const { blocks, power, rounds } = doubling(A, t);
    const ok = blocks.every((X, k) => X.equals(naivePower(A, k))) && power.equals(naivePower(A, 8));
    return [
      {
        id: 'ssm.doubling',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `A = [[1/2, 1], [−1/4, 0]], L = 8: ${rounds} doubling rounds give the 8 blocks (I, A, …, A⁷) and A⁸ = ${power.toString()} exactly as repeated multiplication does. ` +
          'Each round is one matrix product A^m·X^m (n × n by n × nm, all blocks in parallel) plus one squaring A^m·A^m, both depending only on A^m, so a round has depth ' +
          '1 + ⌈log₂ n⌉ (products, then a summation tree over n terms): t = log₂ L rounds give depth t(1 + ⌈log₂ n⌉) = O(log n · log L) as at 002:599.',
      },
    ];
  },
};
