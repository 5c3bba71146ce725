/**
 * ret.teacher-softmax — softmax of the ColBERT teacher scores 10.2, 3.1, −0.8.
 * Seed 004_975819c312b074f9.txt, lines 2991–2997: "Teacher softmax / P1: 0.92 / P2: 0.07 / P3: 0.01".
 */

import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { Interval, softmax, point, div, sub, log } from '../numerics/interval.js';
import { softmaxEnclosure } from '../oracles/softmax.js';
import { encloseRational, distanceToInterval } from '../numerics/enclose.js';
import { softmaxBounds, precisionOf, SAFETY } from '../numerics/bounds.js';
import { f32Mixed, vector } from './arbitraries.js';

export function compareSoftmax(x: number[], got: number[], impl: Implementation): Outcome {
  const enc = softmaxEnclosure(x);
  if (got.length !== x.length) return { ok: false, detail: `length ${got.length}, expected ${x.length}` };
  const m = Math.max(...x);
  const b = softmaxBounds(enc.map((p) => p.hi), x.map((v) => (m - v) * SAFETY), x.map(() => 0), precisionOf(impl));
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    const err = distanceToInterval(got[i]!, enc[i]!);
    const r = err === 0 ? 0 : err / b[i]!;
    worst = Math.max(worst, r);
    if (!(r <= 1)) return { ok: false, ratio: r, detail: `p[${i}] = ${got[i]}, exact ∈ [${enc[i]!.lo}, ${enc[i]!.hi}], bound ${b[i]!.toExponential(3)}` };
  }
  return { ok: true, ratio: worst };
}

/** Exact decimal scores → enclosed softmax (the notes' inputs are decimals, not floats). */
function decimalSoftmax(scores: string[], temperature?: Rational): Interval[] {
  return softmax(scores.map((s) => {
    const q = Rational.parse(s);
    return encloseRational(temperature ? q.div(temperature) : q);
  }));
}

const show = (iv: Interval) => ((iv.lo + iv.hi) / 2).toPrecision(10);

export const claim: ClaimModule = {
  id: 'ret.teacher-softmax',
  properties: [
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation’s softmax lies within the bound derived for the run’s dtype from the rigorous enclosure (near-ties, wide spreads, length 1).',
      arbitrary: vector(1, 40, f32Mixed(60)),
      ops: ['nn.softmax'],
      runs: 150,
      check: (x, impl) => compareSoftmax(x, impl!.ops['nn.softmax']!({ x }) as number[], impl!),
    },
  ],
  audit: () => {
    const teacher = decimalSoftmax(['10.2', '3.1', '-0.8']);
    const student = decimalSoftmax(['8.7', '2.5', '-0.2']);
    const notesT = [0.92, 0.07, 0.01];
    const wrongT = teacher.some((iv, i) => Math.abs(notesT[i]! - iv.lo) > 0.005 && Math.abs(notesT[i]! - iv.hi) > 0.005);
    // Temperatures implied by the notes' ratios: T = Δscore / log(p_i/p_j), enclosed.
    const impliedT = (ds: string, pi: number, pj: number) => div(encloseRational(Rational.parse(ds)), sub(log(point(pi)), log(point(pj))));
    const t12 = impliedT('7.1', 0.92, 0.07);
    const t23 = impliedT('3.9', 0.07, 0.01);
    const disjoint = t12.hi < t23.lo || t23.hi < t12.lo;
    return [
      {
        id: 'ret.teacher-softmax',
        verdict: wrongT ? 'refuted' : 'confirmed',
        evidence: `softmax(10.2, 3.1, −0.8) = (${teacher.map(show).join(', ')}) (rigorous enclosures of width < 1e-15), i.e. 1.00 / 0.00 / 0.00 to the notes' two decimals, ` +
          `not 0.92 / 0.07 / 0.01 (004:2991–2997). No temperature explains them: the ratios p₁/p₂ and p₂/p₃ of the notes imply T ∈ [${t12.lo.toFixed(4)}, ${t12.hi.toFixed(4)}] ` +
          `and T ∈ [${t23.lo.toFixed(4)}, ${t23.hi.toFixed(4)}]${disjoint ? ', which are disjoint' : ''}.`,
      },
      {
        id: 'ret.teacher-softmax#student',
        verdict: 'refuted',
        evidence: `Student scores 8.7, 2.5, −0.2: softmax = (${student.map(show).join(', ')}), not 0.88 / 0.10 / 0.02 (004:3003–3011).`,
      },
    ];
  },
};
