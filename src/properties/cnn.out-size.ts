/**
 * cnn.out-size — W' = ⌊(W − K + 2P)/S⌋ + 1.
 * Seed 002_606757b0cdfd2eb0.txt, line 346: "$$W' = \left\lfloor \frac{W-K+2P}{S} \right\rfloor + 1$$"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { convOutSize, poolSizeAsWritten, windowShape, windowAxis, windowCount, transposeAxis, transposeShape, unpoolShape, scatterLength, type AutoPad, type WindowShapeArgs, type TransposeShapeArgs, type UnpoolShapeArgs } from '../oracles/convolution.js';
import type { Implementation, Outcome } from '../registry/types.js';
import { classes, sizeUpTo, untag, type Tagged } from './gen-helpers.js';

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

// ------------------------------------------------------------------ transposed convolution / max unpooling (ONNX ConvTranspose, MaxUnpool)

/** The largest input side of the transposed generators (reached in the realistic class). */
export const TRANSPOSE_MAX_SIDE = 256;
const pairOf = <T>(a: fc.Arbitrary<T>) => fc.tuple(a, a);
/** The unpadded transposed size s(n − 1) + op + d(k − 1) + 1 of one axis. */
const fullT = (n: number, k: number, s: number, d = 1, op = 0) => s * (n - 1) + op + d * (k - 1) + 1;
/** Pads that leave at least one output: each at most ⌊(full − 1)/2⌋. */
const fit = (p: number, full: number) => Math.min(p, Math.floor((full - 1) / 2));

interface TRaw { n: [number, number]; k: [number, number]; s: [number, number]; d?: [number, number]; op?: [number, number]; p?: [number, number, number, number] }
function tArgs(r: TRaw, extra: Partial<TransposeShapeArgs> = {}, symmetric = false): TransposeShapeArgs {
  const d = r.d ?? [1, 1], op = r.op ?? [0, 0];
  const full = [0, 1].map((i) => fullT(r.n[i]!, r.k[i]!, r.s[i]!, d[i], op[i]));
  const p = r.p ? r.p.map((v, j) => fit(v, full[j % 2]!)) as [number, number, number, number] : undefined;
  return {
    height: r.n[0], width: r.n[1], kernel: r.k, stride: r.s,
    ...(r.d ? { dilation: r.d } : {}), ...(r.op && (r.op[0] || r.op[1]) ? { outputPadding: r.op } : {}),
    ...(p ? (symmetric ? { padding: [p[0], p[1]] as [number, number] } : { pads: p }) : {}),
    ...extra,
  };
}
const opBelow = (s: number, d: number) => fc.integer({ min: 0, max: Math.max(s, d) - 1 });

/**
 * Input classes of `cnn.conv-transpose2d-shape` (weights /45; every case in the op's domain):
 * small, realistic (to 256), stride-over-kernel, output-padding, dilated, asymmetric-pads, auto-pad, output-shape.
 */
export const transposeArb: fc.Arbitrary<Tagged<TransposeShapeArgs>> = classes<TransposeShapeArgs>([
  { name: 'small', weight: 10, arb: fc.record({ n: pairOf(d(1, 12)), k: pairOf(d(1, 5)), s: pairOf(d(1, 4)), p: fc.tuple(d(0, 2), d(0, 2), d(0, 2), d(0, 2)) }).map((r) => tArgs({ ...r, p: [r.p[0], r.p[1], r.p[0], r.p[1]] }, {}, true)) },
  { name: 'realistic', weight: 5, arb: fc.record({ n: pairOf(sizeUpTo(8, TRANSPOSE_MAX_SIDE)), k: pairOf(fc.constantFrom(2, 3, 4, 5)), s: pairOf(d(1, 4)), p: fc.tuple(d(0, 2), d(0, 2)) }).map((r) => tArgs({ ...r, p: [r.p[0], r.p[1], r.p[0], r.p[1]] }, {}, true)) },
  { name: 'stride-over-kernel', weight: 5, arb: fc.record({ n: pairOf(d(1, 20)), k: pairOf(d(1, 4)), e: pairOf(d(1, 4)), p: fc.tuple(d(0, 1), d(0, 1)) }).map((r) => tArgs({ n: r.n, k: r.k, s: [r.k[0] + r.e[0], r.k[1] + r.e[1]], p: [r.p[0], r.p[1], r.p[0], r.p[1]] }, {}, true)) },
  {
    name: 'output-padding', weight: 5,
    arb: fc.record({ n: pairOf(d(1, 16)), k: pairOf(d(1, 5)), s: pairOf(d(2, 4)), dd: pairOf(d(1, 2)), p: fc.tuple(d(0, 2), d(0, 2), d(0, 2), d(0, 2)), axis: fc.constantFrom(0, 1, 2) })
      .chain((r) => fc.tuple(d(1, Math.max(r.s[0], r.dd[0]) - 1), d(1, Math.max(r.s[1], r.dd[1]) - 1)).map(([o0, o1]) => tArgs({ n: r.n, k: r.k, s: r.s, d: r.dd, op: [r.axis !== 1 ? o0 : 0, r.axis !== 0 ? o1 : 0], p: r.p }))),
  },
  {
    name: 'dilated', weight: 5,
    arb: fc.record({ n: pairOf(d(1, 16)), k: pairOf(d(1, 5)), s: pairOf(d(1, 3)), dd: pairOf(d(2, 3)), p: fc.tuple(d(0, 3), d(0, 3)) })
      .chain((r) => fc.tuple(opBelow(r.s[0], r.dd[0]), opBelow(r.s[1], r.dd[1])).map((op) => tArgs({ n: r.n, k: r.k, s: r.s, d: r.dd, op, p: [r.p[0], r.p[1], r.p[0], r.p[1]] }))),
  },
  {
    name: 'asymmetric-pads', weight: 5,
    arb: fc.record({ n: pairOf(d(2, 16)), k: pairOf(d(2, 5)), s: pairOf(d(1, 4)), p: fc.tuple(d(0, 3), d(0, 3), d(0, 3), d(0, 3)) })
      .map((r) => ({ ...r, p: (r.p[0] === r.p[2] ? [r.p[0], r.p[1], r.p[2] + 1, r.p[3]] : r.p) as [number, number, number, number] }))
      .map((r) => tArgs(r)).filter((a) => a.pads![0] !== a.pads![2] || a.pads![1] !== a.pads![3]),
  },
  {
    name: 'auto-pad', weight: 5,
    arb: fc.record({ n: pairOf(d(1, 16)), k: pairOf(d(1, 5)), s: pairOf(d(1, 4)), autoPad: fc.constantFrom<AutoPad>('valid', 'same-upper', 'same-lower'), withOp: fc.boolean() })
      .chain((r) => fc.tuple(opBelow(r.s[0], 1), opBelow(r.s[1], 1)).map((op) => tArgs({ n: r.n, k: r.k, s: r.s, op: r.withOp ? op : [0, 0] }, { autoPad: r.autoPad }))),
  },
  {
    name: 'output-shape', weight: 5,
    arb: fc.record({ n: pairOf(d(1, 16)), k: pairOf(d(1, 5)), s: pairOf(d(1, 4)), t: pairOf(fc.double({ min: 0, max: 1, noNaN: true })), upper: fc.boolean() })
      .map((r) => {
        const out = [0, 1].map((i) => { const f = fullT(r.n[i]!, r.k[i]!, r.s[i]!); return Math.max(1, f + r.s[i]! - 1 - Math.floor(r.t[i]! * 3 * r.s[i]!)); }) as [number, number];
        return tArgs({ n: r.n, k: r.k, s: r.s }, { outputShape: out, ...(r.upper ? { autoPad: 'same-upper' as AutoPad } : {}) });
      }),
  },
]);

/**
 * Input classes of `cnn.max-unpool2d-shape` (weights /12): small, realistic (to 256, k = s), stride-over-kernel,
 * padded (begin + end < k), output-shape (default + 0 … s − 1).
 */
export const unpoolArb: fc.Arbitrary<Tagged<UnpoolShapeArgs>> = classes<UnpoolShapeArgs>([
  { name: 'small', weight: 4, arb: fc.record({ n: pairOf(d(1, 12)), k: pairOf(d(1, 5)), s: pairOf(d(1, 4)) }).map((r) => ({ height: r.n[0], width: r.n[1], kernel: r.k, stride: r.s })) },
  { name: 'realistic', weight: 2, arb: fc.record({ n: pairOf(sizeUpTo(8, TRANSPOSE_MAX_SIDE)), k: fc.constantFrom(2, 3) }).map((r) => ({ height: r.n[0], width: r.n[1], kernel: [r.k, r.k] as [number, number], stride: [r.k, r.k] as [number, number] })) },
  { name: 'stride-over-kernel', weight: 2, arb: fc.record({ n: pairOf(d(1, 20)), k: pairOf(d(1, 3)), e: pairOf(d(1, 3)) }).map((r) => ({ height: r.n[0], width: r.n[1], kernel: r.k, stride: [r.k[0] + r.e[0], r.k[1] + r.e[1]] as [number, number] })) },
  {
    name: 'padded', weight: 2,
    arb: fc.record({ n: pairOf(d(1, 12)), k: pairOf(d(2, 5)), s: pairOf(d(1, 4)), b: pairOf(fc.double({ min: 0, max: 1, noNaN: true })), e: pairOf(fc.double({ min: 0, max: 1, noNaN: true })), sym: fc.boolean() })
      .map((r) => {
        const b = [0, 1].map((i) => Math.floor(r.b[i]! * r.k[i]!) % r.k[i]!), e = [0, 1].map((i) => Math.floor(r.e[i]! * (r.k[i]! - b[i]!)) % (r.k[i]! - b[i]!));
        const base: UnpoolShapeArgs = { height: r.n[0], width: r.n[1], kernel: r.k, stride: r.s };
        if (r.sym) { const p = [0, 1].map((i) => Math.floor((r.k[i]! - 1) / 2)) as [number, number]; return { ...base, padding: p }; }
        return { ...base, pads: [b[0]!, b[1]!, e[0]!, e[1]!] as [number, number, number, number] };
      }).filter((a: UnpoolShapeArgs) => (a.padding ? a.padding[0] + a.padding[1] > 0 : a.pads!.some((v) => v > 0))),
  },
  {
    name: 'output-shape', weight: 2,
    arb: fc.record({ n: pairOf(d(1, 12)), k: pairOf(d(1, 5)), s: pairOf(d(1, 4)), x: pairOf(d(0, 3)) })
      .map((r) => ({ height: r.n[0], width: r.n[1], kernel: r.k, stride: r.s, outputShape: [0, 1].map((i) => (r.n[i]! - 1) * r.s[i]! + r.k[i]! + (r.x[i]! % r.s[i]!)) as [number, number] })),
  },
]);

function shapeConformance<A>(op: string, a: A, want: [number, number], impl: Implementation): Outcome {
  const got = impl.ops[op]!(a) as number[];
  return Array.isArray(got) && got[0] === want[0] && got[1] === want[1] ? { ok: true } : { ok: false, detail: `${op}: output shape [${got}] but ONNX's formula gives [${want}]` };
}

/**
 * Transposed shapes against two independent views, per axis: the scatter count (input i with tap j lands at
 * i·s + j·d; the covered length, plus output_padding, minus the pads — derived ones for SAME / output_shape), and
 * the forward convolution with the same k, s, d and pads, which maps the transposed size back to n (n + ⌊op/s⌋
 * when a dilation allows op ≥ s), counted by enumerating its window starts (`windowCount`).
 */
export function transposeIdentity(a: TransposeShapeArgs): Outcome {
  const p = a.pads ?? [a.padding?.[0] ?? 0, a.padding?.[1] ?? 0, a.padding?.[0] ?? 0, a.padding?.[1] ?? 0];
  for (const i of [0, 1] as const) {
    const n = i ? a.width : a.height, k = a.kernel[i], s = a.stride[i], dd = a.dilation?.[i] ?? 1, op = a.outputPadding?.[i] ?? 0;
    const t = transposeAxis({ n, k, s, d: dd, begin: p[i], end: p[i + 2]!, outputPadding: op, autoPad: a.autoPad, out: a.outputShape?.[i] });
    const sc = scatterLength(n, k, s, dd, op, t.begin, t.end);
    if (sc !== t.out) return { ok: false, detail: `axis ${i}: closed form ${t.out}, scatter count ${sc} (pads ${t.begin}, ${t.end})` };
    // the forward convolution's window count, by enumeration of window starts (windowCount, not the closed
    // forms), on the transposed size with the same pads; negative derived pads (an output_shape beyond the
    // unpadded size) have no forward convolution
    if (t.begin >= 0 && t.end >= 0) {
      const back = windowCount({ n: t.out, k, s, d: dd, begin: t.begin, end: t.end, ceil: false });
      if (back !== n + Math.floor(op / s)) return { ok: false, detail: `axis ${i}: the forward convolution maps the transposed size ${t.out} to ${back}, not n = ${n}` };
    }
  }
  return { ok: true };
}

/** Max unpooling inverts floor-mode max pooling's shape map: pooling the unpooled size (or any output_shape up to s − 1 larger) gives n. */
export function unpoolIdentity(a: UnpoolShapeArgs): Outcome {
  const [oh, ow] = unpoolShape(a);
  const p = a.pads ?? [a.padding?.[0] ?? 0, a.padding?.[1] ?? 0, a.padding?.[0] ?? 0, a.padding?.[1] ?? 0];
  const back = windowShape({ height: oh, width: ow, kernel: a.kernel, stride: a.stride, pads: p });
  return back[0] === a.height && back[1] === a.width ? { ok: true } : { ok: false, detail: `unpooled [${oh}, ${ow}] pools back to [${back}], not [${a.height}, ${a.width}]` };
}

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
    {
      name: 'conv-transpose-shape',
      kind: 'conformance',
      description: 'cnn.conv-transpose2d-shape (ONNX ConvTranspose, torch conv_transpose2d): the implementation\'s transposed-convolution output shape equals s(n − 1) + output_padding + d(k − 1) + 1 − pads per axis (n·s for SAME, output_shape when given) — small, realistic to 256, stride > kernel, output padding, dilation, asymmetric pads, auto_pad and output_shape classes.',
      arbitrary: transposeArb,
      ops: ['cnn.conv-transpose2d-shape'],
      runs: 80,
      check: (a, impl) => shapeConformance('cnn.conv-transpose2d-shape', untag(a), transposeShape(a), impl!),
    },
    {
      name: 'transpose-inverts-conv',
      kind: 'identity',
      description: 'Exact, per axis: the transposed size equals the scatter count of n inputs over k dilated taps (plus output_padding, minus the pads, derived ones for SAME / output_shape), and the forward convolution with the same kernel, stride, dilation and pads maps it back to n (n + ⌊op/s⌋).',
      arbitrary: transposeArb,
      runs: 200,
      check: (a) => transposeIdentity(a),
    },
    {
      name: 'max-unpool-shape',
      kind: 'conformance',
      description: 'cnn.max-unpool2d-shape (ONNX MaxUnpool, torch max_unpool2d): the implementation\'s unpooled shape equals (n − 1)s + k − pads per axis, or output_shape when given.',
      arbitrary: unpoolArb,
      ops: ['cnn.max-unpool2d-shape'],
      runs: 80,
      check: (a, impl) => shapeConformance('cnn.max-unpool2d-shape', untag(a), unpoolShape(a), impl!),
    },
    {
      name: 'unpool-inverts-pool',
      kind: 'identity',
      description: 'Exact: floor-mode max pooling with the same kernel, stride and pads maps the unpooled size (and every output_shape up to s − 1 larger) back to n.',
      arbitrary: unpoolArb,
      runs: 200,
      check: (a) => unpoolIdentity(a),
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
