/**
 * opt.mup-spectral — the RMS→RMS operator norm of A ∈ ℝ^{d_out×d_in} is
 *   ‖A‖_{RMS→RMS} = sup_x ‖Ax‖_rms/‖x‖_rms = √(d_in/d_out)·‖A‖₂,
 * so the spectral condition ‖W_l‖₂ = √(n_l/n_{l−1}) of muP is exactly ‖W_l‖_{RMS→RMS} = 1:
 * ‖W_l h‖_rms ≤ ‖h‖_rms with equality along the top right-singular vector.
 * Checked exactly (in squares, so √ never appears): W = c·UΣVᵀ with U, V Cayley-orthogonal,
 * rational singular values, and c² = d_out/(d_in σ_max²).
 * Seed 002_606757b0cdfd2eb0.txt, line 318: "\|A\|_{rms} = \sqrt{\frac{din}{dout}} \|A\|_2"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { cayley, cols, fro2 } from '../oracles/pca.js';

const small = fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 1, max: 3 })).map(([a, b]) => Rational.of(a, b));
const skew = (m: number) => fc.array(small, { minLength: (m * (m - 1)) / 2, maxLength: (m * (m - 1)) / 2 });
const vec = (n: number) => fc.array(small, { minLength: n, maxLength: n }).filter((a) => a.some((v) => !v.isZero())).map((a) => QMatrix.from(a.map((v) => [v])));

/** Rectangular diagonal r×c matrix with the given diagonal. */
const rdiag = (r: number, c: number, d: readonly Rational[]) =>
  QMatrix.from(Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => (i === j ? d[i]! : Rational.ZERO))));

const arb = fc.record({ dout: fc.integer({ min: 1, max: 4 }), din: fc.integer({ min: 1, max: 4 }) }).chain(({ dout, din }) => fc.record({
  dout: fc.constant(dout), din: fc.constant(din), u: skew(dout), v: skew(din), x: vec(din),
  sigma: fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: Math.min(dout, din), maxLength: Math.min(dout, din) }).map((a) => [...a].sort((p, q) => q - p).map((s) => Rational.of(s, 3))),
}));

/** ‖y‖²_rms = ‖y‖²₂ / dim. */
const rms2 = (y: QMatrix) => fro2(y).div(Rational.of(y.rows));

function build(d: { dout: number; din: number; u: Rational[]; v: Rational[]; sigma: Rational[] }) {
  const U = cayley(d.dout, d.u), V = cayley(d.din, d.v);
  return { A: U.mul(rdiag(d.dout, d.din, d.sigma)).mul(V.transpose()), v1: cols(V, [0]), smax2: d.sigma[0]!.mul(d.sigma[0]!) };
}

export const claim: ClaimModule = {
  id: 'opt.mup-spectral',
  properties: [
    {
      name: 'rms-operator-norm',
      kind: 'identity',
      description: 'For A = UΣVᵀ (d_out×d_in, rational σ): ‖Ax‖²_rms ≤ (d_in/d_out)σ_max²‖x‖²_rms for every rational x ≠ 0, with equality at x = v₁ — i.e. ‖A‖_{RMS→RMS} = √(d_in/d_out)‖A‖₂ exactly.',
      arbitrary: arb,
      runs: 100,
      check: (d) => {
        const { A, v1, smax2 } = build(d);
        const k = Rational.of(d.din, d.dout).mul(smax2);
        const ok = rms2(A.mul(d.x)).le(k.mul(rms2(d.x))) && rms2(A.mul(v1)).eq(k.mul(rms2(v1)));
        return ok ? { ok: true } : { ok: false, detail: `‖Ax‖²_rms = ${rms2(A.mul(d.x))}, bound ${k.mul(rms2(d.x))}; at v₁: ${rms2(A.mul(v1))} vs ${k.mul(rms2(v1))}` };
      },
    },
    {
      name: 'spectral-scaling-unit-rms',
      kind: 'identity',
      description: 'Rescaled so that ‖W‖₂² = d_out/d_in (W = cA, c² = d_out/(d_in σ_max²)): ‖Wx‖²_rms ≤ ‖x‖²_rms with equality at v₁, so ‖W‖_{RMS→RMS} = 1 and ‖h_l‖_rms ≤ ‖h_{l−1}‖_rms.',
      arbitrary: arb,
      runs: 100,
      check: (d) => {
        const { A, v1, smax2 } = build(d);
        const c2 = Rational.of(d.dout, d.din).div(smax2);
        const w2 = (x: QMatrix) => c2.mul(rms2(A.mul(x)));
        const ok = w2(d.x).le(rms2(d.x)) && w2(v1).eq(rms2(v1));
        return ok ? { ok: true } : { ok: false, detail: `‖Wx‖²_rms = ${w2(d.x)} vs ‖x‖²_rms = ${rms2(d.x)}; at v₁ ${w2(v1)} vs ${rms2(v1)}` };
      },
    },
  ],
  audit: () => {
    // n_{l−1} = 1, n_l = n: W = √n·e (e a unit vector) has ‖W‖₂ = √(n_l/n_{l−1}).
    const rows = [4, 16, 64].map((n) => {
      const W2 = QMatrix.from(Array.from({ length: n }, (_, i) => [Rational.of(i === 0 ? n : 0)])); // entries of W² (W = √n e₁)
      const op2 = Rational.of(1, n).mul(Rational.of(n)); // (d_in/d_out)·‖W‖₂²
      const entry2 = Rational.sum(W2.toArray().map((r) => r[0]!)).div(Rational.of(n)); // ‖W‖_F²/(n·1)
      return `n_l = ${n}: claimed Θ(√(n_l/n_{l−1})) = ${Math.sqrt(n)}, ‖W‖²_{RMS→RMS} = ${op2}, entrywise RMS² = ${entry2}`;
    });
    const d = { dout: 2, din: 3, u: [Rational.of(1, 2)], v: [Rational.ONE, Rational.ZERO, Rational.of(1, 3)], sigma: [Rational.of(3), Rational.of(1)] };
    const { A, v1 } = build(d);
    return [
      {
        id: 'opt.mup-spectral',
        verdict: 'confirmed',
        evidence: `‖A‖_rms = √(d_in/d_out)‖A‖₂ (002:318, RMS→RMS operator norm) holds exactly: the ratio ‖Ax‖²_rms/‖x‖²_rms never exceeds (d_in/d_out)σ_max² and reaches it at v₁. ` +
          `d_out = 2, d_in = 3, σ = (3, 1): at v₁, ‖Av₁‖²_rms/‖v₁‖²_rms = ${rms2(A.mul(v1)).div(rms2(v1))} = (3/2)·9. Hence ‖W_l‖₂ = √(n_l/n_{l−1}) (002:239) is exactly ‖W_l‖_{RMS→RMS} = 1, and ‖h_l‖_rms ≤ ‖h_{l−1}‖_rms (the induction of 002:241).`,
      },
      {
        id: 'opt.mup-spectral#rms-of-W',
        verdict: 'refuted',
        evidence: `002:239 adds "‖W‖_RMS = Θ(√(n_l/n_{l−1}))" next to ‖W‖₂ = √(n_l/n_{l−1}). Under the notes' own definition (002:318) ‖W‖_RMS = √(n_{l−1}/n_l)‖W‖₂ = 1 exactly, for every shape; the entrywise RMS does not give √(n_l/n_{l−1}) either. ` +
          `Family n_{l−1} = 1, W = √n_l·e₁: ${rows.join('; ')}.`,
      },
      (() => {
        // Θ from an upper bound (002:233–245): ‖W_l h‖ ≤ ‖W_l‖₂‖h‖ gives O(·) only. n_l = n_{l−1} = n, W = I − e_ne_nᵀ (‖W‖₂ = 1 = √(n_l/n_{l−1})), h = √n·e_n.
        const cases = [2, 8, 32].map((n) => {
          const W = QMatrix.from(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => Rational.of(i === j && i < n - 1 ? 1 : 0))));
          const en = QMatrix.from(Array.from({ length: n }, (_, i) => [Rational.of(i === n - 1 ? 1 : 0)]));
          const Wen = W.mul(en); // Wh = √n·W e_n
          const normWh2 = Rational.of(n).mul(Rational.sum(Wen.toArray().map((r) => r[0]!.mul(r[0]!))));
          return { n, normWh2, spec2: Rational.of(1), h2: Rational.of(n) };
        });
        const ok = cases.every((c) => c.normWh2.isZero());
        return {
          id: 'opt.mup-spectral#theta-from-bound',
          verdict: ok ? 'approximate' : 'confirmed',
          evidence: `002:241 (and 002:245 for Δh) bounds ‖h_l‖₂ = ‖W_l h_{l−1}‖₂ from above, ‖W_l h_{l−1}‖₂ ≤ ‖W_l‖₂‖h_{l−1}‖₂, and concludes Θ(√n_l) (002:233–235: "moves and remains by Θ(1)"); ` +
            `only O(√n_l) follows. W = diag(1, 0), h = (0, √2) satisfy the hypotheses (‖W‖₂ = 1 = √(n_l/n_{l−1}), ‖h‖₂ = √2 = √n_{l−1}) yet Wh = 0. ` +
            `The same for every width: n_l = n_{l−1} = n, W = I − e_ne_nᵀ, h = √n·e_n: ${cases.map((c) => `n = ${c.n}: ‖W‖₂² = ${c.spec2}, ‖h‖₂² = ${c.h2}, ‖Wh‖₂² = ${c.normWh2}`).join('; ')}. ` +
            `For Δh (002:245) likewise: Δh_{l−1} = 0 and ΔW_l = W, h_{l−1} = h give Δh_l = 0 with ‖ΔW_l‖₂ = Θ(1). A Θ needs a lower bound — e.g. h_{l−1} aligned with the top singular directions of W_l, which is what μP's alignment assumption adds.`,
        } as const;
      })(),
    ];
  },
};
