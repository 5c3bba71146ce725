/**
 * seq.factorized — the softmax tagger is a factorised model P(y|x) = Π_t P(y_t|x); its per-position argmax
 * ("greedy decoding", 004:835–841) is then exactly a most probable sequence of that model, and it ignores
 * every constraint between positions, so it can output invalid BIO sequences (004:1009).
 * Seed 004_975819c312b074f9.txt, line 841: "Because it makes decisions for each step independently."
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { argmaxR, factorizedJointArgmax, bioValid, bioTagSet } from '../oracles/sequence.js';
import { probabilityVector } from './arbitraries.js';

const distArb = fc.record({ T: fc.integer({ min: 1, max: 5 }), L: fc.integer({ min: 1, max: 4 }) })
  .chain(({ T, L }) => fc.array(probabilityVector(L), { minLength: T, maxLength: T }));

export const claim: ClaimModule = {
  id: 'seq.factorized',
  properties: [
    {
      name: 'argmax-is-joint-map',
      kind: 'identity',
      description: 'For per-position distributions P_t (exact rationals, with ties), the per-position argmax sequence is one of the maximisers of Π_t P_t(y_t) found by enumerating all L^T sequences, and its probability is the maximum.',
      arbitrary: distArb,
      runs: 100,
      check: (P: Rational[][]) => {
        const y = P.map((row) => argmaxR(row));
        const { best, argmaxes } = factorizedJointArgmax(P);
        const p = y.reduce((acc, k, t) => acc.mul(P[t]![k]!), Rational.ONE);
        if (!p.eq(best)) return { ok: false, detail: `argmax sequence ${JSON.stringify(y)} has probability ${p}, the maximum is ${best}` };
        if (!argmaxes.some((a) => a.every((k, t) => k === y[t]))) return { ok: false, detail: `argmax sequence not among the enumerated maximisers` };
        return { ok: true };
      },
    },
    {
      name: 'ignores-constraints',
      kind: 'identity',
      description: 'Per-position argmax over a BIO tag set outputs an invalid sequence exactly when some position’s argmax is an I-X not continuing the previous argmax’s entity: validity is decided by adjacent pairs only, which the factorised decoder never looks at (checked against the automaton on random distributions).',
      arbitrary: fc.record({ T: fc.integer({ min: 1, max: 6 }) }).chain(({ T }) => fc.array(probabilityVector(5), { minLength: T, maxLength: T })),
      runs: 100,
      check: (P: Rational[][]) => {
        const tags = bioTagSet(['PER', 'LOC']);
        const y = P.map((row) => tags[argmaxR(row)]!);
        const pairwise = y.every((t, i) => !t.startsWith('I-') || (i > 0 && y[i - 1] !== 'O' && y[i - 1]!.slice(2) === t.slice(2)));
        return bioValid(y) === pairwise ? { ok: true } : { ok: false, detail: `tags ${y.join(' ')}: automaton ${bioValid(y)}, pairwise rule ${pairwise}` };
      },
    },
  ],
  audit: () => {
    const tags = bioTagSet(['PER', 'LOC']);
    // 004:936–950, case 1: the per-word distributions put their mode on I-PER at "Barack" and "Angela".
    const r = (...w: number[]) => w.map((x) => Rational.of(x, 100));
    const P = [r(5, 30, 60, 3, 2), r(5, 10, 80, 3, 2), r(90, 2, 3, 3, 2), r(5, 30, 60, 3, 2), r(5, 10, 80, 3, 2)];
    const y = P.map((row) => tags[argmaxR(row)]!);
    const { best } = factorizedJointArgmax(P);
    return [{
      id: 'seq.factorized',
      verdict: 'confirmed',
      evidence: `Under the softmax tagger P(y|x) = Π_t P(y_t|x) the per-position argmax is exactly a most probable sequence (enumeration, property argmax-is-joint-map), and no term couples adjacent tags, so validity is never enforced. ` +
        `Instance (004:936–950, "Barack Obama met Angela Merkel", tags ${tags.join(', ')}): per-word modes ${y.join(' ')} — joint probability ${best} (the model's maximum) — invalid BIO (I-PER at the start and after O).`,
    }];
  },
};
