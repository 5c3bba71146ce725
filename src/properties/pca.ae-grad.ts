/**
 * pca.ae-grad — linear autoencoder L(W₁, W₂) = ‖X − W₂W₁X‖²_F:
 * ∇_{W₂}L = 2(W₂W₁ − I)XXᵀW₁ᵀ, ∇_{W₁}L = 2W₂ᵀ(W₂W₁ − I)XXᵀ.
 * Seed 002_606757b0cdfd2eb0.txt, line 534: "Similarly : $\nabla_{W_1} \mathcal{L} = 2 W_2^T (W_2 W_1 - I) X X^T$"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { aeGradCentral, aeGradNotes, type Mat } from '../oracles/pca.js';
import { smallRational } from './arbitraries.js';

const mat = (r: number, c: number) => fc.array(fc.array(smallRational(5, 3), { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
const aeArb = fc.record({ m: fc.integer({ min: 1, max: 4 }), k: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 4 }) })
  .chain(({ m, k, n }) => fc.record({ X: mat(m, n), W1: mat(k, m), W2: mat(m, k) }));

const eqM = (a: Mat, b: Mat) => a.every((r, i) => r.every((v, j) => v.eq(b[i]![j]!)));
const fmt = (M: Mat) => '[' + M.map((r) => r.join(', ')).join('; ') + ']';

export const claim: ClaimModule = {
  id: 'pca.ae-grad',
  properties: [
    {
      name: 'gradients',
      kind: 'identity',
      description: 'For random rational X (m×n), W₁ (k×m), W₂ (m×k): the notes’ ∇_{W₂}L and ∇_{W₁}L equal the exact central differences (exact: L is quadratic in each of W₁, W₂ with the other fixed).',
      arbitrary: aeArb,
      runs: 60,
      check: ({ X, W1, W2 }) => {
        const a = aeGradNotes(X, W1, W2), b = aeGradCentral(X, W1, W2);
        if (!eqM(a.dW2, b.dW2)) return { ok: false, detail: `∇W₂: notes ${fmt(a.dW2)} vs exact ${fmt(b.dW2)}` };
        if (!eqM(a.dW1, b.dW1)) return { ok: false, detail: `∇W₁: notes ${fmt(a.dW1)} vs exact ${fmt(b.dW1)}` };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const q = (n: number, d = 1) => Rational.of(n, d);
    // X = U Σ Vᵀ with a rational rotation U (3/5, 4/5), Σ = diag(3, 1), V = I.
    const U: Mat = [[q(3, 5), q(-4, 5)], [q(4, 5), q(3, 5)]];
    const X: Mat = [[q(9, 5), q(-4, 5)], [q(12, 5), q(3, 5)]];
    const Uk: Mat = [[U[0]![0]!], [U[1]![0]!]];
    const UkT: Mat = [[U[0]![0]!, U[1]![0]!]];
    const g = aeGradNotes(X, UkT, Uk);
    const c = aeGradCentral(X, UkT, Uk);
    const zero = [...g.dW1.flat(), ...g.dW2.flat()].every((v) => v.isZero());
    const ok = eqM(g.dW1, c.dW1) && eqM(g.dW2, c.dW2);
    return [
      {
        id: 'pca.ae-grad',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `∇_{W₂}L = 2(W₂W₁ − I)XXᵀW₁ᵀ and ∇_{W₁}L = 2W₂ᵀ(W₂W₁ − I)XXᵀ (002:532–534) are exact (checked against exact central differences). ` +
          `At the PCA solution W₁ = U_kᵀ, W₂ = U_k (k = 1, X = U·diag(3, 1) with U the rotation (3/5, 4/5)) both gradients are exactly ${zero ? 'zero' : 'nonzero'}: ∇W₁ = ${fmt(g.dW1)}, ∇W₂ = ${fmt(g.dW2)}.`,
      },
      {
        id: 'pca.ae-grad#d-sigma',
        verdict: 'confirmed',
        evidence: `Typo (a missing factor Σ; 002:518 fixes D = diag(σ_i²)), graded on the intended meaning: 002:536 sets D = Σᵀ for X = UΣVᵀ and then writes XXᵀ = UDUᵀ (002:540). But XXᵀ = UΣΣᵀUᵀ, so D = ΣΣᵀ = diag(σ_i²) — consistent with the notes' own "σ_i² are eigenvalues of XXᵀ" (002:518). ` +
          `Same X: XXᵀ has eigenvalues 9 and 1, UΣᵀUᵀ has 3 and 1. The first-order conditions are unaffected in form (D is diagonal either way).`,
      },
    ];
  },
};
