/**
 * The derivation of src/numerics/bounds-mha.ts (attn.mha) against simulated float32 computations: the
 * textbook algorithm and the per-head-sum out-projection stay within the derived bound; a wrong derivation
 * that treats the in-projections as exact is exceeded by a correct float32 computation (cancellation in a
 * value projection), and bfloat16 projections exceed the derived bound.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { mhaEnclosure, type MhaArgs } from '../../src/oracles/attention.js';
import { float32For } from '../../src/numerics/bounds.js';
import { distanceToInterval } from '../../src/numerics/enclose.js';
import { mhaArb, mhaArgs, mhaBoundsP } from '../../src/properties/attn-mha-shared.js';

const f = (x: number) => { const r = Math.fround(x); return Object.is(r, -0) ? 0 : r; };
const p = float32For('wasm');
const roundBits = (x: number, bits: number) => { if (x === 0) return 0; const e = Math.floor(Math.log2(Math.abs(x))); const s = 2 ** (e - bits + 1); return Math.round(x / s) * s; };
const dot = (a: number[], b: number[]) => { let s = 0; for (let i = 0; i < a.length; i++) s = f(s + f(a[i]! * b[i]!)); return s; };

/** float32 multi-head attention; `proj` post-processes each projected entry, `perHead` sums the out-projection per head. */
function simulate(a: MhaArgs, o: { proj?: (x: number) => number; perHead?: boolean } = {}): number[][][] {
  const H = a.numHeads, E = a.wq.length, dh = E / H, pr = o.proj ?? ((x: number) => x);
  const lin = (X: number[][], W: number[][], b?: number[]) => X.map((x) => W.map((w, j) => pr(b === undefined ? dot(x, w) : f(dot(x, w) + b[j]!))));
  const sc = f(1 / f(Math.sqrt(dh)));
  return a.query.map((X, b) => {
    const Q = lin(X, a.wq, a.bq), K = lin(a.key[b]!, a.wk, a.bk), V = lin(a.value[b]!, a.wv, a.bv);
    const O = Q.map(() => new Array<number>(E).fill(0));
    for (let h = 0; h < H; h++) {
      const c0 = h * dh;
      Q.forEach((q, t) => {
        const s = K.map((k, j) => ((a.keep && a.keep[t]![j] === 0) || (a.causal && j > t) ? -Infinity
          : f(f(dot(q.slice(c0, c0 + dh), k.slice(c0, c0 + dh)) * sc) + (a.bias ? a.bias[t]![j]! : 0))));
        const m = Math.max(...s), e = s.map((x) => (x === -Infinity ? 0 : f(Math.exp(f(x - m)))));
        const z = e.reduce((acc, x) => f(acc + x), 0), pp = e.map((x) => f(x / z));
        for (let c = c0; c < c0 + dh; c++) O[t]![c] = pp.reduce((acc, x, j) => f(acc + f(x * V[j]![c]!)), 0);
      });
    }
    return O.map((ot) => a.wo.map((w, j) => {
      let y = 0;
      if (o.perHead) for (let h = 0; h < H; h++) y = f(y + dot(ot.slice(h * dh, (h + 1) * dh), w.slice(h * dh, (h + 1) * dh)));
      else y = dot(ot, w);
      return a.bo === undefined ? y : f(y + a.bo[j]!);
    }));
  });
}

function worstRatio(a: MhaArgs, got: number[][][], variant: 'derived' | 'no-propagation' = 'derived'): number {
  const enc = mhaEnclosure(a), b = mhaBoundsP(a, p, enc, variant).flat(2), y = got.flat(2);
  return Math.max(...enc.out.flat(2).map((iv, i) => distanceToInterval(y[i]!, iv) / b[i]!));
}

const cases = fc.sample(mhaArb, { seed: 31, numRuns: 60 }).map((c) => mhaArgs(c, 'float32'));
/** Value projection 1 + 2⁻³⁰ − 1: float32 returns 0 (fl(1 + 2⁻³⁰) = 1), the exact value is 2⁻³⁰. */
const cancel: MhaArgs = {
  query: [[[0, 0, 0]]], key: [[[0, 0, 0]]], value: [[[1, 2 ** -30, -1]]], numHeads: 1,
  wq: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], wk: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], wv: [[1, 1, 1], [0, 1, 0], [0, 0, 1]], wo: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], causal: false,
};

describe('attn.mha bound (src/numerics/bounds-mha.ts)', () => {
  test('the float32 textbook algorithm and the per-head-sum out-projection stay within the derived bound', () => {
    for (const a of [...cases, cancel]) {
      expect(worstRatio(a, simulate(a))).toBeLessThanOrEqual(1);
      expect(worstRatio(a, simulate(a, { perHead: true }))).toBeLessThanOrEqual(1);
    }
  });
  test('treating the projections as exact is wrong: a correct float32 computation exceeds that bound', () => {
    expect(simulate(cancel)[0]![0]![0]).toBe(0);
    expect(worstRatio(cancel, simulate(cancel), 'no-propagation')).toBeGreaterThan(1);
  });
  test('bfloat16 projections exceed the derived bound', () => {
    const worst = Math.max(...cases.map((a) => worstRatio(a, simulate(a, { proj: (x) => roundBits(x, 8) }))));
    expect(worst).toBeGreaterThan(1);
  });
});
