/**
 * Convolution output size (seed 002_606757b0cdfd2eb0.txt, line 346): W' = ⌊(W − K + 2P)/S⌋ + 1,
 * for symmetric padding P, stride S ≥ 1 and K ≤ W + 2P; exact integer arithmetic.
 */
import { Rational } from '../numerics/rational.js';
import { toDyadic, dyToRational } from '../numerics/dyadic.js';

export function convOutSize(W: number, K: number, P: number, S: number): number {
  if (![W, K, P, S].every(Number.isSafeInteger) || S < 1 || K < 1 || P < 0 || K > W + 2 * P) {
    throw new RangeError('need integers with S ≥ 1, K ≥ 1, P ≥ 0, K ≤ W + 2P');
  }
  return Math.floor((W - K + 2 * P) / S) + 1;
}

/** The notes' pooling formula as written (002:354), without the floor: (W − K)/S + 1 as a rational. */
export function poolSizeAsWritten(W: number, K: number, S: number): { num: number; den: number } {
  return { num: W - K + S, den: S };
}

/**
 * Pooling output size and receptive fields (seed 002_606757b0cdfd2eb0.txt, lines 352–360), exact
 * integer arithmetic and explicit index sets.
 */

/** Floor-mode ('valid') pooling output size ⌊(W − K)/S⌋ + 1 (K ≤ W, S ≥ 1). */
export function poolOutSize(W: number, K: number, S: number): number {
  if (![W, K, S].every(Number.isSafeInteger) || S < 1 || K < 1 || K > W) throw new RangeError('need integers with S ≥ 1, 1 ≤ K ≤ W');
  return Math.floor((W - K) / S) + 1;
}

/**
 * The set of input indices that output index 0 of a stack of 1-D convolutions depends on:
 * layer l (kernel K_l, stride S_l, dilation 1) maps output index i to inputs {S_l·i + k : 0 ≤ k < K_l}.
 * Computed by composing the index sets from the top layer down.
 */
export function receptiveSet(layers: readonly { K: number; S: number }[]): Set<number> {
  let cur = new Set<number>([0]);
  for (let l = layers.length - 1; l >= 0; l--) {
    const { K, S } = layers[l]!;
    const next = new Set<number>();
    for (const i of cur) for (let k = 0; k < K; k++) next.add(S * i + k);
    cur = next;
  }
  return cur;
}

/** The general receptive-field size 1 + Σ_l (K_l − 1)·∏_{j<l} S_j. */
export function receptiveSizeGeneral(layers: readonly { K: number; S: number }[]): number {
  let size = 1, jump = 1;
  for (const { K, S } of layers) { size += (K - 1) * jump; jump *= S; }
  return size;
}

/**
 * Exact oracles for the CNN weight gradient (seed 002_606757b0cdfd2eb0.txt, lines 362–378):
 * y_{i,j} = Σ_h Σ_l x_{i+h−1, j+l−1} w_{h,l} (valid, stride 1, one channel), and
 * dW_{h,l} = Σ_{i,j} x_{i+h−1, j+l−1} dy_{i,j}, i.e. dW = X ⋆ dY (a valid cross-correlation).
 * Generalised to stride S and 'same' padding (TensorFlow's convention: total padding
 * max((o − 1)S + k − n, 0), the smaller half on top/left). All arithmetic in exact rationals.
 */

export type Padding = 'valid' | 'same';

/** Output size and leading padding of one axis, TensorFlow convention. */
export function convAxis(n: number, k: number, stride: number, padding: Padding): { out: number; padBefore: number } {
  if (padding === 'valid') return { out: Math.floor((n - k) / stride) + 1, padBefore: 0 };
  const out = Math.ceil(n / stride);
  const total = Math.max((out - 1) * stride + k - n, 0);
  return { out, padBefore: Math.floor(total / 2) };
}

/** Forward conv (cross-correlation) y_{i,j} = Σ_{h,l} x_{iS+h−p, jS+l−q} w_{h,l}, zero outside. */
export function conv2dExact(x: Rational[][], w: Rational[][], stride: number, padding: Padding): Rational[][] {
  const H = x.length, W = x[0]!.length, kh = w.length, kw = w[0]!.length;
  const a = convAxis(H, kh, stride, padding), b = convAxis(W, kw, stride, padding);
  const y: Rational[][] = [];
  for (let i = 0; i < a.out; i++) {
    const row: Rational[] = [];
    for (let j = 0; j < b.out; j++) {
      let s = Rational.ZERO;
      for (let h = 0; h < kh; h++) for (let l = 0; l < kw; l++) {
        const r = i * stride + h - a.padBefore, c = j * stride + l - b.padBefore;
        if (r >= 0 && r < H && c >= 0 && c < W) s = s.add(x[r]![c]!.mul(w[h]![l]!));
      }
      row.push(s);
    }
    y.push(row);
  }
  return y;
}

/**
 * Exact filter gradient dW_{h,l} = Σ_{i,j} x_{iS+h−p, jS+l−q} dy_{i,j}, with, per entry, the
 * number of nonzero-index pairs k and Σ|x·dy| (for the float error bound).
 */
export function convFilterGradExact(x: Rational[][], dy: Rational[][], kh: number, kw: number, stride: number, padding: Padding):
  { dW: Rational[][]; terms: number[][]; sumAbs: Rational[][] } {
  const H = x.length, W = x[0]!.length;
  const a = convAxis(H, kh, stride, padding), b = convAxis(W, kw, stride, padding);
  if (dy.length !== a.out || dy[0]!.length !== b.out) throw new RangeError(`dy must be ${a.out}×${b.out}`);
  const dW: Rational[][] = [], terms: number[][] = [], sumAbs: Rational[][] = [];
  for (let h = 0; h < kh; h++) {
    const r1: Rational[] = [], r2: number[] = [], r3: Rational[] = [];
    for (let l = 0; l < kw; l++) {
      let s = Rational.ZERO, sa = Rational.ZERO, k = 0;
      for (let i = 0; i < a.out; i++) for (let j = 0; j < b.out; j++) {
        const r = i * stride + h - a.padBefore, c = j * stride + l - b.padBefore;
        if (r >= 0 && r < H && c >= 0 && c < W) {
          const t = x[r]![c]!.mul(dy[i]![j]!);
          s = s.add(t); sa = sa.add(t.abs()); k++;
        }
      }
      r1.push(s); r2.push(k); r3.push(sa);
    }
    dW.push(r1); terms.push(r2); sumAbs.push(r3);
  }
  return { dW, terms, sumAbs };
}

/** L(W) = Σ_{i,j} dy_{i,j} y_{i,j}(W): linear in W, so L(W + E_{hl}) − L(W) = dW_{h,l} exactly. */
export function convLoss(x: Rational[][], w: Rational[][], dy: Rational[][], stride: number, padding: Padding): Rational {
  const y = conv2dExact(x, w, stride, padding);
  let s = Rational.ZERO;
  y.forEach((row, i) => row.forEach((v, j) => { s = s.add(v.mul(dy[i]![j]!)); }));
  return s;
}

/**
 * Var(dw_{h,l}) for valid stride-1 conv, x_{ij} i.i.d. (mean μx, variance σx²), dy_{ij} i.i.d.
 * (mean μy, variance σy²), x ⟂ dy. dw = Σ_{a=1}^{m²} x_{π(a)} dy_a with π injective, so
 * E[dw] = m²μxμy and E[dw²] = Σ_{a,b} E[x_{π(a)}x_{π(b)}]E[dy_a dy_b]
 *        = m²(σx²+μx²)(σy²+μy²) + (m⁴ − m²)μx²μy²,
 * hence Var = m²[(σx²+μx²)(σy²+μy²) − μx²μy²] = m²(σx²σy² + σx²μy² + σy²μx²).
 */
export function dwMoments(m: number, muX: Rational, s2x: Rational, muY: Rational, s2y: Rational): { mean: Rational; variance: Rational } {
  const m2 = Rational.fromInt(m * m);
  const mean = m2.mul(muX).mul(muY);
  const second = m2.mul(s2x.add(muX.pow(2))).mul(s2y.add(muY.pow(2))).add(Rational.fromInt(m ** 4 - m * m).mul(muX.pow(2)).mul(muY.pow(2)));
  return { mean, variance: second.sub(mean.pow(2)) };
}

/** A finite distribution: values with rational probabilities. */
export interface Dist { values: Rational[]; probs: Rational[] }

export function distMoments(d: Dist): { mean: Rational; variance: Rational } {
  const mean = Rational.sum(d.values.map((v, i) => v.mul(d.probs[i]!)));
  const second = Rational.sum(d.values.map((v, i) => v.pow(2).mul(d.probs[i]!)));
  return { mean, variance: second.sub(mean.pow(2)) };
}

/**
 * Mean and variance of dw_{1,1} by exhaustive enumeration of every joint outcome of the n×n
 * input and the m×m upstream gradient (all entries independent, x_{ij} ~ dx, dy_{ij} ~ ddy).
 * Only entries of X that dw_{1,1} touches are enumerated (the rest integrate out).
 */
export function dwMomentsByEnumeration(n: number, k: number, dx: Dist, ddy: Dist): { mean: Rational; variance: Rational } {
  const m = n - k + 1;
  const cells = m * m; // dw_{1,1} = Σ_{i,j ≤ m} x_{ij} dy_{ij}
  let e1 = Rational.ZERO, e2 = Rational.ZERO;
  const vx = dx.values.length, vy = ddy.values.length;
  const total = (vx * vy) ** cells;
  for (let idx = 0; idx < total; idx++) {
    let rem = idx, p = Rational.ONE, s = Rational.ZERO;
    for (let c = 0; c < cells; c++) {
      const ix = rem % vx; rem = Math.floor(rem / vx);
      const iy = rem % vy; rem = Math.floor(rem / vy);
      p = p.mul(dx.probs[ix]!).mul(ddy.probs[iy]!);
      s = s.add(dx.values[ix]!.mul(ddy.values[iy]!));
    }
    e1 = e1.add(p.mul(s)); e2 = e2.add(p.mul(s.pow(2)));
  }
  return { mean: e1, variance: e2.sub(e1.pow(2)) };
}

/**
 * The exact filter gradient of float inputs in dyadic integer arithmetic (src/numerics/dyadic.ts; no gcd per
 * product, so realistic sizes — 64×64 inputs, 11×11 kernels — stay cheap): dW (Rational), per entry the number
 * of covered (x, dy) pairs and an upper bound (float64) of Σ|x·dy|.
 */
export function convFilterGradFloat(x: number[][], dy: number[][], kh: number, kw: number, stride: number, padding: Padding):
  { dW: Rational[][]; terms: number[][]; sumAbs: number[][] } {
  const H = x.length, W = x[0]!.length;
  const a = convAxis(H, kh, stride, padding), b = convAxis(W, kw, stride, padding);
  if (dy.length !== a.out || dy[0]!.length !== b.out) throw new RangeError(`dy must be ${a.out}×${b.out}`);
  const X = toDyadic(x.flat()), D = toDyadic(dy.flat());
  const s = X.s + D.s;
  const dW: Rational[][] = [], terms: number[][] = [], sumAbs: number[][] = [];
  for (let h = 0; h < kh; h++) {
    const r1: Rational[] = [], r2: number[] = [], r3: number[] = [];
    for (let l = 0; l < kw; l++) {
      let acc = 0n, k = 0, sa = 0;
      for (let i = 0; i < a.out; i++) {
        const r = i * stride + h - a.padBefore;
        if (r < 0 || r >= H) continue;
        for (let j = 0; j < b.out; j++) {
          const c = j * stride + l - b.padBefore;
          if (c < 0 || c >= W) continue;
          acc += X.m[r * W + c]! * D.m[i * b.out + j]!;
          sa += Math.abs(x[r]![c]! * dy[i]![j]!);
          k++;
        }
      }
      r1.push(dyToRational(acc, s)); r2.push(k); r3.push(sa * (1 + 2 ** -40) * (1 + k * 2 ** -52));
    }
    dW.push(r1); terms.push(r2); sumAbs.push(r3);
  }
  return { dW, terms, sumAbs };
}

/**
 * General output size of one axis of a convolution or pooling window, as ONNX (Conv, MaxPool, AveragePool) and
 * PyTorch (conv2d, max_pool2d, avg_pool2d) define it; exact integer arithmetic.
 *
 * - effective kernel k_e = d(k − 1) + 1 (dilation d);
 * - auto_pad 'valid': no padding, ⌊(n − k_e)/s⌋ + 1 (= ONNX's ⌈(n − k_e + 1)/s⌉);
 * - auto_pad 'same-upper' / 'same-lower': ⌈n/s⌉ outputs, total padding max((⌈n/s⌉ − 1)s + k_e − n, 0), the odd
 *   unit at the end (SAME_UPPER, TensorFlow's 'same') or at the beginning (SAME_LOWER); ceil mode plays no role;
 * - explicit pads (begin, end): L = n + begin + end − k_e ≥ 0, floor mode ⌊L/s⌋ + 1; ceil mode ⌈L/s⌉ + 1, minus
 *   one when the last window would start at or beyond n + begin, i.e. inside the end padding (PyTorch's
 *   pooling_output_shape rule; ONNX ≥ 1.16's reference implementation).
 */
export type AutoPad = 'valid' | 'same-upper' | 'same-lower';
export interface AxisConfig { n: number; k: number; s: number; d?: number; begin?: number; end?: number; autoPad?: AutoPad; ceil?: boolean }

export function windowAxis(c: AxisConfig): { out: number; begin: number; end: number } {
  const d = c.d ?? 1;
  const ints = [c.n, c.k, c.s, d, c.begin ?? 0, c.end ?? 0];
  if (!ints.every(Number.isSafeInteger) || c.n < 1 || c.k < 1 || c.s < 1 || d < 1 || (c.begin ?? 0) < 0 || (c.end ?? 0) < 0) throw new RangeError('need integers n, k, s, d ≥ 1 and pads ≥ 0');
  const ke = d * (c.k - 1) + 1;
  if (c.autoPad === 'same-upper' || c.autoPad === 'same-lower') {
    const out = Math.ceil(c.n / c.s);
    const total = Math.max((out - 1) * c.s + ke - c.n, 0);
    const small = Math.floor(total / 2);
    return c.autoPad === 'same-upper' ? { out, begin: small, end: total - small } : { out, begin: total - small, end: small };
  }
  const begin = c.autoPad === 'valid' ? 0 : c.begin ?? 0, end = c.autoPad === 'valid' ? 0 : c.end ?? 0;
  const L = c.n + begin + end - ke;
  if (L < 0) throw new RangeError(`effective kernel ${ke} exceeds the padded input ${c.n + begin + end}`);
  if (!c.ceil) return { out: Math.floor(L / c.s) + 1, begin, end };
  let out = Math.ceil(L / c.s) + 1;
  if ((out - 1) * c.s >= c.n + begin) out -= 1;
  return { out, begin, end };
}

/** The arguments of cnn.conv2d-shape / cnn.pool2d-shape (src/ops/convolution.ts), new fields optional. */
export interface WindowShapeArgs {
  height: number; width: number; kernel: [number, number]; stride: [number, number];
  padding?: [number, number]; dilation?: [number, number]; pads?: [number, number, number, number]; autoPad?: AutoPad; ceilMode?: boolean;
}

/** [outH, outW] of cnn.conv2d-shape / cnn.pool2d-shape: `pads` [top, left, bottom, right] overrides the symmetric `padding`; `autoPad` overrides both. */
export function windowShape(a: WindowShapeArgs): [number, number] {
  const p = a.pads ?? [a.padding?.[0] ?? 0, a.padding?.[1] ?? 0, a.padding?.[0] ?? 0, a.padding?.[1] ?? 0];
  const axis = (i: 0 | 1) => windowAxis({ n: i === 0 ? a.height : a.width, k: a.kernel[i], s: a.stride[i], d: a.dilation?.[i] ?? 1, begin: p[i], end: p[i + 2]!, autoPad: a.autoPad, ceil: a.ceilMode ?? false }).out;
  return [axis(0), axis(1)];
}

/**
 * The same count by enumerating window starts (independent of the closed forms): floor mode counts the windows
 * [st, st + k_e) with st = −begin, −begin + s, … that fit inside the padded input [−begin, n + end); ceil mode
 * counts the fewest such windows that cover the whole padded input, then drops the last one if it starts in the
 * end padding (st ≥ n). SAME auto_pad uses its own pads in floor mode.
 */
export function windowCount(c: AxisConfig): number {
  const { begin, end } = windowAxis(c);
  const ke = (c.d ?? 1) * (c.k - 1) + 1;
  const ceil = c.ceil && c.autoPad !== 'same-upper' && c.autoPad !== 'same-lower';
  let count = 0, covered = -begin, last = -begin;
  for (let st = -begin; ceil ? covered < c.n + end : st + ke <= c.n + end; st += c.s) { count++; covered = st + ke; last = st; }
  if (ceil && count > 1 && last >= c.n) count--;
  return count;
}

// ------------------------------------------------------------------ transposed convolution / max unpooling shapes
// (cnn.conv-transpose2d-shape: ONNX ConvTranspose, torch conv_transpose2d; cnn.max-unpool2d-shape: ONNX MaxUnpool, torch max_unpool2d)

export interface TransposeAxisConfig { n: number; k: number; s: number; d?: number; begin?: number; end?: number; outputPadding?: number; autoPad?: AutoPad; out?: number }

/**
 * One axis of a transposed convolution (ONNX ConvTranspose, opset 11+). Unpadded size
 * full = s(n − 1) + output_padding + d(k − 1) + 1. The output size is
 *  - `out` (ONNX output_shape) when given, with total padding full − out split as ONNX does:
 *    SAME_UPPER → begin = ⌊total/2⌋, end = total − begin; otherwise begin = total − ⌊total/2⌋, end = ⌊total/2⌋;
 *  - n·s for auto_pad SAME_UPPER / SAME_LOWER (total padding full − n·s, split likewise: SAME_LOWER like "otherwise");
 *  - full − begin − end for explicit pads (VALID: 0, 0).
 * An output_shape above `full` gives a negative total padding (ONNX allows it: the output is extended at the end
 * (upper) or the beginning). Throws outside the domain (output_padding ≥ max(s, d), a size < 1, negative explicit pads).
 */
export function transposeAxis(c: TransposeAxisConfig): { out: number; begin: number; end: number } {
  const d = c.d ?? 1, op = c.outputPadding ?? 0, b0 = c.begin ?? 0, e0 = c.end ?? 0;
  if (![c.n, c.k, c.s, d, op, b0, e0].every(Number.isSafeInteger) || c.n < 1 || c.k < 1 || c.s < 1 || d < 1 || op < 0 || b0 < 0 || e0 < 0) throw new RangeError('need integers n, k, s, d ≥ 1 and pads, output_padding ≥ 0');
  if (op >= Math.max(c.s, d)) throw new RangeError(`output_padding ${op} must be < max(stride ${c.s}, dilation ${d})`);
  const full = c.s * (c.n - 1) + op + d * (c.k - 1) + 1;
  const split = (total: number, upper: boolean) => { const h = Math.floor(total / 2); return upper ? { begin: h, end: total - h } : { begin: total - h, end: h }; };
  if (c.out !== undefined) {
    if (!Number.isSafeInteger(c.out) || c.out < 1) throw new RangeError(`output_shape ${c.out} must be ≥ 1`);
    return { out: c.out, ...split(full - c.out, c.autoPad === 'same-upper') };
  }
  if (c.autoPad === 'same-upper' || c.autoPad === 'same-lower') {
    const out = c.n * c.s;
    return { out, ...split(full - out, c.autoPad === 'same-upper') };
  }
  const begin = c.autoPad === 'valid' ? 0 : b0, end = c.autoPad === 'valid' ? 0 : e0;
  const out = full - begin - end;
  if (out < 1) throw new RangeError(`pads ${begin} + ${end} leave no output of the unpadded size ${full}`);
  return { out, begin, end };
}

export interface TransposeShapeArgs {
  height: number; width: number; kernel: [number, number]; stride: [number, number];
  padding?: [number, number]; dilation?: [number, number]; pads?: [number, number, number, number];
  outputPadding?: [number, number]; autoPad?: AutoPad; outputShape?: [number, number];
}

/** [outH, outW] of cnn.conv-transpose2d-shape. */
export function transposeShape(a: TransposeShapeArgs): [number, number] {
  const p = a.pads ?? [a.padding?.[0] ?? 0, a.padding?.[1] ?? 0, a.padding?.[0] ?? 0, a.padding?.[1] ?? 0];
  const axis = (i: 0 | 1) => transposeAxis({ n: i === 0 ? a.height : a.width, k: a.kernel[i], s: a.stride[i], d: a.dilation?.[i] ?? 1, begin: p[i], end: p[i + 2]!, outputPadding: a.outputPadding?.[i] ?? 0, autoPad: a.autoPad, out: a.outputShape?.[i] }).out;
  return [axis(0), axis(1)];
}

export interface UnpoolShapeArgs { height: number; width: number; kernel: [number, number]; stride: [number, number]; padding?: [number, number]; pads?: [number, number, number, number]; outputShape?: [number, number] }

/** One axis of ONNX MaxUnpool / torch max_unpool: (n − 1)s + k − begin − end, or `out` (≥ that). */
export function unpoolAxis(n: number, k: number, s: number, begin: number, end: number, out?: number): number {
  if (![n, k, s, begin, end].every(Number.isSafeInteger) || n < 1 || k < 1 || s < 1 || begin < 0 || end < 0) throw new RangeError('need integers n, k, s ≥ 1 and pads ≥ 0');
  const dflt = (n - 1) * s + k - begin - end;
  if (dflt < 1) throw new RangeError(`pads ${begin} + ${end} leave no output`);
  if (out === undefined) return dflt;
  if (!Number.isSafeInteger(out) || out < dflt) throw new RangeError(`output_shape ${out} is below the default size ${dflt}`);
  return out;
}

/** [outH, outW] of cnn.max-unpool2d-shape. */
export function unpoolShape(a: UnpoolShapeArgs): [number, number] {
  const p = a.pads ?? [a.padding?.[0] ?? 0, a.padding?.[1] ?? 0, a.padding?.[0] ?? 0, a.padding?.[1] ?? 0];
  return [unpoolAxis(a.height, a.kernel[0], a.stride[0], p[0], p[2]!, a.outputShape?.[0]), unpoolAxis(a.width, a.kernel[1], a.stride[1], p[1], p[3]!, a.outputShape?.[1])];
}

/**
 * The transposed output length by scattering (independent of the closed form): input position i with tap j
 * lands at i·s + j·d; the covered range [0, max + 1) is extended by output_padding at the end, then
 * `begin` positions are cut at the start and `end` at the end.
 */
export function scatterLength(n: number, k: number, s: number, d: number, outputPadding: number, begin: number, end: number): number {
  let max = -1;
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) max = Math.max(max, i * s + j * d);
  return max + 1 + outputPadding - begin - end;
}
