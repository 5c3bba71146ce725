/**
 * rlhf.rm-loss — the pairwise (Bradley–Terry) reward-model loss J = −E log σ(RM(s^w) − RM(s^l)).
 * Seed 003_c2e944a0f3874627.txt, line 1017: "$$J_{RM}(\phi) = -\mathbb{E}_{(s^w, s^d) \sim D} \left[\log \sigma(RM_{\phi}(s^w) - RM_{\phi}(s^d)) \right]$$".
 */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { rewardPairwiseLoss, softplusR } from '../oracles/alignment.js';
import { toInterval } from '../oracles/retrieval.js';
import { rewardPairwiseBound } from '../numerics/bounds-alignment.js';
import { precisionOf, SAFETY } from '../numerics/bounds.js';
import { distanceToInterval } from '../numerics/enclose.js';
import { f32Mixed, f32Scaled } from './arbitraries.js';
import { classes, sizeUpTo, f64Full, castFloats, type Tagged } from './gen-helpers.js';
import { seededValues } from './seeded-values.js';

export interface RewardArgs { chosen: number[]; rejected: number[] }
export type RewardCase = Tagged<RewardArgs>;

const fr = (v: number) => { const r = Math.fround(v); return Object.is(r, -0) ? 0 : r; };
const vecs = (n: fc.Arbitrary<number>, el: fc.Arbitrary<number>) => n.chain((k) => fc.record({ chosen: fc.array(el, { minLength: k, maxLength: k }), rejected: fc.array(el, { minLength: k, maxLength: k }) }));

/** Input classes of `loss.reward-pairwise` (spec/ops.md; test/power/loss.reward-pairwise-generators.test.ts). */
export const REWARD_CLASSES = [
  { name: 'mixed', weight: 30, arb: vecs(sizeUpTo(1, 32), f32Mixed(10)) },
  {
    name: 'large-margin', weight: 15,
    arb: fc.tuple(sizeUpTo(1, 16), fc.nat()).chain(([k]) => fc.tuple(fc.array(f32Mixed(5), { minLength: k, maxLength: k }), fc.array(fc.tuple(fc.integer({ min: 90, max: 400 }), fc.boolean()), { minLength: k, maxLength: k })))
      .map(([c, ms]) => ({ chosen: c, rejected: c.map((v, i) => fr(v + (ms[i]![1] ? 1 : -1) * ms[i]![0])) })),
  },
  { name: 'ties', weight: 12, arb: sizeUpTo(1, 16).chain((k) => fc.array(f32Mixed(10), { minLength: k, maxLength: k })).map((c) => ({ chosen: c, rejected: [...c] })) },
  {
    name: 'large-offset', weight: 12,
    arb: fc.tuple(fc.integer({ min: 8, max: 14 }), fc.boolean(), vecs(sizeUpTo(1, 16), f32Scaled(-6, -1))).map(([k, neg, { chosen, rejected }]) => {
      const o = (neg ? -1 : 1) * 2 ** k;
      return { chosen: chosen.map((v) => fr(o + v)), rejected: rejected.map((v) => fr(o + v)) };
    }),
  },
  { name: 'float64-only', weight: 10, arb: vecs(sizeUpTo(1, 16), f64Full(-3, 4)) },
  {
    name: 'realistic', weight: 4,
    arb: fc.noShrink(fc.tuple(sizeUpTo(256, 1024, 4), fc.integer({ min: 1, max: 0x7fffffff }), fc.integer({ min: 1, max: 0x7fffffff })).map(([n, s1, s2]) => ({
      chosen: seededValues(n, s1, { uniform: 8 }), rejected: seededValues(n, s2, { uniform: 8 }),
    }))),
  },
] as const;

export const rewardArb: fc.Arbitrary<RewardCase> = classes<RewardArgs>(REWARD_CLASSES as unknown as readonly { name: string; weight: number; arb: fc.Arbitrary<RewardArgs> }[]);

export function rewardExpectation(a: RewardArgs, impl: Pick<Implementation, 'dtype' | 'backend' | 'profile'>) {
  const { loss, terms, margins } = rewardPairwiseLoss(a.chosen, a.rejected);
  const tHi = terms.map((t) => t.hi.toFloat64() * SAFETY);
  const xAbs = margins.map((m) => Math.abs(m.toFloat64()) * SAFETY);
  return { enc: toInterval(loss), bound: rewardPairwiseBound(tHi, xAbs, precisionOf(impl)) };
}

export function compareReward(a: RewardArgs, got: unknown, impl: Implementation): Outcome {
  if (typeof got !== 'number' || !Number.isFinite(got)) return { ok: false, detail: `loss ${String(got)}` };
  const { enc, bound } = rewardExpectation(a, impl);
  const err = distanceToInterval(got, enc);
  const ratio = err === 0 ? 0 : err / bound;
  return ratio <= 1 ? { ok: true, ratio } : { ok: false, ratio, detail: `loss ${got}, exact ∈ [${enc.lo}, ${enc.hi}], bound ${bound.toExponential(3)}, n = ${a.chosen.length}` };
}

const mid = (b: { lo: Rational; hi: Rational }) => b.lo.add(b.hi).div(Rational.of(2));

export const claim: ClaimModule = {
  id: 'rlhf.rm-loss',
  properties: [
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation’s pairwise reward-model loss −mean log σ(r_w − r_l) lies within the derived bound (rewardPairwiseBound: the margin’s rounding, softplus within the elementary allowance, the mean) of the rigorous enclosure; margins beyond the exp range, ties, large offsets, float64-only values, batches up to 1024.',
      arbitrary: rewardArb,
      ops: ['loss.reward-pairwise'],
      runs: 120,
      check: (c, impl) => {
        const a = castFloats({ chosen: c.chosen, rejected: c.rejected }, impl!.dtype);
        return compareReward(a, impl!.ops['loss.reward-pairwise']!(a), impl!);
      },
    },
    {
      name: 'bradley-terry',
      kind: 'identity',
      description: 'Exactly (enclosures): each term −log σ(m) depends on the margin m = r_w − r_l only (shifting both rewards changes nothing), equals log 2 at m = 0, decreases strictly in m, and −log σ(m) − (−log σ(−m)) = −m (the two orders of a pair are complementary: σ(m) + σ(−m) = 1).',
      arbitrary: fc.tuple(fc.integer({ min: -4000, max: 4000 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: -1000, max: 1000 })),
      runs: 100,
      check: ([m10, d, c]: [number, number, number]) => {
        const m = Rational.of(m10, 8), dm = Rational.of(d, 16);
        const t = softplusR(m.neg()), tShift = rewardPairwiseLoss([c + m10 / 8], [c]).terms[0]!;
        if (tShift.hi.lt(t.lo) || t.hi.lt(tShift.lo)) return { ok: false, detail: `shifting both rewards by ${c} changed the term at m = ${m}` };
        const tMore = softplusR(m.add(dm).neg());
        if (!tMore.hi.lt(t.lo)) return { ok: false, detail: `not decreasing at m = ${m}` };
        const tRev = softplusR(m);
        const diff = { lo: t.lo.sub(tRev.hi), hi: t.hi.sub(tRev.lo) };
        if (diff.lo.gt(m.neg()) || diff.hi.lt(m.neg())) return { ok: false, detail: `softplus(−m) − softplus(m) ≠ −m at m = ${m}` };
        const l2 = softplusR(Rational.ZERO);
        if (!(l2.lo.toFloat64() <= Math.LN2 + 1e-15 && l2.hi.toFloat64() >= Math.LN2 - 1e-15)) return { ok: false, detail: 'softplus(0) ≠ log 2' };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const at = (m: number) => mid(softplusR(Rational.fromFloat64(-m))).toDecimal(6);
    const grad = (m: number) => (1 / (1 + Math.exp(m))).toFixed(4);
    return [{
      id: 'rlhf.rm-loss',
      verdict: 'confirmed',
      evidence: `Under the Bradley–Terry model P(s^w ≻ s^l) = σ(RM(s^w) − RM(s^l)), J_RM is the negative log-likelihood of the observed preferences (003:1017). ` +
        `It depends only on the margin m and decreases in it: −log σ(m) = ${at(0)} (= log 2) at m = 0, ${at(2)} at m = 2, ${at(-2)} at m = −2; ∂J/∂m = −σ(−m) (${grad(0)}, ${grad(2)}, ${grad(-2)} in magnitude) < 0, ` +
        `so minimising J raises the winning sample's reward over the losing one ("should score higher", 003:1019–1023).`,
    }];
  },
};
