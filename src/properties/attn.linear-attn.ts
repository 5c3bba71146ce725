/**
 * attn.linear-attn — kernelised (linear) attention (002:719–747): with sim(q, k) = φ(q)ᵀφ(k),
 * V'_i = Σ_j φ(q_i)ᵀφ(k_j)V_j / Σ_j φ(q_i)ᵀφ(k_j) = φ(q_i)ᵀ(Σ_j φ(k_j)V_jᵀ) / φ(q_i)ᵀ(Σ_j φ(k_j)):
 * the sums over keys do not depend on i, so they are computed once (O(N·dim φ·M) instead of O(N²)); causal
 * attention uses their prefix sums over j ≤ i. Exact with the notes' degree-2 polynomial kernel.
 * Seed 002_606757b0cdfd2eb0.txt, line 741.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { linearAttnQuadratic, linearAttnFeatures } from '../oracles/attention.js';
import { qvecArb, prop } from './attn-shared.js';

interface LinCase { q: Rational[][]; k: Rational[][]; v: Rational[][]; causal: boolean }

const linArb: fc.Arbitrary<LinCase> = fc.record({ T: fc.integer({ min: 1, max: 6 }), S: fc.integer({ min: 1, max: 6 }), D: fc.integer({ min: 1, max: 4 }), M: fc.integer({ min: 1, max: 3 }), causal: fc.boolean() })
  .chain(({ T, S, D, M, causal }) => {
    const s = causal ? T : S;
    return fc.record({
      q: fc.array(qvecArb(D, 4, 2), { minLength: T, maxLength: T }),
      k: fc.array(qvecArb(D, 4, 2), { minLength: s, maxLength: s }),
      v: fc.array(qvecArb(M), { minLength: s, maxLength: s }),
      causal: fc.constant(causal),
    });
  });

const same = (a: (Rational[] | null)[], b: (Rational[] | null)[]) =>
  a.length === b.length && a.every((r, i) => (r === null ? b[i] === null : b[i] !== null && r.every((x, c) => x.eq(b[i]![c]!))));
const show = (a: (Rational[] | null)[]) => `[${a.slice(0, 4).map((r) => (r ? `[${r.map(String).join(', ')}]` : 'undefined')).join(', ')}${a.length > 4 ? ', …' : ''}]`;

export const claim: ClaimModule = {
  id: 'attn.linear-attn',
  properties: [
    prop({
      name: 'rearrangement',
      kind: 'identity',
      description: 'Σ_j sim(q_i, k_j)V_j / Σ_j sim(q_i, k_j) with sim = (qᵀk + 1)² equals φ(q_i)ᵀ(Σ_j φ(k_j)V_jᵀ) / φ(q_i)ᵀ(Σ_j φ(k_j)) exactly, non-causal (all keys) and causal (prefix sums over j ≤ i, updated once per position); rows whose denominator is 0 are undefined in both.',
      arbitrary: linArb,
      runs: 100,
      check: ({ q, k, v, causal }) => {
        const a = linearAttnQuadratic(q, k, v, causal), b = linearAttnFeatures(q, k, v, causal);
        return same(a, b) ? { ok: true } : { ok: false, detail: `quadratic ${show(a)} ≠ feature map ${show(b)}` };
      },
    }),
    prop({
      name: 'causal-prefix',
      kind: 'identity',
      description: 'Causal linear attention at position i equals non-causal linear attention over the first i + 1 keys and values only (the prefix sums see no future key).',
      arbitrary: linArb.filter((c) => c.causal),
      runs: 60,
      check: ({ q, k, v }) => {
        const causal = linearAttnFeatures(q, k, v, true);
        for (let i = 0; i < q.length; i++) {
          const prefix = linearAttnQuadratic([q[i]!], k.slice(0, i + 1), v.slice(0, i + 1), false)[0]!;
          if (!same([causal[i]!], [prefix])) return { ok: false, detail: `row ${i}: ${show([causal[i]!])} vs prefix ${show([prefix])}` };
        }
        return { ok: true };
      },
    }),
  ],
  audit: () => {
    const q = [[Rational.of(1), Rational.of(-1)], [Rational.of(1, 2), Rational.of(2)]];
    const k = [[Rational.of(2), Rational.of(0)], [Rational.of(-1), Rational.of(1)], [Rational.of(1), Rational.of(1)]];
    const v = [[Rational.of(1)], [Rational.of(-2)], [Rational.of(3)]];
    const a = linearAttnQuadratic(q, k, v, false), b = linearAttnFeatures(q, k, v, false);
    const D = 64, M = 64, N = 4096, F = ((D + 1) * (D + 2)) / 2;
    return [
      {
        id: 'attn.linear-attn',
        verdict: same(a, b) ? 'confirmed' : 'refuted',
        evidence: `φ(q_i) does not depend on j, so Σ_jφ(q_i)ᵀφ(k_j)V_j = φ(q_i)ᵀΣ_jφ(k_j)V_jᵀ and likewise the denominator (002:741–743). Instance (D = 2, 3 keys, sim = (qᵀk + 1)²): both forms give ${show(a)}. Causal attention uses prefix sums (property rearrangement, causal).`,
      },
      {
        id: 'attn.linear-attn#memory',
        verdict: 'confirmed',
        evidence: `002:745–747: with dim φ = (D + 1)(D + 2)/2 = O(D²) and M = O(D) value columns, the state Σ_jφ(k_j)V_jᵀ has O(D³) entries and Q, K, V O(ND): O(ND + D³) is an upper bound (computing φ on the fly). Softmax attention stores N² scores; for N ≫ D² (sufficient, not necessary) N² ≫ ND + D³. D = M = ${D}, N = ${N}: ${F}·${M} + ${F} = ${F * M + F} state entries + ${3 * N * D} inputs vs ${N * N} scores.`,
      },
    ];
  },
};
