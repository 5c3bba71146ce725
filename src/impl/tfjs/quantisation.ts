/**
 * Affine (asymmetric) quantisation with tfjs float32 ops. `tf.round` rounds half to even
 * (banker's rounding), like PyTorch's `torch.round` and ONNX QuantizeLinear.
 */
import type { TF } from './types.js';

export function affineParams(tf: TF, a: { xmin: number; xmax: number; qmin: number; qmax: number }): { scale: number; zeroPoint: number } {
  return tf.tidy(() => {
    const lo = tf.minimum(tf.scalar(a.xmin, 'float32'), 0);
    const hi = tf.maximum(tf.scalar(a.xmax, 'float32'), 0);
    const s = tf.div(tf.sub(hi, lo), tf.scalar(a.qmax - a.qmin, 'float32'));
    const scale = s.dataSync()[0]!;
    if (scale === 0) return { scale: 1, zeroPoint: 0 };
    const z = tf.clipByValue(tf.sub(tf.scalar(a.qmin, 'float32'), tf.round(tf.div(lo, s))), a.qmin, a.qmax);
    return { scale, zeroPoint: z.dataSync()[0]! };
  });
}

interface Layout { shape?: number[]; axis?: number; blockSize?: number; scales?: number[]; zeroPoints?: number[] }

/**
 * Per-element scales and zero points of a layout (ONNX opset 21): the per-axis or blocked scale
 * tensor expanded to the input's shape — via strides: scale index = Σ_d idx_d·stride_d over the
 * scale shape, with idx_axis = ⌊i_axis/B⌋ (B = 1 per-axis, where the other dimensions have size 1).
 */
function expand(n: number, scale: number, zeroPoint: number, l: Layout): { s: number[]; z: number[] } {
  if (l.axis === undefined || !l.scales) return { s: new Array(n).fill(scale), z: new Array(n).fill(zeroPoint) };
  const shape = l.shape ?? [n], r = shape.length, ax = l.axis < 0 ? l.axis + r : l.axis, B = l.blockSize ?? 0;
  const sshape = shape.map((d, i) => (i !== ax ? (B ? d : 1) : B ? Math.ceil(d / B) : d));
  const strides = new Array(r).fill(1);
  for (let d = r - 2; d >= 0; d--) strides[d] = strides[d + 1] * sshape[d + 1]!;
  const s: number[] = [], z: number[] = [];
  for (let i = 0; i < n; i++) {
    let rest = i, k = 0;
    for (let d = r - 1; d >= 0; d--) {
      const id = rest % shape[d]!; rest = Math.floor(rest / shape[d]!);
      k += (d === ax ? (B ? Math.floor(id / B) : id) : B ? id : 0) * strides[d];
    }
    s.push(l.scales[k]!); z.push(l.zeroPoints ? l.zeroPoints[k]! : 0);
  }
  return { s, z };
}

export function quantize(tf: TF, a: { x: number[]; scale: number; zeroPoint: number; qmin: number; qmax: number; format?: string; saturate?: boolean } & Layout): number[] {
  if (a.x.length === 0) return [];
  const { s, z } = expand(a.x.length, a.scale, a.zeroPoint, a);
  if (a.format) {
    // float8 output (ONNX QuantizeLinear): the float32 quotient x/s, then the float8 cast of that float32 value
    const t = tf.tidy(() => Array.from(tf.div(tf.tensor1d(a.x, 'float32'), tf.tensor1d(s, 'float32')).dataSync()));
    return castMini(tf, { x: t, format: a.format, saturate: a.saturate });
  }
  return tf.tidy(() => {
    const q = tf.add(tf.round(tf.div(tf.tensor1d(a.x, 'float32'), tf.tensor1d(s, 'float32'))), tf.tensor1d(z, 'float32'));
    return Array.from(tf.clipByValue(q, a.qmin, a.qmax).dataSync());
  });
}

export function dequantize(tf: TF, a: { q: number[]; scale: number; zeroPoint: number; format?: string } & Layout): number[] {
  if (a.q.length === 0) return [];
  const { s, z } = expand(a.q.length, a.scale, a.zeroPoint, a);
  if (a.format) {
    // float8 input (ONNX DequantizeLinear): the code's value (exact in float32), times the scale
    const v = a.q.map((c) => miniValue(a.format!, c));
    return tf.tidy(() => Array.from(tf.mul(tf.tensor1d(v, 'float32'), tf.tensor1d(s, 'float32')).dataSync()));
  }
  return tf.tidy(() => Array.from(
    tf.mul(tf.sub(tf.tensor1d(a.q, 'float32'), tf.tensor1d(z, 'float32')), tf.tensor1d(s, 'float32')).dataSync()));
}

/** Σ_k (X_ik − z_x)(W_kj − z_w): shift by the zero points, then tf.matMul in float32 (exact: |partial sums| < 2²⁴). */
export function intGemm(tf: TF, a: { X: number[][]; W: number[][]; zx: number; zw: number }): number[][] {
  const m = a.X.length, n = a.W.length > 0 ? a.W[0]!.length : 0;
  if (m === 0 || n === 0) return a.X.map(() => []);
  return tf.tidy(() => {
    const x = tf.sub(tf.tensor2d(a.X, undefined, 'float32'), tf.scalar(a.zx, 'float32'));
    const w = tf.sub(tf.tensor2d(a.W, undefined, 'float32'), tf.scalar(a.zw, 'float32'));
    return tf.matMul(x, w).arraySync() as number[][];
  });
}

/**
 * The clipped straight-through gradient of FakeQuant by tfjs autodiff: FakeQuant as a tf.customGrad
 * whose gradient passes dy where the rounded code is unclipped, differentiated with tf.grad.
 */
export function steGrad(tf: TF, a: { x: number[]; scale: number; zeroPoint: number; qmin: number; qmax: number }): number[] {
  if (a.x.length === 0) return [];
  return tf.tidy(() => {
    const s = tf.scalar(a.scale, 'float32'), z = tf.scalar(a.zeroPoint, 'float32');
    const fq = tf.customGrad((x: any, save: any) => {
      const q = tf.add(tf.round(tf.div(x, s)), z);
      const mask = tf.cast(tf.logicalAnd(tf.greaterEqual(q, a.qmin), tf.lessEqual(q, a.qmax)), 'float32');
      save([mask]);
      const value = tf.mul(tf.sub(tf.clipByValue(q, a.qmin, a.qmax), z), s);
      return { value, gradFunc: (dy: any, saved: any) => tf.mul(dy, saved[0]) };
    });
    const g = tf.grad((x: any) => tf.sum(fq(x) as any))(tf.tensor1d(a.x, 'float32'));
    return Array.from(g.dataSync());
  });
}


// ------------------------------------------------------------------------------------ float8 / float4

/** The format parameters (the implementation's own table: exponent bits, mantissa bits, bias, special codes). */
const MINI: Record<string, { e: number; m: number; bias: number; special: 'fn' | 'uz' | 'ieee' | 'none' }> = {
  E4M3FN: { e: 4, m: 3, bias: 7, special: 'fn' }, E4M3FNUZ: { e: 4, m: 3, bias: 8, special: 'uz' },
  E5M2: { e: 5, m: 2, bias: 15, special: 'ieee' }, E5M2FNUZ: { e: 5, m: 2, bias: 16, special: 'uz' },
  E2M1: { e: 2, m: 1, bias: 1, special: 'none' },
};

/** The value of a float8/float4 code from the bit fields (sign, exponent, mantissa; NaN and ∞ codes as NaN and ±∞). */
function miniValue(format: string, code: number): number {
  const f = MINI[format];
  if (!f) throw new Error(`unknown format ${format}`);
  const sb = 1 << (f.e + f.m), c = code & (sb - 1), sign = code & sb ? -1 : 1;
  const E = c >> f.m, M = c & ((1 << f.m) - 1), Emax = (1 << f.e) - 1;
  if (f.special === 'uz' && code === sb) return NaN;
  if (f.special === 'fn' && c === sb - 1) return NaN;
  if (f.special === 'ieee' && E === Emax) return M === 0 ? sign * Infinity : NaN;
  return sign * (E === 0 ? M * 2 ** (1 - f.bias - f.m) : ((1 << f.m) + M) * 2 ** (E - f.bias - f.m));
}

/**
 * Cast to a float8/float4 code by comparisons in float32: the positive magnitudes v_0 = 0 < v_1 < …
 * < v_K (the largest finite) and one more, v_{K+1} (the next value with an unbounded exponent);
 * their midpoints m_j = (v_j + v_{j+1})/2 are float32 numbers (≤ 6 significant bits). The magnitude
 * code is #{j : |x| > m_j} + #{j : |x| = m_j, j odd} (a tie goes to the even code, whose mantissa is
 * even). A float64 |x| travels as hi = fl32(|x|) and the sign of the exact remainder |x| − hi, so a
 * value just off a midpoint is not mistaken for it: |x| > m ⇔ hi > m or (hi = m and rem > 0).
 */
export function castMini(tf: TF, a: { x: number[]; format: string; saturate?: boolean }): number[] {
  const f = MINI[a.format];
  if (!f) throw new Error(`unknown format ${a.format}`);
  if (a.x.length === 0) return [];
  const saturate = f.special === 'none' ? true : a.saturate !== false;
  const sb = 1 << (f.e + f.m), all = sb - 1;
  const K = f.special === 'fn' ? all - 1 : f.special === 'ieee' ? all - (1 << f.m) : all;
  const level = (c: number) => { const E = c >> f.m, M = c & ((1 << f.m) - 1); return E === 0 ? M * 2 ** (1 - f.bias - f.m) : ((1 << f.m) + M) * 2 ** (E - f.bias - f.m); };
  const mids = Array.from({ length: K + 1 }, (_, j) => (level(j) + level(j + 1)) / 2);
  const odd = mids.map((_, j) => j % 2);
  const hi = a.x.map((v) => Math.fround(Math.abs(v)));
  const rem = a.x.map((v, i) => (Number.isFinite(v) ? Math.sign(Math.abs(v) - hi[i]!) : 0));
  const k = tf.tidy(() => {
    const h = tf.tensor2d(hi, [hi.length, 1], 'float32'), r = tf.tensor2d(rem, [rem.length, 1], 'float32');
    const m = tf.tensor2d(mids, [1, mids.length], 'float32'), o = tf.tensor2d(odd, [1, odd.length], 'float32');
    const eq = tf.equal(h, m);
    const above = tf.logicalOr(tf.greater(h, m), tf.logicalAnd(eq, tf.greater(r, 0)));
    const tieUp = tf.logicalAnd(tf.logicalAnd(eq, tf.equal(r, 0)), tf.equal(o, 1));
    return Array.from(tf.sum(tf.cast(tf.logicalOr(above, tieUp), 'int32'), 1).dataSync());
  });
  const nan = f.special === 'uz' ? sb : f.special === 'none' ? 0 : all;
  return a.x.map((v, i) => {
    if (Number.isNaN(v)) return nan;
    const neg = v < 0 || Object.is(v, -0);
    let c = k[i]!;
    if (c > K || !Number.isFinite(v)) {
      if (saturate) c = K; else if (f.special === 'ieee') c = K + 1; else return nan;
    }
    if (f.special === 'uz' && c === 0) return 0;
    return neg ? sb | c : c;
  });
}


// ------------------------------------------------------------------------------------ NF4

/** The 16 NF4 levels of bitsandbytes (float32 constants). */
const NF4 = [-1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635, -0.18477343022823334,
  -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
  0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0];

/** Blockwise NF4 in tfjs float32: absmax per block (zero-padded [blocks, B]), t = x/absmax, code = #{midpoints < t} (a midpoint itself: the lower level), values = absmax·level. */
export function nf4(tf: TF, a: { x: number[]; blockSize: number }): { codes: number[]; absmax: number[]; values: number[] } {
  const n = a.x.length, B = a.blockSize;
  if (n === 0) return { codes: [], absmax: [], values: [] };
  const nb = Math.ceil(n / B);
  const padded = [...a.x, ...new Array(nb * B - n).fill(0)];
  return tf.tidy(() => {
    const x = tf.tensor2d(padded, [nb, B], 'float32');
    const am = tf.max(tf.abs(x), 1, true);
    const safe = tf.where(tf.equal(am, 0), tf.onesLike(am), am);
    const t = tf.reshape(tf.div(x, safe), [nb * B, 1]);
    const mids = tf.tensor2d(NF4.slice(1).map((v, i) => (v + NF4[i]!) / 2), [1, 15], 'float32');
    const codes = tf.sum(tf.cast(tf.greater(t, mids), 'int32'), 1);
    const values = tf.mul(tf.reshape(tf.gather(tf.tensor1d(NF4, 'float32'), codes), [nb, B]), am);
    return {
      codes: Array.from(codes.dataSync()).slice(0, n),
      absmax: Array.from(am.dataSync()),
      values: Array.from(values.dataSync()).slice(0, n),
    };
  });
}

/** The ops of this domain in the built-in implementation. */
export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'quant.affine-params': (a) => affineParams(tf, a),
    'quant.quantize': (a) => quantize(tf, a),
    'quant.dequantize': (a) => dequantize(tf, a),
    'quant.int-gemm': (a) => intGemm(tf, a),
    'quant.ste-grad': (a) => steGrad(tf, a),
    'quant.cast-float8': (a) => castMini(tf, a),
    'quant.nf4': (a) => nf4(tf, a),
    'quant.cast-float4': (a) => castMini(tf, { x: a.x, format: 'E2M1', saturate: true }),
  };
}
