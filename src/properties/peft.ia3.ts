/**
 * peft.ia3 — (IA)³ (Liu et al. 2022): learned vectors rescale keys, values and FFN activations:
 * softmax(Q(l_k ⊙ Kᵀ)/√d_k)(l_v ⊙ V) and (l_f ⊙ γ(W₁x))W₂, with the notes' definition (l ⊙ A)_ij = l_j A_ij.
 * Seed 000_1c190711b4cfcedd.txt, line 640: "$$\text{softmax}\left(\frac{Q(l_k \odot K^T)}{\sqrt{d_k}}\right) \times (l_v \odot V)$$"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { ia3Scores, matMul, odot, transpose, ia3Params, type RMat } from '../oracles/peft.js';
import { smallRational } from './arbitraries.js';

const d = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });
const mat = (r: number, c: number) => fc.array(fc.array(smallRational(6, 3), { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
const vec = (n: number) => fc.array(smallRational(6, 3), { minLength: n, maxLength: n });
const caseArb = fc.record({ n: d(1, 4), m: d(1, 4), dk: d(1, 4), dv: d(1, 4) }).chain((s) =>
  fc.record({ Q: mat(s.m, s.dk), K: mat(s.n, s.dk), V: mat(s.n, s.dv), lk: vec(s.dk), lv: vec(s.dv) }));

const same = (X: RMat, Y: RMat) => X.length === Y.length && X.every((row, i) => row.every((v, j) => v.eq(Y[i]![j]!)));
const show = (M: RMat) => `[${M.map((r) => r.join(', ')).join('; ')}]`;

export const claim: ClaimModule = {
  id: 'peft.ia3',
  properties: [
    {
      name: 'rescaled-keys-values',
      kind: 'identity',
      description: '(IA)³ scores Q·diag(l_k)·Kᵀ equal Q(l_k ⊙ K)ᵀ under the notes’ ⊙ (l scales columns: features of K), and l_v ⊙ V = V·diag(l_v) (value features); the notes’ literal l_k ⊙ Kᵀ scales key positions instead, which differs whenever the keys’ features are not all rescaled alike.',
      arbitrary: caseArb,
      runs: 80,
      check: ({ Q, K, V, lk, lv }) => {
        const want = ia3Scores(Q, K, lk);
        if (!same(matMul(Q, transpose(odot(lk, K))), want)) return { ok: false, detail: 'Q(l_k ⊙ K)ᵀ ≠ Q diag(l_k) Kᵀ' };
        const Vs = odot(lv, V);
        if (!Vs.every((row, i) => row.every((v, j) => v.eq(V[i]![j]!.mul(lv[j]!))))) return { ok: false, detail: 'l_v ⊙ V is not V diag(l_v)' };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const q = (M: number[][]) => M.map((r) => r.map((v) => Rational.fromInt(v)));
    // n = d_k = 2, so the notes' l_k ⊙ Kᵀ is defined (it needs |l_k| = n) and can be compared.
    const Q = q([[1, 0], [0, 1]]), K = q([[1, 2], [3, 4]]), lk = [2, 1].map((v) => Rational.fromInt(v));
    const ia3 = ia3Scores(Q, K, lk);
    const literal = matMul(Q, odot(lk, transpose(K)));
    const differ = !same(ia3, literal);
    return [
      {
        id: 'peft.ia3',
        verdict: differ ? 'refuted' : 'confirmed',
        evidence: `Under the notes' own definition (l ⊙ A)_ij = l_j A_ij (000:636, l ∈ R^d for A ∈ R^{m×d}), l_k ⊙ Kᵀ with Kᵀ ∈ R^{d_k×n} needs l_k ∈ R^n and rescales key positions (columns of Kᵀ), not the d_k key features that (IA)³ learns (l_k ∈ R^{d_k}); for n ≠ d_k it is undefined. ` +
          `Instance n = d_k = 2, Q = I, K = ${show(K)}, l_k = (2, 1): (IA)³ scores Q·diag(l_k)·Kᵀ = ${show(ia3)}; the notes' Q(l_k ⊙ Kᵀ) = ${show(literal)}. ` +
          `Correct under the notes' ⊙: softmax(Q(l_k ⊙ K)ᵀ/√d_k)(l_v ⊙ V); the value part l_v ⊙ V = V diag(l_v) is right as written.`,
        rule: 'own-convention',
      },
      {
        id: 'peft.ia3#odot-rows',
        verdict: 'confirmed',
        evidence: `(l ⊙ A)_ij = l_j A_ij multiplies every row of A element-wise by l (000:636): row i of l ⊙ A is (l_1A_i1, …, l_dA_id) (identity property).`,
      },
      {
        id: 'peft.ia3#ffn',
        verdict: 'confirmed',
        evidence: `(l_f ⊙ γ(W₁x))W₂ (000:644): γ(W₁x) ∈ R^{d_ff} is one row, so l_f ⊙ rescales its d_ff activations element-wise, as (IA)³ does. Learned vectors per layer: d_k + d_v + d_ff; e.g. L = 24, d_k = d_v = 1024, d_ff = 4096: ${ia3Params(24, 1024, 1024, 4096)} parameters.`,
      },
    ];
  },
};
