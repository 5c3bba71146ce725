/**
 * rnn.linear-grad — linear RNN h_t = W^h h_{t−1} + W^x x_t + b, many-to-one ŷ = Wᵀh_T + b′,
 * L = (ŷ − y)²: ∂L/∂h_t = 2(ŷ − y)·Wᵀ(W^h)^{T−t}.
 * Seed 002_606757b0cdfd2eb0.txt, line 504: "\frac{\partial L}{\partial h_t} = 2(\hat{y}_t - y) W^T (W^h)^{T-t}"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { dLdhCentral, dLdhNotes, vecMat, type LinearRnn, type Mat, type Vec } from '../oracles/recurrent.js';
import { smallRational } from './arbitraries.js';

const vec = (n: number) => fc.array(smallRational(5, 3), { minLength: n, maxLength: n });
const mat = (r: number, c: number) => fc.array(vec(c), { minLength: r, maxLength: r });

/** Small linear RNNs: hidden size 1–3, input size 1–2, T = 1–5, rational weights. */
export const rnnArb: fc.Arbitrary<LinearRnn> = fc.record({ m: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 2 }), T: fc.integer({ min: 1, max: 5 }) })
  .chain(({ m, n, T }) => fc.record({
    A: mat(m, m), B: mat(m, n), b: vec(m), w: vec(m), c: smallRational(5, 3), y: smallRational(5, 3), h0: vec(m),
    xs: fc.array(vec(n), { minLength: T, maxLength: T }),
  }));

export const claim: ClaimModule = {
  id: 'rnn.linear-grad',
  properties: [
    {
      name: 'dL-dh',
      kind: 'identity',
      description: 'For every t ≤ T, the exact ∂L/∂h_t (central differences, exact because L is quadratic in h_t) equals 2(ŷ_T − y)·Wᵀ(W^h)^{T−t}.',
      arbitrary: rnnArb,
      runs: 60,
      check: (r) => {
        for (let t = 0; t <= r.xs.length; t++) {
          const a = dLdhCentral(r, t), b = dLdhNotes(r, t);
          if (!a.every((v, i) => v.eq(b[i]!))) return { ok: false, detail: `t = ${t}: exact (${a.join(', ')}) vs notes (${b.join(', ')})` };
        }
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const q = (v: number) => Rational.parse(String(v));
    const r: LinearRnn = {
      A: [[q(0.5), q(2)], [q(0), q(0.5)]], B: [[q(1)], [q(0)]], b: [q(0), q(0)], w: [q(1), q(0)], c: q(0), y: q(0),
      h0: [q(0), q(1)], xs: [[q(0)], [q(0)], [q(0)], [q(0)]],
    };
    const T = r.xs.length;
    const ok = Array.from({ length: T + 1 }, (_, t) => t).every((t) => dLdhCentral(r, t).every((v, i) => v.eq(dLdhNotes(r, t)[i]!)));
    // ‖wᵀA^k‖_1 for k = 0..6: spectral radius 1/2 < 1, yet the backpropagated factor first grows.
    let row: Vec = r.w;
    const norms: string[] = [];
    for (let k = 0; k <= 6; k++) { norms.push(Rational.sum(row.map((v) => v.abs())).toString()); row = vecMat(row, r.A as Mat); }
    return [
      {
        id: 'rnn.linear-grad',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `With ŷ read as ŷ_T (002:504 writes ŷ_t; the loss is at the last step, 002:496) and ∂L/∂h_t as a row vector, ∂L/∂h_t = 2(ŷ_T − y)Wᵀ(W^h)^{T−t} is exact: ` +
          `checked against exact central differences for every t (L is quadratic in h_t), e.g. W^h = [1/2, 2; 0, 1/2], W = (1, 0), h_0 = (0, 1), T = ${T}. "t ≪ k" (002:508) should read t ≪ T.`,
      },
      {
        id: 'rnn.linear-grad#eigenvalue-criterion',
        verdict: 'approximate',
        evidence: `"Largest eigenvalue ≫ 1 ⇒ explode; vice versa" (002:504–506) holds asymptotically (‖(W^h)^k‖^{1/k} → spectral radius) but not step by step for non-normal W^h: ` +
          `W^h = [1/2, 2; 0, 1/2] has both eigenvalues 1/2, yet ‖Wᵀ(W^h)^k‖₁ for k = 0..6 is ${norms.join(', ')} — the backpropagated gradient grows before it vanishes.`,
      },
    ];
  },
};
