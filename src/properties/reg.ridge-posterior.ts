/**
 * reg.ridge-posterior — with W ~ N(0, I_n), N ~ N(0, I_m) independent and Y = XW + √λN:
 * Σ_WY = E[WYᵀ] = Xᵀ, Σ_YY = E[YYᵀ] = XXᵀ + λI, A = Σ_WY Σ_YY⁻¹ makes Z = W − AY uncorrelated with
 * Y, and (Gaussian, so uncorrelated ⇒ independent) E[W | Y = y] = Xᵀ(XXᵀ + λI)⁻¹y, the ridge
 * estimate. The moments are checked exactly with ±1 entries (mean 0, covariance I; λ a rational
 * square so √λ is rational), enumerating all 2^{n+m} outcomes.
 * Seed 002_606757b0cdfd2eb0.txt, line 134: "\therefore \hat{W} = \mathbb{E}[W|Y=y] = X^T (XX^T + \lambda I)^{-1} y"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { ridgeDual, ridgePrimal, matVec, type Mat, type Vec } from '../oracles/regression.js';
import { smallRational } from './arbitraries.js';

interface Outcome { w: Vec; y: Vec }

/** All 2^{n+m} equally likely outcomes (W, Y = XW + rN) with W, N having independent ±1 entries. */
export function outcomes(X: Mat, r: Rational): Outcome[] {
  const m = X.length, n = X[0]!.length, out: Outcome[] = [];
  for (let mask = 0; mask < 2 ** (n + m); mask++) {
    const bit = (i: number) => (((mask >> i) & 1) ? Rational.ONE : Rational.ONE.neg());
    const w = Array.from({ length: n }, (_, i) => bit(i));
    const noise = Array.from({ length: m }, (_, i) => bit(n + i));
    out.push({ w, y: matVec(X, w).map((v, i) => v.add(r.mul(noise[i]!))) });
  }
  return out;
}

/** E[a bᵀ] over the outcomes. */
function cross(os: Outcome[], a: (o: Outcome) => Vec, b: (o: Outcome) => Vec): QMatrix {
  const rows = a(os[0]!).length, cols = b(os[0]!).length;
  const acc = Array.from({ length: rows }, () => new Array<Rational>(cols).fill(Rational.ZERO));
  for (const o of os) { const u = a(o), v = b(o); for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) acc[i]![j] = acc[i]![j]!.add(u[i]!.mul(v[j]!)); }
  return QMatrix.from(acc.map((r) => r.map((x) => x.div(Rational.fromInt(os.length)))));
}

const arb = fc.record({ m: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 3 }) }).chain(({ m, n }) => fc.record({
  X: fc.array(fc.array(smallRational(5, 3), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
  r: fc.integer({ min: 1, max: 6 }).chain((p) => fc.integer({ min: 1, max: 4 }).map((q) => Rational.of(p, q))),
  y: fc.array(smallRational(6, 3), { minLength: m, maxLength: m }),
}));

export const claim: ClaimModule = {
  id: 'reg.ridge-posterior',
  properties: [
    {
      name: 'moments',
      kind: 'identity',
      description: 'E[WYᵀ] = Xᵀ and E[YYᵀ] = XXᵀ + λI exactly (λ = r², entries ±1, all outcomes enumerated).',
      arbitrary: arb,
      runs: 60,
      check: ({ X, r }) => {
        const os = outcomes(X, r);
        const A = QMatrix.from(X);
        const swy = cross(os, (o) => o.w, (o) => o.y), syy = cross(os, (o) => o.y, (o) => o.y);
        const ok = swy.equals(A.transpose()) && syy.equals(A.mul(A.transpose()).add(QMatrix.identity(A.rows).scale(r.mul(r))));
        return ok ? { ok: true } : { ok: false, detail: `Σ_WY = ${swy}, Σ_YY = ${syy}` };
      },
    },
    {
      name: 'uncorrelated-residual',
      kind: 'identity',
      description: 'With A = Xᵀ(XXᵀ + λI)⁻¹, Z = W − AY is uncorrelated with Y (E[ZYᵀ] = 0) exactly, and Ay equals the primal ridge estimate (XᵀX + λI)⁻¹Xᵀy.',
      arbitrary: arb,
      runs: 60,
      check: ({ X, r, y }) => {
        const os = outcomes(X, r);
        const M = QMatrix.from(X);
        const lambda = r.mul(r);
        const Amat = M.mul(M.transpose()).add(QMatrix.identity(M.rows).scale(lambda)).solve(M).transpose();
        const z = cross(os, (o) => o.w.map((v, i) => v.sub(Rational.sum(o.y.map((yy, j) => Amat.get(i, j).mul(yy))))), (o) => o.y);
        const zero = z.toArray().flat().every((v) => v.isZero());
        const ay = matVec(Amat.toArray(), y), primal = ridgePrimal(M, y, lambda);
        return zero && ay.every((v, i) => v.eq(primal[i]!)) ? { ok: true } : { ok: false, detail: `E[ZYᵀ] = ${z}, Ay = [${ay}], ridge [${primal}]` };
      },
    },
  ],
  audit: () => {
    const X: Mat = [[Rational.of(2)]];
    const os = outcomes(X, Rational.ONE);
    const at3 = os.filter((o) => o.y[0]!.eq(Rational.of(3)));
    const condMean = Rational.sum(at3.map((o) => o.w[0]!)).div(Rational.fromInt(at3.length));
    const lin = ridgeDual(QMatrix.from(X), [Rational.of(3)], Rational.ONE)[0]!;
    return [
      {
        id: 'reg.ridge-posterior',
        verdict: 'confirmed',
        evidence: 'Σ_WY = Xᵀ, Σ_YY = XXᵀ + λI and Cov(W − AY, Y) = 0 hold exactly; under the Gaussian model Z ⊥ Y, so E[W | Y = y] = Ay = Xᵀ(XXᵀ + λI)⁻¹y, equal to the primal ridge estimate. ' +
          'The derivation typos (A = Σ_WY Σ_YY^T for Σ_YY⁻¹, √N·N for √λ·N, Σ_YY computed as E[(XW + N)(XW + N)ᵀ]) are recorded in reg.ridge-push-through#derivation-typos.',
      },
      {
        id: 'reg.ridge-posterior#needs-gaussian',
        verdict: 'confirmed',
        evidence: `The step "uncorrelated ⇒ E[Z | Y] = E[Z]" uses joint Gaussianity, which the notes assume. Without it the linear formula is only the best linear estimate: ` +
          `X = [2], λ = 1 with W, N = ±1: E[W | Y = 3] = ${condMean} but Xᵀ(XXᵀ + λI)⁻¹·3 = ${lin}.`,
      },
    ];
  },
};
