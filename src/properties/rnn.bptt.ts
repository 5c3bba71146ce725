/**
 * rnn.bptt — backpropagation through time for a linear RNN, many-to-one at T:
 * ∂L/∂W = Σ_t ∂L/∂h_t · ∂h_t/∂W (∂h_t/∂W the immediate partial), i.e. ∂L/∂W^h = Σ_t δ_tᵀ h_{t−1}ᵀ.
 * Seed 002_606757b0cdfd2eb0.txt, line 498: "\frac{\partial L}{\partial W} = \frac{\partial L}{\partial h_T} \cdot \frac{\partial h_T}{\partial W} + \frac{\partial L}{\partial h_{T-1}}"
 */

import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { dLdABptt, dLdAForward, type LinearRnn } from '../oracles/recurrent.js';
import { rnnArb } from './rnn.linear-grad.js';
import * as I from '../numerics/interval.js';

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
      (() => {
        // 000:326: ∇_{W_hh} h_t = Σ_{t'=1}^{t−1} h_{t'} (W_hh^{t−t'−1} tanh'(o_{t'+1})⋯tanh'(o_t)). Scalar RNN h_t = φ(w h_{t−1} + u x_t):
        // exact dh_t/dw = Σ_{t'=0}^{t−1} h_{t'} w^{t−t'−1} Π_{s=t'+1}^{t} φ'(o_s) — the sum starts at t' = 0 (h_0 is an input of o_1).
        // (a) φ = identity (the structure does not depend on φ), exact rationals: w = 1/2, u = 1, h_0 = 1, x = (1, −1, 2).
        const w = Rational.of(1, 2), xs = [1, -1, 2].map((v) => Rational.of(v));
        const h: Rational[] = [Rational.ONE], dh: Rational[] = [Rational.ZERO];
        for (const x of xs) { dh.push(h[h.length - 1]!.add(w.mul(dh[dh.length - 1]!))); h.push(w.mul(h[h.length - 1]!).add(x)); }
        const t = xs.length, pow = (k: number) => Array.from({ length: k }, () => w).reduce((a, b) => a.mul(b), Rational.ONE);
        const notes = Rational.sum(Array.from({ length: t - 1 }, (_, k) => h[k + 1]!.mul(pow(t - k - 2))));
        const full = Rational.sum(Array.from({ length: t }, (_, k) => h[k]!.mul(pow(t - k - 1))));
        // (b) tanh, t = 2, h_0 = 1, w = 1/2, x = 0: dh_2/dw = tanh'(o_2)(h_1 + w tanh'(o_1) h_0), the notes keep h_1 tanh'(o_2) only.
        const o1 = I.point(0.5), h1 = I.tanh(o1), o2 = I.scale(h1, 0.5), h2d = I.sub(I.point(1), I.sqr(I.tanh(o2))), h1d = I.sub(I.point(1), I.sqr(h1));
        const exactT = I.mul(h2d, I.add(h1, I.scale(h1d, 0.5))), notesT = I.mul(h2d, h1);
        const f6 = (a: I.Interval) => `[${a.lo.toPrecision(6)}, ${a.hi.toPrecision(6)}]`;
        return {
          id: 'rnn.bptt#sum-000',
          verdict: !notes.eq(full) && full.eq(dh[t]!) && exactT.lo > notesT.hi ? 'refuted' : 'confirmed',
          evidence: `000:326 sums ∇_{W_hh} h_t over t' = 1, …, t − 1 and so omits the term t' = 0 of the initial state h_0, which enters o_1 = W_hh h_0 + W_hx x_1 + b (000:320). ` +
            `t = 1 alone: the sum is empty (0), yet h_1 = tanh(w h_0) with h_0 = 1, w = 0 has dh_1/dw = h_0·tanh'(0) = 1. ` +
            `Scalar linear RNN (the omission does not depend on the activation), w = 1/2, h_0 = 1, x = (1, −1, 2): exact dh_3/dw = ${dh[t]} (forward mode) = Σ_{t'=0}^{2} h_{t'}w^{2−t'} = ${full}; the notes' sum gives ${notes}. ` +
            `tanh, t = 2, h_0 = 1, w = 1/2, x = 0: dh_2/dw ∈ ${f6(exactT)}, the notes' sum ∈ ${f6(notesT)} (enclosures). Right when h_0 = 0 (the usual initialisation, which the notes do not state).`,
        } as const;
      })(),
    ];
  },
};
