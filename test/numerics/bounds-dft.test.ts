/**
 * The DFT bound model (src/numerics/bounds-dft.ts) is tested like every bound: a zoo of correct algorithms
 * (float32 radix-2 FFT with float32 twiddles, float32 direct DFT, float32 Bluestein for any N, fft.js in
 * float64 rounded to float32, a float64 direct DFT for float64) stays within it on generated inputs, and
 * wrong algorithms (conjugated exponent, missing bit reversal, 1/N on the forward transform, an off-by-one
 * twiddle index) exceed it. Also the oracle: its enclosures are narrow and agree with a float64 DFT.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import FFT from 'fft.js';
import { dftArb, dftArgs, dftExpected, compareBoxes, type DftCase } from '../../src/properties/fourier.dft-fft.js';
import { stftArb, stftArgs, stftExpected, type StftCase } from '../../src/properties/fourier.stft-spectrogram.js';
import { dftAlgorithmBounds, dftBound, hannWindowError } from '../../src/numerics/bounds-dft.js';
import { fftRelativeError } from '../../src/numerics/bounds-fft.js';
import { boxWidth } from '../../src/oracles/fourier.js';
import type { Precision } from '../../src/numerics/bounds.js';
// @ts-expect-error untyped corpus helper
import { dftPairs, stftPairs, rounder } from '../mutation/fourier/_fft.mjs';

const P32: Precision = { u: 2 ** -24, tiny: 2 ** -149, ulps: 4 };
const P64: Precision = { u: 2 ** -53, tiny: 2 ** -1074, ulps: 4 };
type Alg = (x: number[][], dtype: 'float32' | 'float64') => number[][];

function fftjs(x: number[][], dtype: 'float32' | 'float64'): number[][] {
  const N = x.length;
  if ((N & (N - 1)) !== 0 || N < 2) return dftPairs(x, 'float64', { algorithm: 'direct' }).map((v: number[]) => v.map(rounder(dtype)));
  const f = new FFT(N);
  const inp = f.createComplexArray(), out = f.createComplexArray();
  x.forEach((v, i) => { inp[2 * i] = v[0]!; inp[2 * i + 1] = v[1]!; });
  f.transform(out, inp);
  return x.map((_, k) => [rounder(dtype)(out[2 * k]), rounder(dtype)(out[2 * k + 1])]);
}

const CASES: DftCase[] = fc.sample(dftArb.filter((c) => c.x.length <= 512), { seed: 4242, numRuns: 60 });

function worst(alg: Alg, dtype: 'float32' | 'float64', cases = CASES): { max: number; min: number; detail: string } {
  let max = 0, min = Infinity, detail = '';
  for (const c0 of cases) {
    const c = dftArgs(c0, dtype);
    const { boxes, bound } = dftExpected(c, dtype === 'float32' ? P32 : P64);
    const o = compareBoxes(alg(c.x, dtype), boxes, bound, `N = ${c.x.length}`);
    const r = o.ratio ?? Infinity;
    if (r > max) { max = r; detail = o.detail ?? ''; }
    if (c.x.some((v) => v[0] !== 0 || v[1] !== 0) && c.x.length >= 2) min = Math.min(min, r);
  }
  return { max, min, detail };
}

describe('fourier DFT bound (src/numerics/bounds-dft.ts)', () => {
  const zoo: [string, Alg, 'float32' | 'float64'][] = [
    ['float32 radix-2 (float32 twiddles) / direct otherwise', (x, d) => dftPairs(x, d), 'float32'],
    ['float32 radix-2 / Bluestein otherwise', (x, d) => dftPairs(x, d, { other: 'bluestein' }), 'float32'],
    ['float32 direct DFT for every N', (x, d) => dftPairs(x, d, { algorithm: 'direct' }), 'float32'],
    ['fft.js in float64, rounded to float32', fftjs, 'float32'],
    ['float64 radix-2 / Bluestein', (x, d) => dftPairs(x, d, { other: 'bluestein' }), 'float64'],
    ['float64 direct DFT', (x, d) => dftPairs(x, d, { algorithm: 'direct' }), 'float64'],
  ];
  for (const [name, alg, dtype] of zoo) {
    it(`a correct algorithm stays within the bound: ${name}`, () => {
      const w = worst(alg, dtype);
      expect(w.max, w.detail).toBeLessThanOrEqual(1);
    });
  }
  const bugs: [string, Alg][] = [
    ['conjugated exponent (e^{+2πikn/N})', (x, d) => dftPairs(x, d, { conjugate: true, other: 'direct' })],
    ['missing bit reversal', (x, d) => dftPairs(x, d, { noBitReversal: true })],
    ['1/N on the forward transform', (x, d) => dftPairs(x, d, { scaleForward: true })],
    ['twiddle index k(n + 1)', (x, d) => dftPairs(x, d, { algorithm: 'direct', offByOne: true })],
  ];
  for (const [name, alg] of bugs) {
    it(`a wrong algorithm exceeds it: ${name}`, () => {
      const w = worst(alg, 'float32');
      expect(w.max).toBeGreaterThan(1);
    });
  }

  it('the three families: FFT ≤ direct for large N; each term grows with N; fftRelativeError is reused unchanged', () => {
    const x = { n1: 256, n2: 16 };
    const a = dftAlgorithmBounds(256, x, P32);
    expect(a.fft).toBeCloseTo(fftRelativeError(256, P32) * 16 * 16, 10);
    expect(a.fft).toBeLessThan(a.direct);
    expect(dftAlgorithmBounds(512, { n1: 512, n2: Math.sqrt(512) }, P32).direct).toBeGreaterThan(a.direct);
    expect(dftBound(256, x, P32)).toBeGreaterThanOrEqual(Math.max(a.fft, a.direct, a.bluestein));
    expect(dftBound(1, { n1: 3, n2: 3 }, P32)).toBeLessThan(1e-6);
    expect(hannWindowError(P32)).toBeLessThan(3e-6);
  });

  it('the oracle: enclosures are narrow and contain a float64 direct DFT up to its own error', () => {
    for (const c of CASES.slice(0, 20)) {
      const { boxes } = dftExpected(c, P64);
      const l1 = c.x.reduce((s, v) => s + Math.abs(v[0]!) + Math.abs(v[1]!), 0);
      const ref = dftPairs(c.x, 'float64', { algorithm: 'direct' });
      boxes.forEach((b, k) => {
        expect(boxWidth(b)).toBeLessThanOrEqual(2 ** -40 * (1 + c.x.length * l1));
        const err = c.x.length * 4 * 2 ** -53 * l1 + 1e-300;
        expect(ref[k][0]).toBeGreaterThanOrEqual(b.reLo - err); expect(ref[k][0]).toBeLessThanOrEqual(b.reHi + err);
        expect(ref[k][1]).toBeGreaterThanOrEqual(b.imLo - err); expect(ref[k][1]).toBeLessThanOrEqual(b.imHi + err);
      });
    }
  });
});

describe('fourier STFT bound (stftFrameBound)', () => {
  const cases: StftCase[] = fc.sample(stftArb.filter((c) => c.nFft <= 64), { seed: 77, numRuns: 40 });
  const ratio = (f: (c: StftCase, d: 'float32') => number[][][]) => {
    let max = 0;
    for (const c0 of cases) {
      const c = stftArgs(c0, 'float32');
      const { boxes, bounds } = stftExpected(c, P32);
      const got = f(c, 'float32');
      if (got.length !== boxes.length) return Infinity;
      boxes.forEach((fr, t) => { max = Math.max(max, compareBoxes(got[t], fr, bounds[t]!, 'stft').ratio ?? Infinity); });
    }
    return max;
  };
  it('a correct float32 STFT (periodic Hann in float32, radix-2 or direct) passes', () => {
    expect(ratio((c, d) => stftPairs(c, d))).toBeLessThanOrEqual(1);
    expect(ratio((c, d) => stftPairs(c, d, { dft: { other: 'bluestein' } }))).toBeLessThanOrEqual(1);
  });
  it('a symmetric window, a time-referenced phase, or no window fails', () => {
    expect(ratio((c, d) => stftPairs(c, d, { window: 'symmetric' }))).toBeGreaterThan(1);
    expect(ratio((c, d) => stftPairs(c, d, { timeReferenced: true }))).toBeGreaterThan(1);
    expect(ratio((c, d) => stftPairs(c, d, { noWindow: true }))).toBeGreaterThan(1);
  });
});
