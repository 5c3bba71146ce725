/**
 * rnn.vanishing — the notes' vanishing-gradient criterion for tanh RNNs. With h_t = tanh(o_t),
 * o_t = W_hh h_{t−1} + W_hx x_t + b, the backpropagated factor is
 *   ∂h_T/∂h_t = Π_{s=t+1}^{T} D_s W_hh,  D_s = diag(tanh′(o_s)), 0 < tanh′ ≤ 1.
 * Sufficient: ‖W_hh‖ < 1 in an operator norm (‖D_s‖ ≤ 1) ⇒ geometric decay. Not sufficient: the
 * eigenvalues of W_hh below 1 in modulus — the products D_s W_hh with varying D_s can grow.
 * Seed 004_975819c312b074f9.txt, line 706: "if the eigenvalues of W_{hh} are less than 1, the gradient decays exponentially"
 * Also seed 000, line 328: "as $\tanh(x)$ is small for $|x| > 2$" (it is tanh′ that is small).
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { encloseRational } from '../numerics/enclose.js';
import { mul, sub, point, tanh } from '../numerics/interval.js';
import { smallRational } from './arbitraries.js';

const unitRational = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 12 })).map(([p, q]) => Rational.of(Math.min(p, q), q));

const arb = fc.record({ m: fc.integer({ min: 1, max: 3 }), T: fc.integer({ min: 1, max: 5 }) }).chain(({ m, T }) => fc.record({
  W: fc.array(fc.array(smallRational(6, 4), { minLength: m, maxLength: m }), { minLength: m, maxLength: m }),
  Ds: fc.array(fc.array(unitRational, { minLength: m, maxLength: m }), { minLength: T, maxLength: T }),
}));

const diag = (d: Rational[]) => QMatrix.from(d.map((v, i) => d.map((_, j) => (i === j ? v : Rational.ZERO))));

/** Π_s D_s W (latest step on the left). */
function jacobianProduct(W: QMatrix, Ds: Rational[][]): QMatrix {
  let P = QMatrix.from(Ds[0]!.map((_, i) => Ds[0]!.map((_, j) => (i === j ? Rational.ONE : Rational.ZERO))));
  for (const d of Ds) P = diag(d).mul(W).mul(P);
  return P;
}

export const claim: ClaimModule = {
  id: 'rnn.vanishing',
  properties: [
    {
      name: 'norm-criterion',
      kind: 'identity',
      description: 'For any W and any diagonal D_s with entries in [0, 1] (the tanh′ factors), ‖Π_s D_s W‖_∞ ≤ ‖W‖_∞^T exactly: an operator norm below 1 (not the eigenvalues) guarantees geometric decay.',
      arbitrary: arb,
      runs: 100,
      check: ({ W, Ds }) => {
        const Wq = QMatrix.from(W);
        const P = jacobianProduct(Wq, Ds);
        const lhs = P.normInf(), rhs = Wq.normInf().pow(Ds.length);
        return lhs.le(rhs) ? { ok: true } : { ok: false, detail: `‖ΠDW‖∞ = ${lhs} > ‖W‖∞^T = ${rhs}` };
      },
    },
  ],
  audit: () => {
    const r = (s: string) => Rational.parse(s);
    const W = QMatrix.from([[r('5/4'), r('2')], [r('-1'), r('-5/4')]]);
    // eigenvalues: λ² − tr λ + det = 0, tr = 0, det = −25/16 + 2 = 7/16 ⇒ λ = ±i√7/4, |λ|² = 7/16.
    const tr = W.get(0, 0).add(W.get(1, 1)), det = W.det();
    const eps = r('1/100');
    const D1 = diag([Rational.ONE, eps]), D2 = diag([eps, Rational.ONE]);
    const P = D2.mul(W).mul(D1).mul(W); // two steps: D_2 W D_1 W
    const pTr = P.get(0, 0).add(P.get(1, 1)), pDet = P.det();
    const norms: string[] = [];
    let Pk = P;
    for (let k = 1; k <= 5; k++) { norms.push(Pk.normInf().toDecimal(4)); Pk = Pk.mul(P); }
    // Characteristic polynomial χ(λ) = λ² − tr·λ + det: χ(−1) = 1 + tr + det < 0 and χ → +∞ as λ → −∞,
    // so P has a real eigenvalue < −1.
    const chiMinus1 = Rational.ONE.add(pTr).add(pDet);
    const Wnorm = W.normInf();
    // 000:328: tanh(2) vs tanh′(2) = 1 − tanh²(2).
    const t2 = tanh(encloseRational(Rational.fromInt(2)));
    const d2 = sub(point(1), mul(t2, t2));
    return [
      {
        id: 'rnn.vanishing',
        verdict: chiMinus1.sign() < 0 ? 'refuted' : 'confirmed',
        evidence: `004:706: "if the eigenvalues of W_hh are less than 1, the gradient decays exponentially". For a tanh RNN the backpropagated factor is Π_s diag(tanh′(o_s)) W_hh, and eigenvalues below 1 do not bound it: ` +
          `W_hh = [5/4, 2; −1, −5/4] has trace ${tr}, determinant ${det}, eigenvalues ±i√7/4 (|λ| = √7/4 ≈ 0.661 < 1), yet with tanh′ factors D_1 = diag(1, 1/100), D_2 = diag(1/100, 1) (both attainable: tanh′(0) = 1, tanh′(o) = 1/100 at |o| = atanh(√0.99)) ` +
          `the two-step product P = D_2 W D_1 W has trace ${pTr}, determinant ${pDet}; its characteristic polynomial χ(λ) = λ² − trace·λ + det has χ(−1) = ${chiMinus1} ${chiMinus1.sign() < 0 ? '< 0' : '≥ 0 (!)'}, so P has a real eigenvalue below −1 (≈ ${pTr.toDecimal(4)}); ` +
          `‖P^k‖∞ for k = 1..5: ${norms.join(', ')} — the gradient explodes. A sufficient condition is an operator norm below 1 (‖W‖∞ here is ${Wnorm}); the linear-RNN reading (powers of W_hh only) is rnn.linear-grad#eigenvalue-criterion.`,
      },
      {
        id: 'rnn.vanishing#tanh-small',
        verdict: 'confirmed',
        evidence: `Typo (a missing prime; the formula of 000:326 multiplies tanh′), graded on the intended meaning, which is right: 000:328 explains the vanishing gradient "as tanh(x) is small for |x| > 2"; tanh(x) is close to ±1 there (tanh(2) ∈ [${t2.lo.toPrecision(8)}, ${t2.hi.toPrecision(8)}]). ` +
          `What is small is the derivative tanh′(x) = 1 − tanh²(x) that the formula at 000:326 multiplies: tanh′(2) ∈ [${d2.lo.toPrecision(6)}, ${d2.hi.toPrecision(6)}], and tanh′(x) ≤ tanh′(2) for |x| ≥ 2.`,
      },
    ];
  },
};
