/**
 * rnn.bptt — backpropagation through time for a linear RNN, many-to-one at T:
 * ∂L/∂W = Σ_t ∂L/∂h_t · ∂h_t/∂W (∂h_t/∂W the immediate partial), i.e. ∂L/∂W^h = Σ_t δ_tᵀ h_{t−1}ᵀ.
 * Seed 002_606757b0cdfd2eb0.txt, line 498: "\frac{\partial L}{\partial W} = \frac{\partial L}{\partial h_T} \cdot \frac{\partial h_T}{\partial W} + \frac{\partial L}{\partial h_{T-1}}"
 */

import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { dLdABptt, dLdAForward, type LinearRnn } from '../oracles/recurrent.js';
import { rnnArb } from './rnn.linear-grad.js';

export const claim: ClaimModule = {
  id: 'rnn.bptt',
  properties: [
    {
      name: 'sum-over-time',
      kind: 'identity',
      description: 'The BPTT sum Σ_t (∂L/∂h_t)ᵀ h_{t−1}ᵀ (with ∂L/∂h_t = 2(ŷ − y)Wᵀ(W^h)^{T−t}) equals ∂L/∂W^h computed by exact forward-mode differentiation (dual numbers over the rationals), entry by entry.',
      arbitrary: rnnArb,
      runs: 100,
      check: (r) => {
        const G = dLdABptt(r);
        for (let i = 0; i < G.length; i++) for (let j = 0; j < G.length; j++) {
          const f = dLdAForward(r, i, j);
          if (!f.eq(G[i]![j]!)) return { ok: false, detail: `∂L/∂W^h[${i}][${j}]: BPTT ${G[i]![j]} vs forward mode ${f}` };
        }
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const q = (v: number) => Rational.parse(String(v));
    const r: LinearRnn = {
      A: [[q(0.5), q(1)], [q(-1), q(0.25)]], B: [[q(1)], [q(2)]], b: [q(0), q(1)], w: [q(1), q(-1)], c: q(0), y: q(1),
      h0: [q(0), q(0)], xs: [[q(1)], [q(-1)], [q(2)]],
    };
    const G = dLdABptt(r);
    const F = G.map((row, i) => row.map((_, j) => dLdAForward(r, i, j)));
    const ok = G.every((row, i) => row.every((v, j) => v.eq(F[i]![j]!)));
    const fmt = (M: Rational[][]) => '[' + M.map((row) => row.join(', ')).join('; ') + ']';
    return [
      {
        id: 'rnn.bptt',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `∂L/∂W = Σ_t ∂L/∂h_t · ∂h_t/∂W (002:498) is right when ∂h_t/∂W is the immediate partial (h_{t−1} held fixed) — with the total derivative paths through earlier states would be counted repeatedly. ` +
          `Linear RNN, T = 3, W^h = [1/2, 1; −1, 1/4]: BPTT gives ${fmt(G)}, exact forward-mode ${fmt(F)}.`,
      },
    ];
  },
};
