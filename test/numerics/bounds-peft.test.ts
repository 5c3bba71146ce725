/**
 * The LoRA-merge bound (src/numerics/bounds-peft.ts) is tested as a derivation: the standard algorithms it claims
 * to cover (staged, scale-first with a division by r, fused GEMM onto W₀), simulated in float32 with Math.fround,
 * stay within it on seeded random cases (including non-dyadic α/r and an underflowing scale), and a wrong merge
 * (α instead of α/r) exceeds it.
 */
import { describe, it, expect } from 'vitest';
import { mulberry32 } from '../../src/util/prng.js';
import { Rational } from '../../src/numerics/rational.js';
import { precisionOf } from '../../src/numerics/bounds.js';
import { loraExpected } from '../../src/properties/peft.lora-shapes.js';

const f = (x: number) => Math.fround(x);
type Case = { w0: number[][]; b: number[][]; a: number[][]; alpha: number };

const staged = ({ w0, b, a, alpha }: Case) => { const s = f(alpha / a.length); return w0.map((row, i) => row.map((v, j) => { let p = 0; for (let l = 0; l < a.length; l++) p = f(p + f(b[i]![l]! * a[l]![j]!)); return f(v + f(s * p)); })); };
const scaleFirst = ({ w0, b, a, alpha }: Case) => w0.map((row, i) => row.map((v, j) => { let p = 0; for (let l = a.length - 1; l >= 0; l--) p = f(p + f(f(alpha * b[i]![l]!) * a[l]![j]!)); return f(v + f(p / a.length)); }));
const fused = ({ w0, b, a, alpha }: Case) => { const s = f(alpha / a.length); return w0.map((row, i) => row.map((v, j) => { let acc = v; for (let l = 0; l < a.length; l++) acc = f(acc + f(f(s * b[i]![l]!) * a[l]![j]!)); return acc; })); };
const wrong = ({ w0, b, a, alpha }: Case) => staged({ w0, b, a, alpha: alpha * a.length });

function cases(seed: number, n: number): Case[] {
  const rnd = mulberry32(seed);
  const val = (scale: number) => f((rnd() * 2 - 1) * scale);
  return Array.from({ length: n }, (_, t) => {
    const d = 1 + Math.floor(rnd() * 5), k = 1 + Math.floor(rnd() * 5), r = [1, 2, 3, 5, 7][Math.floor(rnd() * 5)]!;
    const scale = [1, 1e-3, 100][t % 3]!;
    const m = (rows: number, cols: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => val(scale)));
    const alpha = t % 17 === 0 ? 2 ** -149 : [1, 8, 16, 32][t % 4]!;
    return { w0: m(d, k), b: m(d, r), a: m(r, k), alpha };
  });
}

function worstRatio(c: Case, got: number[][]): number {
  const { W, bound } = loraExpected(c, precisionOf({ dtype: 'float32', backend: 'cpu' }));
  let worst = 0;
  W.forEach((row, i) => row.forEach((q, j) => { const e = Rational.fromFloat64(got[i]![j]!).sub(q).abs().toFloat64(); worst = Math.max(worst, e === 0 ? 0 : e / bound[i]![j]!); }));
  return worst;
}

describe('loraMergeBound', () => {
  const cs = cases(20261206, 300);
  it('covers the staged, scale-first and fused-GEMM merges in float32', () => {
    for (const alg of [staged, scaleFirst, fused]) for (const c of cs) expect(worstRatio(c, alg(c))).toBeLessThanOrEqual(1);
  });
  it('is exceeded by a merge that scales by α instead of α/r', () => {
    expect(cs.some((c) => c.a.length > 1 && worstRatio(c, wrong(c)) > 1)).toBe(true);
  });
});
