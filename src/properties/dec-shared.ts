/** Generators shared by the decoding claims: exact tree language models (src/oracles/decoding.ts). */
import fc from 'fast-check';
import { Rational } from '../numerics/rational.js';
import { tableLm, type TreeLm } from '../oracles/decoding.js';
import { probabilityVector } from './arbitraries.js';

export interface LmTable { V: number; T: number; table: Rational[][][] }

/** A random tree LM: V ∈ 2..3, T ∈ 1..3, every prefix's next-token distribution a rational vector with ties and zeros. */
export const lmTableArb: fc.Arbitrary<LmTable> = fc.record({ V: fc.integer({ min: 2, max: 3 }), T: fc.integer({ min: 1, max: 3 }) })
  .chain(({ V, T }) => fc.tuple(...Array.from({ length: T }, (_, len) => fc.array(probabilityVector(V), { minLength: V ** len, maxLength: V ** len })))
    .map((table) => ({ V, T, table: table as Rational[][][] })));

export function lmOf(t: LmTable): TreeLm {
  return tableLm(t.V, t.T, t.table);
}
