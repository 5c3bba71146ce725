/**
 * rlhf.dpo — the DPO loss −E log σ(β log π(y_w)/π_ref(y_w) − β log π(y_l)/π_ref(y_l)) and its gradient.
 * Seed 003_c2e944a0f3874627.txt, line 1055 (σ written as α).
 */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { dpoExact, type DpoArgs } from '../oracles/alignment.js';
import { toInterval } from '../oracles/retrieval.js';
import { dpoBounds } from '../numerics/bounds-alignment.js';
import { precisionOf, SAFETY } from '../numerics/bounds.js';
import { distanceToInterval } from '../numerics/enclose.js';
import { f32Scaled } from './arbitraries.js';
import { classes, sizeUpTo, f64Full, castFloats, type Tagged } from './gen-helpers.js';
import { seededValues } from './seeded-values.js';

export interface DpoCaseArgs { policyChosen: number[]; policyRejected: number[]; refChosen: number[]; refRejected: number[]; beta: number }
export type DpoCase = Tagged<DpoCaseArgs>;

const fr = (v: number) => { const r = Math.fround(v); return Object.is(r, -0) ? 0 : r; };
const BETAS = [0.01, 0.05, 0.1, 0.5, 1].map(fr);
const logp = (lo: number) => fc.integer({ min: -lo * 64, max: -1 }).map((k) => k / 64);
const four = (n: fc.Arbitrary<number>, el: fc.Arbitrary<number>) => n.chain((k) => fc.tuple(...[0, 1, 2, 3].map(() => fc.array(el, { minLength: k, maxLength: k })), fc.constantFrom(...BETAS)))
  .map(([a, b, c, d, beta]) => ({ policyChosen: a as number[], policyRejected: b as number[], refChosen: c as number[], refRejected: d as number[], beta: beta as number }));

/** Input classes of `loss.dpo` (spec/ops.md; test/power/loss.dpo-generators.test.ts). */
export const DPO_CLASSES = [
  { name: 'mixed', weight: 30, arb: four(sizeUpTo(1, 16), fc.oneof(logp(200), f32Scaled(-8, 6).map((v) => -Math.abs(v)))) },
  {
    name: 'equal-policy', weight: 12,
    arb: four(sizeUpTo(1, 16), logp(200)).map((a) => ({ ...a, refChosen: [...a.policyChosen], refRejected: [...a.policyRejected] })),
  },
  {
    // β·margin from 90 to 400 in either direction
    name: 'large-margin', weight: 15,
    // the reference equals the policy except for a shift of ±(90…400) nats on the chosen completion: h = ±shift exactly
    arb: fc.tuple(four(sizeUpTo(1, 8), logp(100)), fc.array(fc.tuple(fc.integer({ min: 90, max: 400 }), fc.boolean()), { minLength: 8, maxLength: 8 })).map(([a, ms]) => ({
      ...a, beta: fr(1), refChosen: a.policyChosen.map((v, i) => fr(v - (ms[i]![1] ? 1 : -1) * ms[i]![0])), refRejected: [...a.policyRejected],
    })),
  },
  {
    // the policy prefers the rejected completion: π_l − ρ_l > π_w − ρ_w, with distinct offsets per argument
    name: 'swapped-sign', weight: 12,
    arb: four(sizeUpTo(1, 12), logp(50)).map((a) => ({
      ...a,
      policyChosen: a.policyChosen.map((v) => fr(v - 120)), refChosen: a.refChosen.map((v) => fr(v - 10)),
      policyRejected: a.policyRejected.map((v) => fr(v - 5)), refRejected: a.refRejected.map((v) => fr(v - 60)),
    })),
  },
  { name: 'float64-only', weight: 10, arb: four(sizeUpTo(1, 12), f64Full(-2, 8).map((v) => -Math.abs(v))) },
  {
    name: 'realistic', weight: 4,
    arb: fc.noShrink(fc.tuple(sizeUpTo(64, 256, 4), fc.integer({ min: 1, max: 0x7fffffff })).map(([n, s]) => {
      const v = seededValues(4 * n, s, { uniform: 1 }).map((x) => fr(-20 - 740 * (x + 1)));
      const pc = v.slice(0, n), pr = v.slice(n, 2 * n);
      // the reference close to the policy (a few nats apart), as after some DPO steps
      const w = seededValues(2 * n, s ^ 0x5bd1e995, { uniform: 4 });
      return { policyChosen: pc, policyRejected: pr, refChosen: pc.map((x, i) => fr(x + w[i]!)), refRejected: pr.map((x, i) => fr(x + w[n + i]!)), beta: fr(0.1) };
    })),
  },
] as const;

export const dpoArb: fc.Arbitrary<DpoCase> = classes<DpoCaseArgs>(DPO_CLASSES as unknown as readonly { name: string; weight: number; arb: fc.Arbitrary<DpoCaseArgs> }[]);

export function dpoExpectation(a: DpoArgs, impl: Pick<Implementation, 'dtype' | 'backend' | 'profile'>) {
  const e = dpoExact(a);
  const S = a.policyChosen.map((_, i) => (Math.abs(a.policyChosen[i]!) + Math.abs(a.policyRejected[i]!) + Math.abs(a.refChosen[i]!) + Math.abs(a.refRejected[i]!)) * SAFETY);
  const terms = e.terms.map((t) => t.hi.toFloat64() * SAFETY);
  const grad = e.gradChosen.map((g) => Math.max(Math.abs(g.lo.toFloat64()), Math.abs(g.hi.toFloat64())) * SAFETY);
  const b = dpoBounds({ S, beta: a.beta, terms, grad }, precisionOf(impl));
  return { loss: toInterval(e.loss), gradChosen: e.gradChosen.map(toInterval), gradRejected: e.gradRejected.map(toInterval), bound: b };
}

export function compareDpo(a: DpoArgs, got: any, impl: Implementation): Outcome {
  const n = a.policyChosen.length;
  if (!got || typeof got.loss !== 'number' || !Array.isArray(got.gradChosen) || !Array.isArray(got.gradRejected) || got.gradChosen.length !== n || got.gradRejected.length !== n) return { ok: false, detail: `malformed result ${JSON.stringify(got)?.slice(0, 200)}` };
  const x = dpoExpectation(a, impl);
  let worst = 0;
  const judge = (v: number, enc: { lo: number; hi: number }, bound: number, what: string): Outcome | null => {
    const err = Number.isNaN(v) ? Infinity : distanceToInterval(v, enc as any);
    const r = err === 0 ? 0 : err / bound;
    worst = Math.max(worst, r);
    return r <= 1 ? null : { ok: false, ratio: r, detail: `${what} = ${v}, exact ∈ [${enc.lo}, ${enc.hi}], bound ${bound.toExponential(3)}, n = ${n}, β = ${a.beta}` };
  };
  const l = judge(got.loss, x.loss, x.bound.loss, 'loss');
  if (l) return l;
  for (let i = 0; i < n; i++) {
    const g1 = judge(got.gradChosen[i], x.gradChosen[i]!, x.bound.grad[i]!, `∂loss/∂policyChosen[${i}]`);
    if (g1) return g1;
    const g2 = judge(got.gradRejected[i], x.gradRejected[i]!, x.bound.grad[i]!, `∂loss/∂policyRejected[${i}]`);
    if (g2) return g2;
  }
  return { ok: true, ratio: worst };
}

const mid = (b: { lo: Rational; hi: Rational }) => b.lo.add(b.hi).div(Rational.of(2));

export const claim: ClaimModule = {
  id: 'rlhf.dpo',
  properties: [
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation’s DPO loss and its gradient with respect to the policy log-probabilities (tfjs: tf.valueAndGrads, autodiff) lie within the derived bounds (dpoBounds) of the rigorous enclosures of −mean log σ(h) and ∓(β/n)σ(−h); policy = reference, margins beyond the exp range, swapped preferences, float64-only values, batches up to 256.',
      arbitrary: dpoArb,
      ops: ['loss.dpo'],
      runs: 100,
      check: (c, impl) => {
        const a = castFloats({ policyChosen: c.policyChosen, policyRejected: c.policyRejected, refChosen: c.refChosen, refRejected: c.refRejected, beta: c.beta }, impl!.dtype);
        return compareDpo(a, impl!.ops['loss.dpo']!(a), impl!);
      },
    },
    {
      name: 'gradient-mean-value',
      kind: 'identity',
      description: 'The oracle’s gradient is the derivative of its loss, exactly: for a step ε = 2⁻¹⁰ in π_w,i (or π_l,i) the difference quotient of the enclosed losses lies between the enclosed gradients at the two ends (the gradient is monotone in h, mean-value theorem); at policy = reference the loss is log 2.',
      arbitrary: fc.tuple(four(fc.integer({ min: 1, max: 4 }), logp(40)), fc.nat(), fc.boolean()),
      runs: 60,
      check: ([a, k, chosen]: [DpoCaseArgs, number, boolean]) => {
        const i = k % a.policyChosen.length;
        const eps = 2 ** -10;
        const key = chosen ? 'policyChosen' : 'policyRejected';
        const b = { ...a, [key]: a[key].map((v, j) => (j === i ? v + eps : v)) };
        const e0 = dpoExact(a), e1 = dpoExact(b);
        const E = Rational.fromFloat64(eps);
        const dqLo = e1.loss.lo.sub(e0.loss.hi).div(E), dqHi = e1.loss.hi.sub(e0.loss.lo).div(E);
        const g0 = chosen ? e0.gradChosen[i]! : e0.gradRejected[i]!, g1 = chosen ? e1.gradChosen[i]! : e1.gradRejected[i]!;
        const lo = Rational.min(g0.lo, g1.lo), hi = Rational.max(g0.hi, g1.hi);
        if (dqHi.lt(lo) || dqLo.gt(hi)) return { ok: false, detail: `difference quotient [${dqLo.toDecimal(12)}, ${dqHi.toDecimal(12)}] outside the gradient range [${lo.toDecimal(12)}, ${hi.toDecimal(12)}]` };
        const eq = dpoExact({ ...a, refChosen: a.policyChosen, refRejected: a.policyRejected });
        if (eq.loss.lo.toFloat64() > Math.LN2 + 1e-15 || eq.loss.hi.toFloat64() < Math.LN2 - 1e-15) return { ok: false, detail: 'policy = reference does not give log 2' };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    // One preference pair: log π(y_w) = −12, log π(y_l) = −15, log π_ref(y_w) = −13, log π_ref(y_l) = −14, β = 1/2.
    const a = { policyChosen: [-12], policyRejected: [-15], refChosen: [-13], refRejected: [-14], beta: 0.5 };
    const e = dpoExact(a);
    const eq = dpoExact({ ...a, refChosen: [-12], refRejected: [-15] });
    return [{
      id: 'rlhf.dpo',
      verdict: 'confirmed',
      evidence: `Read with σ for the written α (a typo: the DPO objective is a logistic "classification objective", 003:1051–1053, the same −log σ(·) of a reward difference as J_RM at 003:1017), ` +
        `L_DPO = −E log σ(β log π_θ(y_w|x)/π_ref(y_w|x) − β log π_θ(y_l|x)/π_ref(y_l|x)) is the DPO loss of Rafailov et al. (2023): the reward-model loss with the implicit reward β log π_θ/π_ref. ` +
        `Instance: log-probabilities (−12, −15) under π_θ and (−13, −14) under π_ref, β = 1/2: h = ${e.h[0]!.toString()}, L = ${mid(e.loss).toDecimal(8)}, ∂L/∂log π_θ(y_w) = ${mid(e.gradChosen[0]!).toDecimal(8)} = −β σ(−h); ` +
        `at π_θ = π_ref the loss is log 2 = ${mid(eq.loss).toDecimal(8)}.`,
    }];
  },
};
