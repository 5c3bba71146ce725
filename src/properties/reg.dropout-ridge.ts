/**
 * reg.dropout-ridge — dropout on least squares is a data-dependent ridge penalty:
 *   E_R ‖y − (R⊙X)w‖² = ‖y − pXw‖² + p(1−p)‖Γw‖²,  R_ij iid Bernoulli(p) (1 = kept), Γ = diag(‖X_{:,j}‖),
 * and for inverted dropout (masks rescaled by 1/p) E‖y − (R⊙X)w/p‖² = ‖y − Xw‖² + ((1−p)/p)‖Γw‖².
 * Seed 002_606757b0cdfd2eb0.txt, line 412: "L(\tilde{w}) = \|y - P\tilde{X}\tilde{w}\|_2^2 + p(1-p)\|\tilde{T}\tilde{w}\|_2^2".
 *
 * Identity: both closed forms equal the exact expectation over all 2^{nd} masks (rational).
 * Statistical (src/statistics/): the implementation's seeded `random.bernoulli-mask` keeps at rate p
 * (binomial Chernoff–KL test) and its masks average the loss to the exact expectation (Hoeffding), level ALPHA_PER_CHECK.
 */

/** Mask entries per check of mask-rate; masks per check of expected-loss. */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { expectedLossEnumerate, expectedLossClosed, lossRange, columnPenalty, type Variant } from '../oracles/regression.js';
import { ALPHA_PER_CHECK } from '../statistics/budget.js';
import { hoeffdingTest, binomialTest, MASK_P_SLACK } from '../statistics/tests.js';
import { smallRational } from './arbitraries.js';

export const MASK_N = 65536;
export const LOSS_MASKS = 12000;
/** float32 uniforms: P(fl32(u) < p) may differ from p by at most 2^-24 per entry; allowed as 2^-22. */
const UNIFORM_SLACK = 2 ** -22;

const DYADIC_P = [0.5, 0.25, 0.75, 0.875, 0.125];

function masks(impl: Implementation, n: number, p: number, seed: number): number[] | string {
  const m = impl.ops['random.bernoulli-mask']!({ n, p, seed }) as ArrayLike<number>;
  if (!m || m.length !== n) return `random.bernoulli-mask returned ${m?.length} values, expected ${n}`;
  for (let i = 0; i < n; i++) if (m[i] !== 0 && m[i] !== 1) return `random.bernoulli-mask returned ${m[i]} at index ${i} (must be exactly 0 or 1)`;
  return Array.from(m);
}

export interface RateInput { seed: number; p: number }
export const rateArb: fc.Arbitrary<RateInput> = fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), p: fc.constantFrom(...DYADIC_P) });

/**
 * The number of ones of MASK_N entries against Binomial(MASK_N, π), |π − p| ≤ MASK_P_SLACK = 2⁻²²
 * (float32 uniforms): two-sided Chernoff test with the exact Kullback–Leibler exponent and critical
 * counts proved by rigorous log enclosures (src/statistics/tests.ts binomialTest), level α. Power
 * against a keep rate p ± 0.02: at p = 1/2 (the worst case) the critical distance is ≈ 0.0133 and
 * the rate's sd 0.0020, so a shift of 0.02 is rejected with probability ≥ 0.9997 per check.
 */
export function checkMaskRate(inp: RateInput, impl: Implementation, alpha = ALPHA_PER_CHECK): Outcome {
  const m = masks(impl, MASK_N, inp.p, inp.seed);
  if (typeof m === 'string') return { ok: false, detail: m };
  let ones = 0;
  for (const v of m) ones += v;
  const P = Rational.fromFloat64(inp.p), s = Rational.fromFloat64(MASK_P_SLACK);
  const t = binomialTest({
    k: ones, n: MASK_N, piLo: Rational.max(Rational.ZERO, P.sub(s)), piHi: Rational.min(Rational.ONE, P.add(s)), alpha, what: `keep rate, p = ${inp.p}`,
  });
  return { ok: !t.reject, ratio: t.ratio, detail: t.detail };
}

export interface LossInput { seed: number; X: number[][]; y: number[]; w: number[]; p: number; variant: Variant }
export const lossArb: fc.Arbitrary<LossInput> = fc.record({
  n: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 3 }),
}).chain(({ n, d }) => fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  X: fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
  y: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: n, maxLength: n }),
  w: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: d, maxLength: d }),
  p: fc.constantFrom(...DYADIC_P),
  variant: fc.constantFrom<Variant>('plain', 'inverted'),
}));

const Q = (v: number): Rational => Rational.fromFloat64(v);

/**
 * Draws LOSS_MASKS masks (n·d entries each) from the implementation, averages ‖y − (M⊙X)w·scale‖²
 * (scale 1, or 1/p for `inverted`; float64, relative error ≪ 1e-9: the slack allows 1e-9·(|E| + max loss)), and tests the
 * mean against the exact expectation of `target` (default: the same variant) with Hoeffding on
 * the exact loss range over all masks. Slack: 2^-22 per entry for float32 uniforms, times the range.
 */
export function checkExpectedLoss(inp: LossInput, impl: Implementation, target: Variant = inp.variant, alpha = ALPHA_PER_CHECK): Outcome {
  const n = inp.X.length, d = inp.w.length, e = n * d;
  const m = masks(impl, LOSS_MASKS * e, inp.p, inp.seed);
  if (typeof m === 'string') return { ok: false, detail: m };
  const scale = inp.variant === 'plain' ? 1 : 1 / inp.p;
  let sum = 0;
  for (let k = 0; k < LOSS_MASKS; k++) {
    let l = 0;
    for (let i = 0; i < n; i++) {
      let pred = 0;
      for (let j = 0; j < d; j++) if (m[k * e + i * d + j]) pred += inp.X[i]![j]! * inp.w[j]!;
      const r = inp.y[i]! - pred * scale;
      l += r * r;
    }
    sum += l;
  }
  const X = inp.X.map((r) => r.map(Q)), y = inp.y.map(Q), w = inp.w.map(Q), p = Q(inp.p);
  const exact = expectedLossClosed(X, y, w, p, target).toFloat64();
  const range = lossRange(X, y, w, inp.variant === 'plain' ? Rational.ONE : Rational.ONE.div(p));
  const lo = range.lo.toFloat64(), hi = range.hi.toFloat64();
  const slack = e * UNIFORM_SLACK * (hi - lo) + 1e-9 * (Math.abs(exact) + hi);
  const t = hoeffdingTest({
    mean: sum / LOSS_MASKS, n: LOSS_MASKS, lo, hi, target: exact, alpha, slack,
    what: `mean ${inp.variant} dropout loss over ${LOSS_MASKS} masks vs exact ${target} expectation`,
  });
  return { ok: !t.reject, ratio: t.ratio, detail: t.detail };
}

const smallP = fc.tuple(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 16, max: 16 })).map(([a, b]) => Rational.of(a, b));

export const claim: ClaimModule = {
  id: 'reg.dropout-ridge',
  properties: [
    {
      name: 'expectation-exact',
      kind: 'identity',
      description: 'For rational X (n×d, nd ≤ 6), y, w and p, the expectation over all 2^{nd} Bernoulli masks equals ‖y − pXw‖² + p(1−p)‖Γw‖² (plain) and ‖y − Xw‖² + ((1−p)/p)‖Γw‖² (inverted, masks/p), exactly.',
      arbitrary: fc.record({ n: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 2 }) }).chain(({ n, d }) => fc.record({
        X: fc.array(fc.array(smallRational(6, 4), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
        y: fc.array(smallRational(6, 4), { minLength: n, maxLength: n }),
        w: fc.array(smallRational(6, 4), { minLength: d, maxLength: d }),
        p: smallP,
      })),
      runs: 40,
      check: ({ X, y, w, p }) => {
        for (const v of ['plain', 'inverted'] as const) {
          const brute = expectedLossEnumerate(X, y, w, p, v), closed = expectedLossClosed(X, y, w, p, v);
          if (!brute.eq(closed)) return { ok: false, detail: `${v}: E over masks = ${brute} ≠ closed form ${closed}` };
        }
        return { ok: true };
      },
    },
    {
      name: 'mask-rate',
      kind: 'conformance',
      description: `random.bernoulli-mask: ${MASK_N} entries, each exactly 0 or 1, number of ones Binomial(n, p) — Chernoff–KL test with proved critical counts at level ALPHA_PER_CHECK (src/statistics/budget.ts).`,
      arbitrary: rateArb,
      ops: ['random.bernoulli-mask'],
      runs: 3,
      check: (inp, impl) => checkMaskRate(inp, impl!),
    },
    {
      name: 'expected-loss',
      kind: 'conformance',
      description: `Dropout masks from random.bernoulli-mask (${LOSS_MASKS} per check) average ‖y − (M⊙X)w‖² (or with M/p) to the exact expectation, Hoeffding on the exact loss range, level ALPHA_PER_CHECK.`,
      arbitrary: lossArb,
      ops: ['random.bernoulli-mask'],
      runs: 3,
      check: (inp, impl) => checkExpectedLoss(inp, impl!),
    },
  ],
  audit: () => {
    const X = [[Rational.ONE, Rational.ZERO], [Rational.ZERO, Rational.fromInt(2)]];
    const y = [Rational.ONE, Rational.ONE];
    const p = Rational.of(1, 2);
    const w = [Rational.ONE, Rational.ONE];
    const brute = expectedLossEnumerate(X, y, w, p, 'plain');
    const closed = expectedLossClosed(X, y, w, p, 'plain');
    const pq = p.mul(Rational.ONE.sub(p));
    const pen1 = pq.mul(columnPenalty(X, [Rational.ONE, Rational.ZERO]));
    const pen2 = pq.mul(columnPenalty(X, [Rational.ZERO, Rational.ONE]));
    return [
      {
        id: 'reg.dropout-ridge',
        verdict: !pen1.eq(pen2) || !brute.eq(closed) ? 'refuted' : 'confirmed',
        evidence: `002:402–420 derive "dropout = ridge" in two parts; the most severe part decides. The expected-loss identity of 002:412 is exact (#identity), but the conclusion 002:416–420, ` +
          `T̃ = √((1−p)/p)·Ĩ — an isotropic ridge penalty λ‖w̃‖² — is false as soon as the columns of X have different norms (#ridge-form): X = [[1,0],[0,2]], p = 1/2 penalises w = e₁ by ${pen1} and w = e₂ by ${pen2}.`,
      },
      {
        id: 'reg.dropout-ridge#identity',
        verdict: brute.eq(closed) ? 'confirmed' : 'refuted',
        evidence: `Reading P = p, X̃ = X, w̃ = w, RX = R⊙X (002:406–412). Exact: X = [[1,0],[0,2]], y = (1,1), w = (1,1), p = 1/2: ` +
          `E over all 16 masks = ${brute} = ‖y − pXw‖² + p(1−p)‖Γw‖² = ${closed}. Property expectation-exact enumerates every mask on random rational inputs; ` +
          `tfjs Bernoulli masks average to it (property expected-loss).`,
      },
      {
        id: 'reg.dropout-ridge#ridge-form',
        verdict: pen1.eq(pen2) ? 'confirmed' : 'refuted',
        evidence: `The notes then take T̃ = √((1−p)/p)·Ĩ (002:416), an isotropic penalty λ‖w̃‖². The penalty is p(1−p)Σ_j w_j²‖X_{:,j}‖², isotropic only when all ` +
          `columns of X have the same norm: X = [[1,0],[0,2]], p = 1/2 gives ${pen1} for w = e₁ and ${pen2} for w = e₂ (same ‖w‖ = 1). Exact form: with v = p·w, u = Γv, ` +
          `X̃ = XΓ⁻¹: E = ‖y − X̃u‖² + ((1−p)/p)‖u‖², ridge with λ = (1−p)/p on column-normalised features (a scaling by column norms, not batch-norm's centring and batch statistics).`,
      },
    ];
  },
};
