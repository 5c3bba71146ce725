/**
 * attn.poly-kernel — the degree-2 polynomial kernel and its feature map (002:733–737):
 * (qᵀk + 1)² = φ(q)ᵀφ(k), φ(x) = [1, √2x₁, …, √2x_D, x₁², …, x_D², √2x₁x₂, …, √2x_{D−1}x_D],
 * of dimension 1 + 2D + D(D−1)/2 = (D + 1)(D + 2)/2.
 * Seed 002_606757b0cdfd2eb0.txt, line 733.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { polyFeatures, polyFeatureDot, polyKernel } from '../oracles/attention.js';
import { qvecArb, prop } from './attn-shared.js';

const pairArb = fc.integer({ min: 1, max: 8 }).chain((D) => fc.record({ q: qvecArb(D), k: qvecArb(D) }));

export const claim: ClaimModule = {
  id: 'attn.poly-kernel',
  properties: [
    prop({
      name: 'kernel-equals-features',
      kind: 'identity',
      description: '(qᵀk + 1)² = φ(q)ᵀφ(k) exactly for rational q, k ∈ Q^D, D ≤ 8, with the notes’ φ (the √2 factors squared to 2 symbolically).',
      arbitrary: pairArb,
      runs: 100,
      check: ({ q, k }) => {
        const a = polyKernel(q, k), b = polyFeatureDot(q, k);
        return a.eq(b) ? { ok: true } : { ok: false, detail: `(qᵀk + 1)² = ${a}, φ(q)ᵀφ(k) = ${b}` };
      },
    }),
    prop({
      name: 'feature-dimension',
      kind: 'identity',
      description: 'φ has 1 + D + D + D(D − 1)/2 = (D + 1)(D + 2)/2 coordinates, the number of monomials of degree ≤ 2 in D variables.',
      arbitrary: fc.integer({ min: 1, max: 40 }),
      runs: 40,
      check: (D) => {
        const n = polyFeatures(new Array<Rational>(D).fill(Rational.ONE)).length;
        return n === ((D + 1) * (D + 2)) / 2 ? { ok: true } : { ok: false, detail: `D = ${D}: ${n} features` };
      },
    }),
    prop({
      name: 'without-root-two-fails',
      kind: 'identity',
      description: 'The √2 factors are needed: with coefficient 1 on the linear and cross terms, φ(q)ᵀφ(k) = (qᵀk + 1)² − qᵀk − Σ_{i<j}q_iq_jk_ik_j, which differs whenever that correction is non-zero.',
      arbitrary: pairArb,
      runs: 100,
      check: ({ q, k }) => {
        const wrong = Rational.sum(polyFeatures(q).map((f, a) => f.m.mul(polyFeatures(k)[a]!.m)));
        const dot = Rational.sum(q.map((x, i) => x.mul(k[i]!)));
        let cross = Rational.ZERO;
        for (let i = 0; i < q.length; i++) for (let j = i + 1; j < q.length; j++) cross = cross.add(q[i]!.mul(q[j]!).mul(k[i]!).mul(k[j]!));
        const predicted = polyKernel(q, k).sub(dot).sub(cross);
        return wrong.eq(predicted) ? { ok: true } : { ok: false, detail: `unit-coefficient features give ${wrong}, expected ${predicted}` };
      },
    }),
  ],
  audit: () => {
    const q = [1, 2, -1].map((v) => Rational.of(v)), k = [3, 0, 2].map((v) => Rational.of(v, 2));
    const a = polyKernel(q, k), b = polyFeatureDot(q, k);
    return [
      {
        id: 'attn.poly-kernel',
        verdict: a.eq(b) ? 'confirmed' : 'refuted',
        evidence: `(qᵀk + 1)² = 1 + 2Σq_ik_i + Σq_i²k_i² + 2Σ_{i<j}q_iq_jk_ik_j = φ(q)ᵀφ(k) with 002:737's φ. Instance q = (1, 2, −1), k = (3/2, 0, 1): (qᵀk + 1)² = ${a}, φ(q)ᵀφ(k) = ${b}; dim φ = (D + 1)(D + 2)/2 = 10 for D = 3.`,
      },
      {
        id: 'attn.poly-kernel#feature-map',
        verdict: 'confirmed',
        evidence: '002:737 lists 1, the D terms √2x_i, the D squares x_i² and the D(D − 1)/2 products √2x_ix_j (i < j): exactly the coordinates whose products sum to (qᵀk + 1)² (properties kernel-equals-features, feature-dimension; without the √2 the identity fails, without-root-two-fails).',
      },
    ];
  },
};
