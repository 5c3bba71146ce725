/**
 * reg.simple-ols — for y = β₀ + β₁x + ε, the least-squares fit is β̂₁ = Σ(x_i − x̄)(y_i − ȳ)/Σ(x_i − x̄)²
 * = cov(x, y)/Var(x) and β̂₀ = ȳ − β̂₁x̄ (the normal equations with design [1, x]).
 * Seed 000_1c190711b4cfcedd.txt, line 281: "\hat{\beta}_0 &= \bar{y} - \hat{\beta}_1 \bar{x}"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { ols, simpleOls, mean } from '../oracles/regression.js';
import { smallRational } from './arbitraries.js';

const arb = fc.integer({ min: 2, max: 7 }).chain((n) => fc.record({
  x: fc.array(smallRational(9, 4), { minLength: n, maxLength: n }),
  y: fc.array(smallRational(9, 4), { minLength: n, maxLength: n }),
})).filter(({ x }) => x.some((v) => !v.eq(x[0]!)));

export const claim: ClaimModule = {
  id: 'reg.simple-ols',
  properties: [
    {
      name: 'closed-form',
      kind: 'identity',
      description: 'For every rational sample with non-constant x, the closed form (β̂₀, β̂₁) equals the normal-equation solution (XᵀX)⁻¹Xᵀy with X = [1, x], exactly.',
      arbitrary: arb,
      runs: 150,
      check: ({ x, y }: { x: Rational[]; y: Rational[] }) => {
        const [b0, b1] = simpleOls(x, y);
        const b = ols(x.map((v) => [Rational.ONE, v]), y);
        return b0.eq(b[0]!) && b1.eq(b[1]!) ? { ok: true } : { ok: false, detail: `closed form (${b0}, ${b1}) vs normal equations (${b.join(', ')})` };
      },
    },
    {
      name: 'through-means',
      kind: 'identity',
      description: 'The fitted line passes through (x̄, ȳ) and the residuals sum to zero.',
      arbitrary: arb,
      runs: 100,
      check: ({ x, y }: { x: Rational[]; y: Rational[] }) => {
        const [b0, b1] = simpleOls(x, y);
        const atMean = b0.add(b1.mul(mean(x)));
        const resSum = Rational.sum(y.map((v, i) => v.sub(b0).sub(b1.mul(x[i]!))));
        return atMean.eq(mean(y)) && resSum.isZero() ? { ok: true } : { ok: false, detail: `ŷ(x̄) = ${atMean}, ȳ = ${mean(y)}, Σr = ${resSum}` };
      },
    },
  ],
  audit: () => {
    const x = [0, 1, 2, 3].map((v) => Rational.of(v));
    const y = [1, 3, 2, 5].map((v) => Rational.of(v));
    const [b0, b1] = simpleOls(x, y);
    const n = Rational.of(x.length);
    return [
      {
        id: 'reg.simple-ols',
        verdict: 'confirmed',
        evidence: `Closed form equals the normal-equation solution exactly on every generated sample. Instance x = (0,1,2,3), y = (1,3,2,5): β̂₁ = ${b1}, β̂₀ = ${b0}. ` +
          `The ratio cov(x,y)/Var(x) is the same with the 1/n or the 1/(n−1) convention as long as both use the same one (the factor ${n}/${n.sub(Rational.ONE)} cancels); it needs x non-constant.`,
      },
    ];
  },
};
