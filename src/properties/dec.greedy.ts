/**
 * dec.greedy — greedy decoding ŵ_t = argmax_w P(w | w_{<t}) (003:794) is beam search of width 1; it is not
 * exhaustive search: the greedy sequence can be less probable than the best one.
 * Seed 003_c2e944a0f3874627.txt, line 794: "$$\hat{w}_t = \operatorname{argmax}_{w \in V} P(w / w < t)$$"
 */
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { greedyDecode, beamSearch, exhaustiveBest, seqProb, tableLm } from '../oracles/decoding.js';
import { lmTableArb, lmOf } from './dec-shared.js';

export const claim: ClaimModule = {
  id: 'dec.greedy',
  properties: [
    {
      name: 'greedy-is-beam-1',
      kind: 'identity',
      description: 'On random exact tree LMs, greedy decoding (argmax at each step, smallest token on ties) returns the same sequence as beam search of width 1, and its probability never exceeds the exhaustive maximum.',
      arbitrary: lmTableArb,
      runs: 150,
      check: (t) => {
        const lm = lmOf(t);
        const g = greedyDecode(lm), b = beamSearch(lm, 1);
        if (g.join() !== b.best.join()) return { ok: false, detail: `greedy ${g}, beam(1) ${b.best}` };
        const pg = seqProb(lm, g), best = exhaustiveBest(lm).prob;
        return pg.le(best) ? { ok: true } : { ok: false, detail: `greedy probability ${pg} above the maximum ${best}` };
      },
    },
  ],
  audit: () => {
    const r = (a: number, b: number) => Rational.of(a, b);
    // V = 2, T = 2: P(a) = 3/5, P(b) = 2/5; after a: uniform (1/2, 1/2); after b: (1, 0).
    const lm = tableLm(2, 2, [[[r(3, 5), r(2, 5)]], [[r(1, 2), r(1, 2)], [r(1, 1), r(0, 1)]]]);
    const g = greedyDecode(lm), best = exhaustiveBest(lm);
    return [{
      id: 'dec.greedy',
      verdict: 'confirmed',
      evidence: `Greedy decoding as defined (003:794) is beam search with K = 1 (property greedy-is-beam-1). It is a definition, and the notes do not claim it is optimal — rightly: ` +
        `P(a) = 3/5, P(b) = 2/5, P(·|a) = (1/2, 1/2), P(·|b) = (1, 0): greedy returns ${g.map((k) => 'ab'[k]).join('')} with probability ${seqProb(lm, g)}, ` +
        `the best sequence is ${best.argmaxes.map((y) => y.map((k) => 'ab'[k]).join('')).join(', ')} with probability ${best.prob}.`,
    }];
  },
};
