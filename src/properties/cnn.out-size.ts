/**
 * cnn.out-size — W' = ⌊(W − K + 2P)/S⌋ + 1.
 * Seed 002_606757b0cdfd2eb0.txt, line 346: "$$W' = \left\lfloor \frac{W-K+2P}{S} \right\rfloor + 1$$"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { convOutSize, poolSizeAsWritten, windowShape, windowAxis, windowCount, type AutoPad, type WindowShapeArgs } from '../oracles/convolution.js';
import { classes, sizeUpTo, type Tagged } from './gen-helpers.js';

export interface Dims { height: number; width: number; kh: number; kw: number; sh: number; sw: number; ph: number; pw: number; dh?: number; dw?: number; pads?: [number, number, number, number]; autoPad?: AutoPad; ceilMode?: boolean }

/** The op arguments of generated dims (the optional fields only when set). */
export function dimsToArgs(a: Dims): WindowShapeArgs & { padding: [number, number] } {
  return {
    height: a.height, width: a.width, kernel: [a.kh, a.kw], stride: [a.sh, a.sw], padding: [a.ph, a.pw],
    ...(a.dh !== undefined ? { dilation: [a.dh, a.dw ?? 1] as [number, number] } : {}),
    ...(a.pads ? { pads: a.pads } : {}), ...(a.autoPad ? { autoPad: a.autoPad } : {}), ...(a.ceilMode !== undefined ? { ceilMode: a.ceilMode } : {}),
  };
}

/** Whether the generated dims are a valid window shape (effective kernel within the padded input). */
export function validDims(a: Dims): boolean {
  try { windowShape(dimsToArgs(a)); return true; } catch { return false; }
}
const d = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });

/** The largest input side the generators produce (reached in the realistic class). */
export const CONV_MAX_SIDE = 1024;

/**
 * Input classes of `cnn.conv2d-shape` (weights /20; every case satisfies K ≤ W + 2P per axis):
 * - small: H, W 1–20, K 1–6, S 1–5, P 0–3 (independent per axis);
 * - realistic: H, W 32–1024 (1024 reached), K ∈ {1, 3, 5, 7, 11}, S 1–4, P 0–5;
 * - stride-over-kernel: S > K on both axes (windows skip input);
 * - kernel-fills-input: K = W + 2P on some axis (one output);
 * - one-by-one: 1×1 kernels, stride 1–3, any padding;
 * - asymmetric: kh ≠ kw, sh ≠ sw, ph ≠ pw and H ≠ W (axis mix-ups show).
 */
export const convDimArb: fc.Arbitrary<Tagged<Dims>> = classes<Dims>([
  { name: 'small', weight: 7, arb: fc.record({ height: d(1, 20), width: d(1, 20), kh: d(1, 6), kw: d(1, 6), sh: d(1, 5), sw: d(1, 5), ph: d(0, 3), pw: d(0, 3) }) },
  { name: 'realistic', weight: 3, arb: fc.record({ height: sizeUpTo(32, CONV_MAX_SIDE), width: sizeUpTo(32, CONV_MAX_SIDE), kh: fc.constantFrom(1, 3, 5, 7, 11), kw: fc.constantFrom(1, 3, 5, 7, 11), sh: d(1, 4), sw: d(1, 4), ph: d(0, 5), pw: d(0, 5) }) },
  {
    name: 'stride-over-kernel', weight: 3,
    arb: fc.record({ height: d(2, 40), width: d(2, 40), kh: d(1, 4), kw: d(1, 4), eh: d(1, 5), ew: d(1, 5), ph: d(0, 2), pw: d(0, 2) })
      .map(({ eh, ew, ...a }) => ({ ...a, sh: a.kh + eh, sw: a.kw + ew })),
  },
  {
    name: 'kernel-fills-input', weight: 2,
    arb: fc.record({ height: d(1, 16), width: d(1, 16), kh: d(1, 6), kw: d(1, 6), sh: d(1, 4), sw: d(1, 4), ph: d(0, 3), pw: d(0, 3), axis: fc.constantFrom(0, 1, 2) })
      .map(({ axis, ...a }) => ({ ...a, kh: axis !== 1 ? a.height + 2 * a.ph : a.kh, kw: axis !== 0 ? a.width + 2 * a.pw : a.kw })),
  },
  { name: 'one-by-one', weight: 2, arb: fc.record({ height: d(1, 64), width: d(1, 64), kh: fc.constant(1), kw: fc.constant(1), sh: d(1, 3), sw: d(1, 3), ph: d(0, 3), pw: d(0, 3) }) },
  {
    name: 'asymmetric', weight: 3,
    arb: fc.record({ height: d(4, 60), width: d(4, 60), kh: d(1, 7), kw: d(1, 7), sh: d(1, 4), sw: d(1, 4), ph: d(0, 3), pw: d(0, 3) })
      .filter((a) => a.kh !== a.kw && a.sh !== a.sw && a.ph !== a.pw && a.height !== a.width),
  },
  {
    name: 'dilated', weight: 2,
    arb: fc.record({ height: d(1, 40), width: d(1, 40), kh: d(1, 5), kw: d(1, 5), sh: d(1, 3), sw: d(1, 3), ph: d(0, 3), pw: d(0, 3), dh: d(2, 4), dw: d(2, 4) }),
  },
  {
    name: 'asymmetric-pads', weight: 2,
    arb: fc.record({ height: d(1, 30), width: d(1, 30), kh: d(1, 6), kw: d(1, 6), sh: d(1, 4), sw: d(1, 4), dh: d(1, 2), dw: d(1, 2), pads: fc.tuple(d(0, 4), d(0, 4), d(0, 4), d(0, 4)) })
      .filter((a) => a.pads[0] !== a.pads[2] || a.pads[1] !== a.pads[3]).map((a) => ({ ...a, ph: 0, pw: 0 })),
  },
  {
    name: 'auto-pad', weight: 2,
    arb: fc.record({ height: d(1, 40), width: d(1, 40), kh: d(1, 6), kw: d(1, 6), sh: d(1, 4), sw: d(1, 4), dh: d(1, 3), dw: d(1, 3), autoPad: fc.constantFrom<AutoPad>('valid', 'same-upper', 'same-lower') })
      .map((a) => ({ ...a, ph: 0, pw: 0 })),
  },
]).filter(validDims);

export const claim: ClaimModule = {
  id: 'cnn.out-size',
  properties: [
    {
      name: 'conv2d-shape',
      kind: 'conformance',
      description: 'A real conv2d with explicit symmetric padding produces the output height and width ⌊(W−K+2P)/S⌋+1 (small, realistic up to 1024, stride > kernel, kernel = padded input, 1×1 and asymmetric classes).',
      arbitrary: convDimArb,
      ops: ['cnn.conv2d-shape'],
      runs: 120,
      check: (a, impl) => {
        const args = dimsToArgs(a);
        const got = impl!.ops['cnn.conv2d-shape']!(args) as number[];
        const plain = a.dh === undefined && !a.pads && !a.autoPad;
        const want = plain ? [convOutSize(a.height, a.kh, a.ph, a.sh), convOutSize(a.width, a.kw, a.pw, a.sw)] : windowShape(args);
        return got[0] === want[0] && got[1] === want[1]
          ? { ok: true }
          : { ok: false, detail: `output shape [${got}] but the formula gives [${want}]` };
      },
    },
    {
      name: 'window-count',
      kind: 'identity',
      description: 'The closed form per axis (⌊L/s⌋ + 1 with L = n + begin + end − d(k − 1) − 1; ⌈n/s⌉ for SAME) equals the number of dilated windows enumerated one by one inside the padded input, for symmetric, asymmetric, SAME_UPPER/SAME_LOWER and VALID padding.',
      arbitrary: convDimArb,
      runs: 200,
      check: (a) => {
        const args = dimsToArgs(a);
        const p = args.pads ?? [a.ph, a.pw, a.ph, a.pw];
        const counts = ([0, 1] as const).map((i) => windowCount({ n: i ? a.width : a.height, k: i ? a.kw : a.kh, s: i ? a.sw : a.sh, d: args.dilation?.[i] ?? 1, begin: p[i], end: p[i + 2]!, autoPad: a.autoPad }));
        const f = windowShape(args);
        if (a.autoPad?.startsWith('same')) {
          const ax = windowAxis({ n: a.height, k: a.kh, s: a.sh, d: args.dilation?.[0] ?? 1, autoPad: a.autoPad });
          if (ax.end - ax.begin !== (a.autoPad === 'same-upper' ? 1 : -1) * ((ax.begin + ax.end) % 2)) return { ok: false, detail: `${a.autoPad}: begin ${ax.begin}, end ${ax.end}` };
        }
        return counts[0] === f[0] && counts[1] === f[1] ? { ok: true } : { ok: false, detail: `enumerated [${counts}], closed form [${f}]` };
      },
    },
  ],
  audit: () => {
    const checks: [number, number, number, number, number][] = [[32, 5, 2, 1, 32], [7, 3, 0, 2, 3], [224, 11, 2, 4, 55]];
    const ok = checks.every(([W, K, P, S, want]) => convOutSize(W, K, P, S) === want);
    const pool = poolSizeAsWritten(7, 2, 2);
    return [
      {
        id: 'cnn.out-size',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `Formula 002:346–348 agrees with real conv2d shapes on every generated case (conformance property). ` +
          `The notes have no numeric example; reference points: W=32,K=5,P=2,S=1 → 32; W=7,K=3,P=0,S=2 → 3; W=224,K=11,P=2,S=4 → 55 (AlexNet).`,
      },
      {
        id: 'cnn.out-size#pool-floor',
        verdict: 'refuted',
        evidence: `The pooling formula 002:354 "$$W' = \\frac{W-K}{S} + 1$$" has no floor: W = 7, K = 2, S = 2 gives ` +
          `${pool.num}/${pool.den} = ${pool.num / pool.den}, not an integer; floor-mode pooling gives ⌊(7−2)/2⌋+1 = ${convOutSize(7, 2, 0, 2)}.`,
      },
    ];
  },
};
