/**
 * attn.score-fns — the attention score functions of 004:1206–1325 and 004:1450: dot sᵀh, scaled dot
 * sᵀh/√d, general (bilinear) sᵀW_ah, additive v_aᵀtanh(W_as + U_ah). The general score is a dot product
 * after projecting one side: sᵀW_ah = (W_aᵀs)ᵀh = sᵀ(W_ah) (004:1325); dot = general with W_a = I, scaled =
 * general with W_a = I/√d. Additive attention needs its nonlinearity: without tanh the query term is the
 * same for every source position and cancels in the softmax.
 * Seed 004_975819c312b074f9.txt, line 1325.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { QMatrix } from '../numerics/matrix.js';
import { Rational } from '../numerics/rational.js';
import { qmatArb, showM, prop } from './attn-shared.js';

const generalArb = fc.record({ ds: fc.integer({ min: 1, max: 5 }), dh: fc.integer({ min: 1, max: 5 }), J: fc.integer({ min: 1, max: 5 }) })
  .chain(({ ds, dh, J }) => fc.record({ s: qmatArb(ds, 1), H: qmatArb(dh, J), W: qmatArb(ds, dh) }));

/** d a perfect square (1, 4, 9, 16) so that 1/√d is rational. */
const dotArb = fc.record({ r: fc.integer({ min: 1, max: 4 }), J: fc.integer({ min: 1, max: 5 }) })
  .chain(({ r, J }) => fc.record({ r: fc.constant(r), s: qmatArb(r * r, 1), H: qmatArb(r * r, J) }));

const additiveArb = fc.record({ ds: fc.integer({ min: 1, max: 4 }), dh: fc.integer({ min: 1, max: 4 }), da: fc.integer({ min: 1, max: 4 }), J: fc.integer({ min: 2, max: 5 }) })
  .chain(({ ds, dh, da, J }) => fc.record({ s1: qmatArb(ds, 1), s2: qmatArb(ds, 1), H: qmatArb(dh, J), Wa: qmatArb(da, ds), Ua: qmatArb(da, dh), va: qmatArb(da, 1) }));

export const claim: ClaimModule = {
  id: 'attn.score-fns',
  properties: [
    prop({
      name: 'general-is-projected-dot',
      kind: 'identity',
      description: 'For every decoder state s, encoder states h_j (columns of H) and W_a: sᵀW_ah_j = (W_aᵀs)·h_j = s·(W_ah_j) exactly — the general score is a dot product after projecting either side.',
      arbitrary: generalArb,
      runs: 100,
      check: ({ s, H, W }) => {
        const general = s.transpose().mul(W).mul(H);
        const projQuery = W.transpose().mul(s).transpose().mul(H);
        const projKey = s.transpose().mul(W.mul(H));
        return general.equals(projQuery) && general.equals(projKey) ? { ok: true } : { ok: false, detail: `${showM(general)}, ${showM(projQuery)}, ${showM(projKey)}` };
      },
    }),
    prop({
      name: 'dot-and-scaled-are-general',
      kind: 'identity',
      description: 'The dot score sᵀh is the general score with W_a = I, and the scaled score sᵀh/√d (004:1450) the general score with W_a = I/√d (d = 1, 4, 9, 16: exact).',
      arbitrary: dotArb,
      runs: 100,
      check: ({ r, s, H }) => {
        const d = r * r;
        const dot = s.transpose().mul(H);
        const scaled = dot.scale(Rational.of(1, r));
        const g1 = s.transpose().mul(QMatrix.identity(d)).mul(H);
        const g2 = s.transpose().mul(QMatrix.identity(d).scale(Rational.of(1, r))).mul(H);
        return dot.equals(g1) && scaled.equals(g2) ? { ok: true } : { ok: false, detail: `dot ${showM(dot)} vs ${showM(g1)}; scaled ${showM(scaled)} vs ${showM(g2)}` };
      },
    }),
    prop({
      name: 'additive-without-tanh-ignores-query',
      kind: 'identity',
      description: 'With the tanh of the additive score e_tj = v_aᵀtanh(W_as + U_ah_j) replaced by the identity, e_tj(s) − e_tj(s′) is the same for every j: the softmax weights would not depend on the decoder state — the nonlinearity is what makes additive attention query-dependent.',
      arbitrary: additiveArb,
      runs: 100,
      check: ({ s1, s2, H, Wa, Ua, va }) => {
        const lin = (s: QMatrix) => va.transpose().mul(Wa.mul(s).mul(QMatrix.from([new Array(H.cols).fill(1)])).add(Ua.mul(H)));
        const diff = lin(s1).sub(lin(s2));
        const d0 = diff.get(0, 0);
        return diff.data.every((x) => x.eq(d0)) ? { ok: true } : { ok: false, detail: `differences ${showM(diff)}` };
      },
    }),
  ],
  audit: () => {
    const s = QMatrix.from([[1, 2]]).transpose(), W = QMatrix.from([[0, 1, 1], [2, -1, 0]]), h = QMatrix.from([[3, 1, -2]]).transpose();
    const g = s.transpose().mul(W).mul(h).get(0, 0), p = W.transpose().mul(s).transpose().mul(h).get(0, 0);
    return [
      {
        id: 'attn.score-fns',
        verdict: g.eq(p) ? 'confirmed' : 'refuted',
        evidence: `sᵀW_ah = (W_aᵀs)ᵀh = sᵀ(W_ah) (associativity), so the general score is a dot product after projecting one side (either side). Instance s = (1, 2), W_a = [[0,1,1],[2,−1,0]], h = (3, 1, −2): sᵀW_ah = ${g} = (W_aᵀs)·h = ${p}. ` +
          'The dot score is the general one with W_a = I and the scaled score (004:1450) with W_a = I/√d_k.',
      },
    ];
  },
};
