/**
 * Large realistic inputs drawn from one fast-check integer: a seed expanded by a small PRNG
 * (xorshift32) into short-mantissa values m·2^e (|m| ≤ 255, e in a range, or uniform in ±max), so a
 * 4096-wide row or a 192 × 128 head costs one fast-check draw instead of hundreds of thousands. The
 * values are a deterministic function of the seed (replay tokens reproduce them); they do not shrink
 * (the classes that use them are wrapped in fc.noShrink: the small classes give minimal counterexamples).
 */
import fc from 'fast-check';

function xorshift(seed: number): () => number {
  let s = (seed >>> 0) || 0x9e3779b9;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s;
  };
}

const fr = (v: number) => { const r = Math.fround(v); return Object.is(r, -0) ? 0 : r; };

/** How values are drawn: `scaled` m·2^e with |m| ≤ 255, e in [emin, emax]; `uniform` float32 values in ±max. */
export type ValueKind = { scaled: [number, number] } | { uniform: number };

/** n float32 values from `seed`. */
export function seededValues(n: number, seed: number, kind: ValueKind): number[] {
  const next = xorshift(seed);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const a = next(), b = next();
    if ('scaled' in kind) {
      const [emin, emax] = kind.scaled;
      const m = (a % 511) - 255;
      out[i] = fr(m * 2 ** (emin + (b % (emax - emin + 1))));
    } else {
      out[i] = fr(((a / 2 ** 32) * 2 - 1) * kind.uniform);
    }
  }
  return out;
}

/** A rows × cols matrix of seeded values. */
export function seededMatrix(rows: number, cols: number, seed: number, kind: ValueKind): number[][] {
  const flat = seededValues(rows * cols, seed, kind);
  return Array.from({ length: rows }, (_, r) => flat.slice(r * cols, (r + 1) * cols));
}

/** An arbitrary of seeded rows × cols matrices (one integer draw); half scaled, half uniform values. */
export function seededMatrixArb(rows: number, cols: number, scaled: [number, number], uniform: number): fc.Arbitrary<number[][]> {
  return fc.tuple(fc.integer({ min: 1, max: 0x7fffffff }), fc.boolean())
    .map(([seed, s]) => seededMatrix(rows, cols, seed, s ? { scaled } : { uniform }));
}
