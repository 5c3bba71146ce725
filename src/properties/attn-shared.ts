/**
 * Generators shared by the exact attention claims (attn.multihead-F3, attn.concat-sum, attn.qk-ov,
 * attn.score-fns, attn.shaw-relative, attn.post-ln-block, attn.poly-kernel, attn.linear-attn,
 * attn.ridge-attn, attn.sherman-morrison, attn.residual-stream, ffn.relu): small rational matrices
 * (numerators within ±9, denominators up to 4, so every identity is checked with exact arithmetic at a
 * few milliseconds per input) and row-stochastic attention patterns.
 */
import fc from 'fast-check';
import type { PropertyDef } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { smallRational, probabilityVector } from './arbitraries.js';

/** A rational r×c matrix with entries p/q, |p| ≤ 9, q ≤ 4 (zero entries are common enough to reach rank drops). */
export function qmatArb(r: number, c: number, maxNum = 9, maxDen = 4): fc.Arbitrary<QMatrix> {
  return fc.array(smallRational(maxNum, maxDen), { minLength: r * c, maxLength: r * c }).map((d) => new QMatrix(r, c, d));
}

/** A rational vector of length n. */
export function qvecArb(n: number, maxNum = 9, maxDen = 4): fc.Arbitrary<Rational[]> {
  return fc.array(smallRational(maxNum, maxDen), { minLength: n, maxLength: n });
}

/** An n×m row-stochastic rational matrix (each row a probability vector: an attention pattern). */
export function stochasticArb(n: number, m: number): fc.Arbitrary<QMatrix> {
  return fc.array(probabilityVector(m), { minLength: n, maxLength: n }).map((rows) => new QMatrix(n, m, rows.flat()));
}

/** A short rendering of a matrix for failure details. */
export function showM(A: QMatrix, max = 6): string {
  const rows = A.toArray().slice(0, max).map((r) => `[${r.slice(0, max).map((x) => x.toString()).join(', ')}${r.length > max ? ', …' : ''}]`);
  return `${A.rows}×${A.cols} [${rows.join(', ')}${A.rows > max ? ', …' : ''}]`;
}

/** Types a property by its arbitrary (ClaimModule.properties is PropertyDef<any>[], which would leave `check`'s input untyped). */
export const prop = <T,>(p: PropertyDef<T>): PropertyDef<T> => p;
