/**
 * attn.qk-ov — the QK and OV circuits of an attention head (column convention: tokens are the columns
 * of X ∈ R^{d_model×n}). QK: S_ij = (W_QX_i)ᵀ(W_KX_j) = X_iᵀ(W_QᵀW_K)X_j, a bilinear form of rank ≤ d_head.
 * OV: h(X) = W_O^h W_V X Aᵀ = (W_O^hW_V)(XAᵀ); its columns lie in Col(W_O^hW_V) ⊆ Col(W_O^h), a subspace of
 * dimension ≤ d_head of the d_model-dimensional residual stream.
 * Seed 002_606757b0cdfd2eb0.txt, lines 797–811.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { QMatrix } from '../numerics/matrix.js';
import { Rational } from '../numerics/rational.js';
import { hconcat } from '../oracles/attention.js';
import { qmatArb, stochasticArb, showM, prop } from './attn-shared.js';

const circuitArb = fc.record({ dm: fc.integer({ min: 1, max: 5 }), dh: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 4 }) })
  .chain(({ dm, dh, n }) => fc.record({
    X: qmatArb(dm, n), WQ: qmatArb(dh, dm), WK: qmatArb(dh, dm), WV: qmatArb(dh, dm), WO: qmatArb(dm, dh), A: stochasticArb(n, n),
  }));

const q = (rows: number[][]) => QMatrix.from(rows.map((r) => r.map((v) => Rational.of(v))));

export const claim: ClaimModule = {
  id: 'attn.qk-ov',
  properties: [
    prop({
      name: 'qk-bilinear',
      kind: 'identity',
      description: 'S = (W_QX)ᵀ(W_KX) equals Xᵀ(W_QᵀW_K)X entry by entry (S_ij = X_iᵀ(W_QᵀW_K)X_j), and rank(W_QᵀW_K) ≤ d_head.',
      arbitrary: circuitArb,
      runs: 100,
      check: ({ X, WQ, WK }) => {
        const S = WQ.mul(X).transpose().mul(WK.mul(X));
        const M = WQ.transpose().mul(WK);
        const S2 = X.transpose().mul(M).mul(X);
        if (!S.equals(S2)) return { ok: false, detail: `${showM(S)} ≠ ${showM(S2)}` };
        return M.rank() <= WQ.rows ? { ok: true } : { ok: false, detail: `rank(W_QᵀW_K) = ${M.rank()} > d_head = ${WQ.rows}` };
      },
    }),
    prop({
      name: 'ov-factorisation',
      kind: 'identity',
      description: 'h(X) = W_O(W_V(XAᵀ)) equals (W_OW_V)(XAᵀ): the head applies the d_model×d_model OV matrix W_OW_V (rank ≤ d_head) to the attention-weighted average XAᵀ.',
      arbitrary: circuitArb,
      runs: 100,
      check: ({ X, WV, WO, A }) => {
        const h1 = WO.mul(WV.mul(X.mul(A.transpose())));
        const OV = WO.mul(WV);
        const h2 = OV.mul(X.mul(A.transpose()));
        if (!h1.equals(h2)) return { ok: false, detail: `${showM(h1)} ≠ ${showM(h2)}` };
        return OV.rank() <= WV.rows ? { ok: true } : { ok: false, detail: `rank(W_OW_V) = ${OV.rank()} > d_head` };
      },
    }),
    prop({
      name: 'ov-column-space',
      kind: 'identity',
      description: 'Every column of h(X) lies in Col(W_O): rank([W_O | h(X)]) = rank(W_O) ≤ d_head.',
      arbitrary: circuitArb,
      runs: 100,
      check: ({ X, WV, WO, A }) => {
        const h = WO.mul(WV).mul(X).mul(A.transpose());
        const r0 = WO.rank(), r1 = hconcat([WO, h]).rank();
        return r0 === r1 && r0 <= WO.cols ? { ok: true } : { ok: false, detail: `rank(W_O) = ${r0}, rank([W_O | h]) = ${r1}` };
      },
    }),
  ],
  audit: () => {
    // 002:809 counterexample: d_model = d_head = 2, X = I, A = I.
    const WV = q([[1, 0], [0, 0]]), WO = q([[0, 1], [1, 0]]), X = QMatrix.identity(2), A = QMatrix.identity(2);
    const h = WO.mul(WV).mul(X).mul(A.transpose());
    const inColWV = hconcat([WV, h]).rank() === WV.rank();
    const inColWO = hconcat([WO, h]).rank() === WO.rank();
    const noWV = WO.mul(X).mul(A.transpose());
    return [
      {
        id: 'attn.qk-ov',
        verdict: 'confirmed',
        evidence: 'S_ij = Q_iᵀK_j = (W_QX_i)ᵀ(W_KX_j) = X_iᵀ(W_QᵀW_K)X_j for every X, W_Q, W_K (associativity; property qk-bilinear checks it exactly on rational matrices with d_model ≤ 5, d_head ≤ 4).',
      },
      {
        id: 'attn.qk-ov#ov-missing-wv',
        verdict: 'confirmed',
        evidence: `Typo, graded on the intended meaning: 002:805 writes h(X⁰) = W_0^hW_VX⁰(A^h)ᵀ = W_0^h X⁰(A^h)ᵀ, dropping W_V in the second form (the first form on the same line and 002:809 keep it). As written the forms differ: W_V = diag(1, 0), W_O = [[0,1],[1,0]], X = A = I give ${h.toString()} vs ${noWV.toString()}.`,
      },
      {
        id: 'attn.qk-ov#ov-column-space',
        verdict: inColWV ? 'confirmed' : 'refuted',
        evidence: `002:809 "h_i(X⁰)_t ∈ Col(W_V^i)": W_V maps into the d_head-dimensional value space; the head output lives in R^{d_model}, in Col(W_O^iW_V^i) ⊆ Col(W_O^i). Even with d_head = d_model = 2: W_V = diag(1, 0) (Col = span e₁), W_O = [[0,1],[1,0]], X = A = I: h = ${h.toString()}, whose first column e₂ ∉ Col(W_V) (in Col(W_O): ${inColWO}).`,
      },
    ];
  },
};
