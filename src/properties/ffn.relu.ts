/**
 * ffn.relu — ReLU(x) = max(0, x): piecewise linear, zero for negative inputs (004:2192); the
 * position-wise feed-forward network FNN(x) = ReLU(xW₁ + b₁)W₂ + b₂ (000:463) acts on each position
 * separately — no dependencies between positions, unlike self-attention (003:352) — and is affine on
 * each region of constant activation pattern.
 * Seed 004_975819c312b074f9.txt, line 2192.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { QMatrix } from '../numerics/matrix.js';
import { Rational } from '../numerics/rational.js';
import { ffnRelu, reluQ, addRow } from '../oracles/attention.js';
import { qmatArb, qvecArb, showM, prop } from './attn-shared.js';
import { smallRational } from './arbitraries.js';

const ffnArb = fc.record({ n: fc.integer({ min: 2, max: 4 }), d: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 5 }) })
  .chain(({ n, d, m }) => fc.record({
    X: qmatArb(n, d), W1: qmatArb(d, m), b1: qvecArb(m), W2: qmatArb(m, d), b2: qvecArb(d),
    row: fc.integer({ min: 0, max: n - 1 }), delta: qmatArb(1, d),
  }));

export const claim: ClaimModule = {
  id: 'ffn.relu',
  properties: [
    prop({
      name: 'relu-piecewise-linear',
      kind: 'identity',
      description: 'ReLU(x) = max(0, x) = (x + |x|)/2: 0 for x ≤ 0, x for x ≥ 0, and ReLU(αx) = αReLU(x) for α ≥ 0 (exact rationals).',
      arbitrary: fc.record({ x: smallRational(50, 8), alpha: smallRational(20, 6).map((a) => a.abs()) }),
      runs: 100,
      check: ({ x, alpha }) => {
        const r = (v: Rational) => reluQ(new QMatrix(1, 1, [v])).get(0, 0);
        const rx = r(x);
        if (!rx.eq(Rational.max(Rational.ZERO, x))) return { ok: false, detail: `ReLU(${x}) = ${rx}` };
        if (!rx.eq(x.add(x.abs()).div(Rational.fromInt(2)))) return { ok: false, detail: `(x + |x|)/2 ≠ ReLU(x) at ${x}` };
        if (x.sign() < 0 && !rx.isZero()) return { ok: false, detail: `negative input ${x} gives ${rx}` };
        return r(alpha.mul(x)).eq(alpha.mul(rx)) ? { ok: true } : { ok: false, detail: `ReLU(${alpha}·${x}) ≠ ${alpha}·ReLU(${x})` };
      },
    }),
    prop({
      name: 'position-wise',
      kind: 'identity',
      description: 'Changing one row (position) of X changes only that row of FNN(X); the self-attention mix AX with a strictly positive pattern changes other rows too (003:352).',
      arbitrary: ffnArb,
      runs: 100,
      check: ({ X, W1, b1, W2, b2, row, delta }) => {
        const X2 = new QMatrix(X.rows, X.cols, X.data.map((x, k) => (Math.floor(k / X.cols) === row ? x.add(delta.data[k % X.cols]!) : x)));
        const Y = ffnRelu(X, W1, b1, W2, b2), Y2 = ffnRelu(X2, W1, b1, W2, b2);
        for (let i = 0; i < X.rows; i++) {
          if (i === row) continue;
          for (let j = 0; j < Y.cols; j++) if (!Y.get(i, j).eq(Y2.get(i, j))) return { ok: false, detail: `row ${i} changed when row ${row} did` };
        }
        // a uniform attention pattern mixes the change into every row
        const n = X.rows, U = new QMatrix(n, n, new Array<Rational>(n * n).fill(Rational.of(1, n)));
        const diff = U.mul(X2).sub(U.mul(X));
        const changed = delta.data.some((x) => !x.isZero());
        return !changed || diff.data.some((x) => !x.isZero()) ? { ok: true } : { ok: false, detail: 'uniform attention did not propagate the change' };
      },
    }),
    prop({
      name: 'affine-on-pattern',
      kind: 'identity',
      description: 'On each row, FNN(x) = (D(xW₁ + b₁))W₂ + b₂ with D = diag(1[xW₁ + b₁ > 0]) its activation pattern: the network is affine on every region of constant pattern.',
      arbitrary: ffnArb,
      runs: 100,
      check: ({ X, W1, b1, W2, b2 }) => {
        const Hpre = addRow(X.mul(W1), b1);
        const Y = ffnRelu(X, W1, b1, W2, b2);
        for (let i = 0; i < X.rows; i++) {
          const m = W1.cols;
          const D = new QMatrix(m, m, Array.from({ length: m * m }, (_, k) => (k % (m + 1) === 0 && Hpre.get(i, k / (m + 1)).sign() > 0 ? Rational.ONE : Rational.ZERO)));
          const h = new QMatrix(1, m, Hpre.data.slice(i * m, (i + 1) * m));
          const y = addRow(h.mul(D).mul(W2), b2);
          for (let j = 0; j < Y.cols; j++) if (!y.get(0, j).eq(Y.get(i, j))) return { ok: false, detail: `row ${i}: ${showM(y)} vs ${Y.get(i, j)}` };
        }
        return { ok: true };
      },
    }),
  ],
  audit: () => {
    const xs = [-3, -1, 0, 2, 5].map((v) => Rational.of(v));
    const r = xs.map((x) => reluQ(new QMatrix(1, 1, [x])).get(0, 0));
    return [
      {
        id: 'ffn.relu',
        verdict: 'confirmed',
        evidence: `ReLU(x) = max(0, x): (${xs.join(', ')}) ↦ (${r.join(', ')}); linear with slope 0 on x < 0 and 1 on x > 0, kink at 0 ("sharp, piecewise-linear, zero for negative values", 004:2192).`,
      },
      {
        id: 'ffn.relu#position-wise',
        verdict: 'confirmed',
        evidence: '003:352: the FFN (000:463) maps each position by the same function independently — changing one position changes only its output (property position-wise) — while self-attention mixes positions.',
      },
    ];
  },
};
