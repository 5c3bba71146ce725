/** The random linear-chain CRFs of the CRF tests (test/oracles/crf.test.ts, test/impl/crf-tfjs.test.ts). */
import fc from 'fast-check';
import type { CrfArgs } from '../../src/oracles/sequence.js';

/** A random CRF with T ≤ maxT (0 included), L ≤ maxL, entries from `val`, optional start/end vectors. */
export const crfArb = (val: fc.Arbitrary<number>, maxT = 6, maxL = 4): fc.Arbitrary<CrfArgs> =>
  fc
    .record({ T: fc.integer({ min: 0, max: maxT }), L: fc.integer({ min: 1, max: maxL }), s: fc.boolean(), e: fc.boolean() })
    .chain(({ T, L, s, e }) => {
      const vec = fc.array(val, { minLength: L, maxLength: L });
      return fc.record({
        emissions: fc.array(vec, { minLength: T, maxLength: T }),
        transitions: fc.array(vec, { minLength: L, maxLength: L }),
        start: s ? vec : fc.constant(undefined),
        end: e ? vec : fc.constant(undefined),
      });
    })
    .map((a) => {
      const out: CrfArgs = { emissions: a.emissions, transitions: a.transitions };
      if (a.start) out.start = a.start;
      if (a.end) out.end = a.end;
      return out;
    });
