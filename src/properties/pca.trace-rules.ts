/**
 * pca.trace-rules — the trace identities and matrix gradients used for the linear autoencoder /
 * PCA first-order conditions: ‖A‖²_F = tr(AAᵀ), tr(ABC) = tr(BCA) = tr(CAB), tr(A) = tr(Aᵀ),
 * ∇_A tr(AB) = Bᵀ, ∇_B tr(AB) = Aᵀ, ∇ tr(ABBA) = (BBA)ᵀ + (ABB)ᵀ, and for
 * L = ‖X − W₂W₁X‖²_F: ∇_{W₂}L = 2(W₂W₁ − I)XXᵀW₁ᵀ, ∇_{W₁}L = 2W₂ᵀ(W₂W₁ − I)XXᵀ.
 * Gradients are checked exactly: each function is at most quadratic in the varied matrix, so the
 * central difference (f(A + E) − f(A − E))/2 equals the directional derivative ⟨∇f, E⟩ exactly.
 * Seed 002_606757b0cdfd2eb0.txt, line 524: "$$\nabla_A \text{tr}(AB) = B^T, \quad \nabla_B \text{tr}(AB) = A^T.$$"
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';

const small = fc.integer({ min: -4, max: 4 }).map((v) => Rational.of(v));
const mat = (r: number, c: number) => fc.array(fc.array(small, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }).map((a) => QMatrix.from(a));

export const tr = (M: QMatrix): Rational => Rational.sum(Array.from({ length: Math.min(M.rows, M.cols) }, (_, i) => M.get(i, i)));
export const inner = (A: QMatrix, B: QMatrix): Rational => tr(A.transpose().mul(B));
const fro2 = (A: QMatrix) => inner(A, A);
/** Exact directional derivative of an (at most) quadratic function f at A along E. */
const dir = (f: (A: QMatrix) => Rational, A: QMatrix, E: QMatrix) => f(A.add(E)).sub(f(A.sub(E))).div(Rational.of(2));

const dims = fc.record({ m: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 3 }), k: fc.integer({ min: 1, max: 3 }) });

export const loss = (X: QMatrix, W1: QMatrix, W2: QMatrix): Rational => fro2(X.sub(W2.mul(W1).mul(X)));
export const gradW2 = (X: QMatrix, W1: QMatrix, W2: QMatrix) => W2.mul(W1).sub(QMatrix.identity(X.rows)).mul(X).mul(X.transpose()).mul(W1.transpose()).scale(2);
export const gradW1 = (X: QMatrix, W1: QMatrix, W2: QMatrix) => W2.transpose().mul(W2.mul(W1).sub(QMatrix.identity(X.rows))).mul(X).mul(X.transpose()).scale(2);

export const claim: ClaimModule = {
  id: 'pca.trace-rules',
  properties: [
    {
      name: 'trace-identities',
      kind: 'identity',
      description: '‖A‖²_F = tr(AAᵀ), tr(ABC) = tr(BCA) = tr(CAB) for compatible rectangular A, B, C, and tr(M) = tr(Mᵀ), exactly.',
      arbitrary: dims.chain(({ m, n, k }) => fc.record({ A: mat(m, n), B: mat(n, k), C: mat(k, m) })),
      runs: 100,
      check: ({ A, B, C }) => {
        const M = A.mul(B).mul(C);
        const ok = fro2(A).eq(tr(A.mul(A.transpose()))) && tr(M).eq(tr(B.mul(C).mul(A))) && tr(M).eq(tr(C.mul(A).mul(B))) && tr(M).eq(tr(M.transpose()));
        return ok ? { ok: true } : { ok: false, detail: `tr(ABC) = ${tr(M)}, tr(BCA) = ${tr(B.mul(C).mul(A))}, tr(CAB) = ${tr(C.mul(A).mul(B))}` };
      },
    },
    {
      name: 'trace-gradients',
      kind: 'identity',
      description: '⟨∇_A tr(AB), E⟩ = ⟨Bᵀ, E⟩, ⟨∇_B tr(AB), F⟩ = ⟨Aᵀ, F⟩ and ⟨∇_A tr(ABBA), E⟩ = ⟨(BBA)ᵀ + (ABB)ᵀ, E⟩ (square A, B) exactly.',
      arbitrary: dims.chain(({ m, n }) => fc.record({ A: mat(m, n), B: mat(n, m), E: mat(m, n), F: mat(n, m), S: mat(m, m), T: mat(m, m), G: mat(m, m) })),
      runs: 100,
      check: ({ A, B, E, F, S, T, G }) => {
        const g1 = dir((Z) => tr(Z.mul(B)), A, E).eq(inner(B.transpose(), E));
        const g2 = dir((Z) => tr(A.mul(Z)), B, F).eq(inner(A.transpose(), F));
        const want = T.mul(T).mul(S).transpose().add(S.mul(T).mul(T).transpose());
        const g3 = dir((Z) => tr(Z.mul(T).mul(T).mul(Z)), S, G).eq(inner(want, G));
        return g1 && g2 && g3 ? { ok: true } : { ok: false, detail: `tr(AB) in A: ${g1}, in B: ${g2}, tr(ABBA): ${g3}` };
      },
    },
    {
      name: 'autoencoder-gradients',
      kind: 'identity',
      description: 'For L = ‖X − W₂W₁X‖²_F, the directional derivatives in W₂ and W₁ equal ⟨2(W₂W₁ − I)XXᵀW₁ᵀ, E₂⟩ and ⟨2W₂ᵀ(W₂W₁ − I)XXᵀ, E₁⟩ exactly.',
      arbitrary: dims.chain(({ m, n, k }) => fc.record({ X: mat(m, n), W1: mat(k, m), W2: mat(m, k), E1: mat(k, m), E2: mat(m, k) })),
      runs: 100,
      check: ({ X, W1, W2, E1, E2 }) => {
        const d2 = dir((Z) => loss(X, W1, Z), W2, E2), d1 = dir((Z) => loss(X, Z, W2), W1, E1);
        const ok = d2.eq(inner(gradW2(X, W1, W2), E2)) && d1.eq(inner(gradW1(X, W1, W2), E1));
        return ok ? { ok: true } : { ok: false, detail: `dL[W₂; E₂] = ${d2} vs ${inner(gradW2(X, W1, W2), E2)}; dL[W₁; E₁] = ${d1} vs ${inner(gradW1(X, W1, W2), E1)}` };
      },
    },
  ],
  audit: () => {
    const A = QMatrix.from([[1, 2], [0, 1]].map((r) => r.map((v) => Rational.of(v))));
    const B = QMatrix.from([[0, 1], [1, 1]].map((r) => r.map((v) => Rational.of(v))));
    const gradA = B.mul(B).mul(A).transpose().add(A.mul(B).mul(B).transpose());
    const gradAt = gradA.transpose();
    const X = QMatrix.from([[2, 0], [0, 1]].map((r) => r.map((v) => Rational.of(v))));
    const W1 = QMatrix.from([[1, 0]].map((r) => r.map((v) => Rational.of(v))));
    const W2 = QMatrix.from([[1], [0]].map((r) => r.map((v) => Rational.of(v))));
    const M = W2.mul(W1), G = X.mul(X.transpose());
    const written = tr(G.mul(M).mul(G).mul(M.transpose())).sub(tr(M.mul(G)).mul(Rational.of(2)));
    const right = tr(M.mul(G).mul(M.transpose())).sub(tr(M.mul(G)).mul(Rational.of(2)));
    return [
      {
        id: 'pca.trace-rules',
        verdict: 'confirmed',
        evidence: 'The trace identities (002:522), ∇_A tr(AB) = Bᵀ, ∇_B tr(AB) = Aᵀ (002:524), and the final gradients ∇_{W₂}L = 2(W₂W₁ − I)XXᵀW₁ᵀ, ' +
          '∇_{W₁}L = 2W₂ᵀ(W₂W₁ − I)XXᵀ (002:532–534) hold exactly on every generated case (exact central differences of quadratic functions), with ∇_A f the matrix of ∂f/∂A_ij.',
      },
      {
        id: 'pca.trace-rules#transpose-label',
        verdict: 'confirmed',
        evidence: `Typo (a transposed subscript; 002:524 fixes the layout), graded on the intended meaning: 002:526–528 label (BBA)ᵀ + (ABB)ᵀ as ∇_{Aᵀ} tr(ABBA). With ∇_M f = [∂f/∂M_ij] (the convention of ∇_A tr(AB) = Bᵀ on 002:524) that matrix is ∇_A; ∇_{Aᵀ} is its transpose BBA + ABB. ` +
          `A = [1 2; 0 1], B = [0 1; 1 1]: ∇_A = ${gradA}, ∇_{Aᵀ} = ${gradAt}. The final gradients are stated with ∇_A, so the label does not propagate.`,
      },
      {
        id: 'pca.trace-rules#expanded-loss',
        verdict: 'confirmed',
        evidence: `Typo (a duplicated factor XXᵀ; the next line differentiates the right expansion, and the constant tr(XXᵀ) vanishes under ∇), graded on the intended meaning: 002:532 expands L as tr(XXᵀW₂W₁XXᵀW₁ᵀW₂ᵀ − 2W₂W₁XXᵀ); the quadratic term has an extra XXᵀ and the constant tr(XXᵀ) is dropped: L − tr(XXᵀ) = tr(W₂W₁XXᵀW₁ᵀW₂ᵀ) − 2tr(W₂W₁XXᵀ). ` +
          `X = [2 0; 0 1], W₁ = [1 0], W₂ = [1; 0]: as written ${written}, correct ${right} (L = ${loss(X, W1, W2)}, tr(XXᵀ) = ${tr(G)}). The next line's gradient is that of the correct expansion.`,
      },
    ];
  },
};
