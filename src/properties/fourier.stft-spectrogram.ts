/**
 * fourier.stft-spectrogram — the discrete STFT Σ_n x[n]w[n − k]e^{−iωn} with a Hann window, and the spectrogram
 * |STFT|². Seed 000_1c190711b4cfcedd.txt, lines 686–705.
 */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { precisionOf, type Precision } from '../numerics/bounds.js';
import { stftFrameBound } from '../numerics/bounds-dft.js';
import { stftOracle, stftFrames, hannPeriodic, hannSymmetric, windowedFrame, dtftAt, rotate, overlaps, abs2, type CBox } from '../oracles/fourier.js';
import { f32, f32Mixed } from './arbitraries.js';
import { classes, sizeUpTo, f64Full, f32Block, castFloats, type Tagged, noSub, fixedArray } from './gen-helpers.js';
import { compareBoxes } from './fourier.dft-fft.js';

/** Arguments of `fourier.stft`. */
export interface StftCase { x: number[]; nFft: number; hop: number }


export const STFT_MAX_NFFT = 512;

/**
 * Input classes of `fourier.stft` (src/ops/fourier.ts): small (nFft 1–16, any hop ≤ nFft, up to 40 extra samples);
 * audio-like (nFft ∈ {64, 128, 256, 400, 512}, hop nFft/4 or nFft/2, 2–6 frames, seeded blocks); tone
 * (cos(2πk₀n/M) rounded to float32); odd-window (odd nFft 3–33); float64-only (doubles with full significands).
 */
export const stftArb: fc.Arbitrary<Tagged<StftCase>> = classes<StftCase>([
  {
    name: 'small', weight: 7,
    arb: fc.record({ nFft: fc.integer({ min: 1, max: 16 }), extra: fc.integer({ min: 0, max: 40 }), h: fc.integer({ min: 1, max: 16 }) })
      .chain(({ nFft, extra, h }) => fixedArray(nFft + extra, f32Mixed(4).map(noSub)).map((x) => ({ x, nFft, hop: 1 + ((h - 1) % nFft) }))),
  },
  {
    name: 'audio-like', weight: 2,
    arb: fc.record({ nFft: fc.constantFrom(64, 128, 256, 400, 512), q: fc.constantFrom(2, 4), frames: fc.integer({ min: 2, max: 6 }) })
      .chain(({ nFft, q, frames }) => f32Block(nFft + (frames - 1) * (nFft / q), 1).map((x) => ({ x, nFft, hop: nFft / q }))),
  },
  {
    name: 'tone', weight: 3,
    arb: fc.record({ nFft: fc.integer({ min: 4, max: 64 }), k0: fc.nat(32), frames: fc.integer({ min: 1, max: 3 }), a: f32(2).filter((v) => v !== 0) })
      .map(({ nFft, k0, frames, a }) => {
        const hop = Math.max(1, nFft >> 1);
        const L = nFft + (frames - 1) * hop;
        return { x: Array.from({ length: L }, (_, n) => Math.fround(a * Math.cos((2 * Math.PI * (k0 % nFft) * n) / nFft))), nFft, hop };
      }),
  },
  {
    name: 'odd-window', weight: 3,
    arb: fc.record({ h: fc.integer({ min: 1, max: 16 }), nFft: fc.integer({ min: 1, max: 16 }).map((k) => 2 * k + 1), extra: fc.integer({ min: 0, max: 20 }) })
      .chain(({ h, nFft, extra }) => fixedArray(nFft + extra, f32(4).map(noSub)).map((x) => ({ x, nFft, hop: 1 + ((h - 1) % nFft) }))),
  },
  {
    name: 'float64-only', weight: 2,
    arb: fc.record({ nFft: sizeUpTo(2, 32), extra: fc.integer({ min: 0, max: 24 }), h: fc.integer({ min: 1, max: 32 }) })
      .chain(({ nFft, extra, h }) => fixedArray(nFft + extra, f64Full(-4, 2)).map((x) => ({ x, nFft, hop: 1 + ((h - 1) % nFft) }))),
  },
]);

export const stftArgs = (c: StftCase, dtype: 'float32' | 'float64'): StftCase => ({ x: castFloats(c.x, dtype), nFft: c.nFft, hop: c.hop });

/** Exact enclosures and one normwise bound per frame. */
export function stftExpected(c: StftCase, p: Precision): { boxes: CBox[][]; bounds: number[] } {
  const boxes = stftOracle(c.x, c.nFft, c.hop);
  const wHi = hannPeriodic(c.nFft).map((iv) => iv.hi);
  const bounds = boxes.map((_, t) => stftFrameBound(c.x.slice(t * c.hop, t * c.hop + c.nFft).map(Math.abs), wHi, p));
  return { boxes, bounds };
}

export function checkStft(c0: StftCase, impl: Implementation): Outcome {
  const c = stftArgs(c0, impl.dtype);
  const { boxes, bounds } = stftExpected(c, precisionOf(impl));
  const got = impl.ops['fourier.stft']!(c) as unknown;
  const T = boxes.length;
  if (!Array.isArray(got) || got.length !== T) return { ok: false, detail: `fourier.stft returned ${Array.isArray(got) ? got.length : typeof got} frames, expected ${T} (L = ${c.x.length}, nFft = ${c.nFft}, hop = ${c.hop}; no centring, no padding)` };
  let worst: Outcome = { ok: true, ratio: 0 };
  for (let t = 0; t < T; t++) {
    const o = compareBoxes(got[t], boxes[t]!, bounds[t]!, `fourier.stft frame ${t} (nFft = ${c.nFft}, hop = ${c.hop}, L = ${c.x.length})`);
    if (!o.ok) return o;
    if ((o.ratio ?? 0) >= (worst.ratio ?? 0)) worst = o;
  }
  return worst;
}

/**
 * The notes' STFT (000:692), Σ_n x[n]w[n − tH]e^{−iωn} at ω = 2πk/M, is e^{−iωtH} times the frame-referenced S[t][k]
 * (torch.stft, tf.signal.stft, scipy): same modulus, so the same spectrogram |·|².
 */
export function phaseReference(c: StftCase): Outcome {
  const { x, nFft: M, hop: H } = c;
  const S = stftOracle(x, M, H);
  const w = hannPeriodic(M);
  for (let t = 0; t < S.length; t++) {
    const f = windowedFrame(x, t, H, w);
    for (let k = 0; k <= M / 2; k++) {
      const notes = dtftAt(Array.from(f.mid), t * H, k, M);
      const rad = f.rad.reduce((s, v) => s + v, 0) * (1 + 2 ** -40);
      const nb: CBox = { reLo: notes.reLo - rad, reHi: notes.reHi + rad, imLo: notes.imLo - rad, imHi: notes.imHi + rad };
      const shifted = rotate(S[t]![k]!, -((k * t * H) % M), M);
      const a = abs2(nb), b = abs2(S[t]![k]!);
      if (!overlaps(nb, shifted) || !(a.lo <= b.hi && b.lo <= a.hi)) return { ok: false, detail: `t = ${t}, k = ${k}: notes’ STFT and e^{−iωtH}·S[t][k] disagree` };
    }
  }
  return { ok: true };
}

const smallQ = fc.record({ nFft: fc.integer({ min: 1, max: 12 }), extra: fc.integer({ min: 0, max: 12 }), h: fc.integer({ min: 1, max: 12 }) })
  .chain(({ nFft, extra, h }) => fc.array(fc.integer({ min: -16, max: 16 }).map((k) => k / 4), { minLength: nFft + extra, maxLength: nFft + extra }).map((x) => ({ x, nFft, hop: 1 + ((h - 1) % nFft) })));

export const claim: ClaimModule = {
  id: 'fourier.stft-spectrogram',
  properties: [
    {
      name: 'phase-reference',
      kind: 'identity',
      description: 'Rigorous enclosures: the notes’ STFT Σ_n x[n]w[n − tH]e^{−iωn} (time-referenced phase) equals e^{−iωtH} times the frame-referenced S[t][k] of torch.stft / tf.signal.stft at ω = 2πk/M, so both give the same spectrogram |·|².',
      arbitrary: smallQ,
      runs: 30,
      check: (c) => phaseReference(c),
    },
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'fourier.stft (periodic Hann, no centring, no padding, one-sided, frame-referenced phase; nFft ≤ 512) is, frame by frame, within the normwise bound of windowing in the dtype then any DFT algorithm, of the rigorous enclosures of the exact STFT of the same float signal.',
      arbitrary: stftArb,
      ops: ['fourier.stft'],
      runs: 30,
      check: (c, impl) => checkStft(c, impl!),
    },
  ],
  audit: () => {
    const x = [1, 2, -1, 0.5, 3, -2];
    const pr = phaseReference({ x, nFft: 4, hop: 2 });
    const S = stftOracle(x, 4, 2);
    const m = (b: CBox) => `${(b.reLo / 2 + b.reHi / 2).toFixed(4)}${b.imLo / 2 + b.imHi / 2 >= 0 ? '+' : '−'}${Math.abs(b.imLo / 2 + b.imHi / 2).toFixed(4)}i`;
    const sp = S.map((fr) => fr.map((b) => { const a = abs2(b); return (a.lo / 2 + a.hi / 2).toFixed(4); }));
    const wp = hannPeriodic(4).map((iv) => iv.lo / 2 + iv.hi / 2), ws = hannSymmetric(4).map((iv) => iv.lo / 2 + iv.hi / 2);
    const notesT1 = dtftAt(x.slice(2, 6).map((v, m) => v * [0, 0.5, 1, 0.5][m]!), 2, 1, 4);
    return [
      {
        id: 'fourier.stft-spectrogram',
        verdict: pr.ok ? 'confirmed' : 'refuted',
        evidence: `x = (1, 2, −1, 0.5, 3, −2), periodic Hann of length 4, hop 2: spectrogram |S[t][k]|² = ${JSON.stringify(sp)} (frames × bins 0..2), identical under both phase references (|e^{−iωtH}| = 1; property fourier.stft-spectrogram/phase-reference).`,
      },
      {
        id: 'fourier.stft-spectrogram#phase-reference',
        verdict: 'convention-dependent',
        evidence: `The notes’ discrete STFT Σ_n x[n]w[n − k]e^{−iωn} measures phase from n = 0 (time-referenced); torch.stft, tf.signal.stft, scipy.signal.stft and librosa use Σ_m x[tH + m]w[m]e^{−iωm} (frame-referenced). They differ by e^{−iωtH}: ` +
          `in the example, frame t = 1, k = 1 (ω = π/2, tH = 2): notes ${m(notesT1)}, frame-referenced ${m(S[1]![1]!)} — a factor e^{−iπ} = −1; equal moduli. ` +
          `Window convention (000:688 "usually Hann"): periodic Hann ½ − ½cos(2πm/M) (torch, scipy get_window) = (${wp.join(', ')}) vs symmetric ½ − ½cos(2πm/(M − 1)) (numpy.hanning) = (${ws.map((v) => v.toFixed(4)).join(', ')}) for M = 4; and tf.signal.hannWindow is periodic for even M, symmetric for odd M. ` +
          'Also not fixed: centring (torch.stft centres with reflect padding by default, tf.signal.stft does not).',
      },
    ];
  },
};
