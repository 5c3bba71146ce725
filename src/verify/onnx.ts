/**
 * ONNX backend node tests as lemmata cases: a directory with `model.onnx` (one node) and
 * `test_data_set_*` folders of `input_K.pb` / `output_K.pb` TensorProtos, in the order of the graph's
 * inputs and outputs. The protobuf messages are decoded with `onnx-proto` (protobufjs), never by
 * hand. Each test is mapped to lemmata ops where the ONNX operator's semantics (with the given
 * attributes) are exactly a lemmata op; anything else is reported as unmapped with the reason.
 *
 *   Softmax (opset ≥ 13: along `axis`; < 13: over the flattened trailing dims) → nn.softmax per row
 *   LayerNormalization (axis, epsilon; output Y)                          → norm.layernorm
 *   QuantizeLinear / DequantizeLinear (per tensor, per-axis, blocked; integer or float8 types) → quant.quantize / quant.dequantize (float8: `format`)
 *   DynamicQuantizeLinear (uint8)                                         → quant.affine-params + quant.quantize
 *   Attention (opsets 23–25: masks, causal, windows, nonpad, scale, softcap, GQA, past KV, 3-D; fp16/fp32/fp64; Y, qk_matmul_output modes 0–3, present_key/value; fully masked rows) → attn.attention (attentionOnnx)
 *   GlobalAveragePool / GlobalMaxPool (window = the spatial extent)        → cnn.pool2d-shape
 *   RotaryEmbedding (any cos/sin tables, with or without position_ids; partial rotary dims) → attn.rope-apply per batch × head (rotaryOnnx);
 *     tables that are rotations for an integer base, with position_ids, also → attn.rope on the rotated dims
 *   Conv / ConvInteger (1-, 2-, 3-D; pads, dilations, auto_pad)            → cnn.conv2d-shape (per pair of axes)
 *   MaxPool / AveragePool (1-, 2-, 3-D; pads, dilations, auto_pad, ceil)   → cnn.pool2d-shape (per pair of axes)
 *   ConvTranspose (1-, 2-, 3-D; pads, dilations, output_padding, output_shape, auto_pad) → cnn.conv-transpose2d-shape (per pair of axes)
 *   MaxUnpool (1-, 2-, 3-D; pads, the output_shape input)                  → cnn.max-unpool2d-shape (per pair of axes)
 *   DFT (forward; real or complex input; dft_length = signal length)     → fourier.dft per line (onesided: fourier.rfft)
 */
import fs from 'node:fs';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import type { Dtype } from '../registry/types.js';
import type { AutoPad } from '../oracles/convolution.js';
import { nest } from './npy.js';
import { decodeBits, FLOAT16 } from '../numerics/float-format.js';

const { onnx } = onnxProto;

export interface VerifyCase {
  /** Stable name: `<source>/<case>`. */
  name: string;
  op: string;
  dtype: Dtype;
  args: Record<string, unknown>;
  output: unknown;
}

export interface Unmapped { name: string; reason: string }

export interface ReadResult { cases: VerifyCase[]; unmapped: Unmapped[] }

const long = (v: unknown): number => (typeof v === 'number' ? v : Number(String(v)));

interface Tensor { type: number; dims: number[]; data: number[] }

/** ONNX TensorProto.DataType codes lemmata reads. */
const T = { FLOAT: 1, UINT8: 2, INT8: 3, UINT16: 4, INT16: 5, INT32: 6, INT64: 7, BOOL: 9, FLOAT16: 10, DOUBLE: 11, UINT32: 12, UINT64: 13, BFLOAT16: 16, FLOAT8E4M3FN: 17, FLOAT8E4M3FNUZ: 18, FLOAT8E5M2: 19, FLOAT8E5M2FNUZ: 20, UINT4: 21, INT4: 22 } as const;
/** ONNX float8 types → quant.quantize / quant.dequantize `format` (their tensors are read as the byte codes). */
const FLOAT8_FORMAT: Record<number, string> = { [T.FLOAT8E4M3FN]: 'E4M3FN', [T.FLOAT8E4M3FNUZ]: 'E4M3FNUZ', [T.FLOAT8E5M2]: 'E5M2', [T.FLOAT8E5M2FNUZ]: 'E5M2FNUZ' };
/** A float8 zero point tensor that is all +0 (code 0; ONNX requires zero for float8). */
const zeroCodes = (zp: Tensor | undefined) => !zp || zp.data.every((c) => c === 0);
const INT_RANGE: Record<number, [number, number]> = {
  [T.UINT8]: [0, 255], [T.INT8]: [-128, 127], [T.UINT16]: [0, 65535], [T.INT16]: [-32768, 32767],
  [T.UINT4]: [0, 15], [T.INT4]: [-8, 7],
};

/** Decode a TensorProto into its element values (exactly), row-major. */
export function decodeTensor(bytes: Uint8Array): Tensor {
  const t = onnx.TensorProto.decode(bytes);
  const dims = t.dims.map(long);
  const n = dims.reduce((a, b) => a * b, 1);
  const raw = t.rawData && t.rawData.length ? t.rawData : null;
  const dv = raw ? new DataView(raw.buffer, raw.byteOffset, raw.byteLength) : null;
  const get = (size: number, f: (o: number) => number, fromList: () => number[]): number[] =>
    dv ? Array.from({ length: n }, (_, i) => f(i * size)) : fromList();
  let data: number[];
  switch (t.dataType) {
    case T.FLOAT: data = get(4, (o) => dv!.getFloat32(o, true), () => t.floatData.map(Number)); break;
    case T.DOUBLE: data = get(8, (o) => dv!.getFloat64(o, true), () => t.doubleData.map(Number)); break;
    case T.UINT8: data = get(1, (o) => dv!.getUint8(o), () => t.int32Data.map(Number)); break;
    case T.INT8: data = get(1, (o) => dv!.getInt8(o), () => t.int32Data.map(Number)); break;
    case T.UINT16: data = get(2, (o) => dv!.getUint16(o, true), () => t.int32Data.map(Number)); break;
    case T.INT16: data = get(2, (o) => dv!.getInt16(o, true), () => t.int32Data.map(Number)); break;
    case T.INT32: data = get(4, (o) => dv!.getInt32(o, true), () => t.int32Data.map(Number)); break;
    case T.INT64: data = get(8, (o) => Number(dv!.getBigInt64(o, true)), () => t.int64Data.map(long)); break;
    case T.BOOL: data = get(1, (o) => dv!.getUint8(o), () => t.int32Data.map(Number)); break;
    // float8: the byte codes (raw bytes, or int32_data holding them)
    case T.FLOAT8E4M3FN: case T.FLOAT8E4M3FNUZ: case T.FLOAT8E5M2: case T.FLOAT8E5M2FNUZ: data = get(1, (o) => dv!.getUint8(o), () => t.int32Data.map(Number)); break;
    // float16 is widened exactly (int32_data holds the bit patterns when there is no raw data)
    case T.FLOAT16: data = get(2, (o) => decodeBits(dv!.getUint16(o, true), FLOAT16), () => t.int32Data.map((b) => decodeBits(Number(b), FLOAT16))); break;
    case T.UINT4: case T.INT4: {
      const signed = t.dataType === T.INT4;
      const bytesOf = raw ?? Uint8Array.from(t.int32Data.map(Number));
      data = Array.from({ length: n }, (_, i) => {
        const b = bytesOf[i >> 1]!;
        const nib = i & 1 ? b >> 4 : b & 15;
        return signed && nib > 7 ? nib - 16 : nib;
      });
      break;
    }
    default: throw new Error(`TensorProto data type ${t.dataType} is not supported`);
  }
  if (data.length !== n) throw new Error(`tensor '${t.name}' has ${data.length} values for shape [${dims.join(', ')}]`);
  return { type: t.dataType, dims, data };
}

const dtypeOf = (t: Tensor): Dtype | null => (t.type === T.FLOAT ? 'float32' : t.type === T.DOUBLE ? 'float64' : null);
const prod = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);

interface Node { opType: string; attrs: Map<string, unknown>; opset: number; inputs: string[]; outputs: string[] }

function readModel(file: string): { node: Node | null; nodes: number; graphInputs: string[]; graphOutputs: string[] } {
  const m = onnx.ModelProto.decode(fs.readFileSync(file));
  const g = m.graph!;
  const initializer = g.initializer ?? [], input = g.input ?? [], output = g.output ?? [], nodeList = g.node ?? [];
  const opset = long((m.opsetImport ?? []).find((o) => (o.domain ?? '') === '' || o.domain === 'ai.onnx')?.version ?? 0);
  const inits = new Set(initializer.map((i) => i.name));
  const graphInputs = input.map((i) => i.name ?? '').filter((n) => !inits.has(n));
  const graphOutputs = output.map((o) => o.name ?? '');
  if (nodeList.length !== 1) return { node: null, nodes: nodeList.length, graphInputs, graphOutputs };
  const n = nodeList[0]!;
  const attrs = new Map<string, unknown>();
  for (const a of n.attribute ?? []) {
    // AttributeType: 1 FLOAT, 2 INT, 3 STRING, 6 FLOATS, 7 INTS
    const v = a.type === 1 ? a.f : a.type === 2 ? long(a.i) : a.type === 3 ? new TextDecoder().decode(a.s ?? new Uint8Array()) : a.type === 6 ? (a.floats ?? []).map(Number) : a.type === 7 ? (a.ints ?? []).map(long) : undefined;
    attrs.set(a.name ?? '', v);
  }
  return { node: { opType: n.opType ?? '', attrs, opset, inputs: (n.input ?? []).slice(), outputs: (n.output ?? []).slice() }, nodes: 1, graphInputs, graphOutputs };
}

/** Values along `axis` of a tensor, one list per position of the other axes (row-major over them). */
function lines(t: Tensor, axis: number): { index: number[]; values: number[] }[] {
  const r = t.dims.length;
  const ax = axis < 0 ? axis + r : axis;
  const strides = t.dims.map((_, k) => prod(t.dims.slice(k + 1)));
  const others = t.dims.map((d, k) => (k === ax ? 1 : d));
  const out: { index: number[]; values: number[] }[] = [];
  const count = prod(others);
  for (let c = 0; c < count; c++) {
    const idx: number[] = [];
    let rem = c;
    for (let k = r - 1; k >= 0; k--) { idx[k] = rem % others[k]!; rem = Math.floor(rem / others[k]!); }
    const base = idx.reduce((s, v, k) => s + v * strides[k]!, 0);
    out.push({ index: idx, values: Array.from({ length: t.dims[ax]! }, (_, j) => t.data[base + j * strides[ax]!]!) });
  }
  return out;
}

/** A mapper's answer: the cases, or why the test is not expressible, or the cases plus the parts that are not (judged). */
type MapResult = VerifyCase[] | string | { cases: VerifyCase[]; unsupported: string[] };
type Mapper = (n: Node, ins: Tensor[], outs: Tensor[], name: string) => MapResult;

/**
 * The quant.quantize / quant.dequantize layout of a QuantizeLinear / DequantizeLinear node: {} for a
 * scalar scale; per-axis (axis attribute, default 1) for a 1-D scale of the axis' length; blocked
 * (block_size attribute, opset 21) for a scale of the input's rank. A string says why not.
 */
function layoutOf(n: Node, x: Tensor, scale: Tensor, zp: Tensor | undefined): Record<string, unknown> | string {
  if (scale.data.length === 1 && scale.dims.length <= 1 && !n.attrs.get('block_size')) return {};
  const r = x.dims.length;
  let axis = (n.attrs.get('axis') as number | undefined) ?? 1;
  if (axis < 0) axis += r;
  const B = (n.attrs.get('block_size') as number | undefined) ?? 0;
  if (B > 0) {
    if (scale.dims.length !== r || scale.dims.some((d, i) => d !== (i === axis ? Math.ceil(x.dims[i]! / B) : x.dims[i]!))) return `blocked scale of shape [${scale.dims.join(', ')}] does not match input [${x.dims.join(', ')}], axis ${axis}, block_size ${B}`;
  } else if (scale.dims.length !== 1 || scale.dims[0] !== x.dims[axis]) return `scale of shape [${scale.dims.join(', ')}] is neither per-tensor nor per-axis along axis ${axis} of [${x.dims.join(', ')}]`;
  return { shape: x.dims, axis, ...(B > 0 ? { blockSize: B } : {}), scales: scale.data, zeroPoints: zp ? zp.data : scale.data.map(() => 0) };
}

const MAPPERS: Record<string, Mapper> = {
  Softmax(n, [x], [y], name) {
    const dt = dtypeOf(x!);
    if (!dt) return `input type ${x!.type} is not float32/float64`;
    const r = x!.dims.length;
    let axis = (n.attrs.get('axis') as number | undefined) ?? (n.opset >= 13 ? -1 : 1);
    if (axis < 0) axis += r;
    if (n.opset >= 13) {
      const xs = lines(x!, axis), ys = lines(y!, axis);
      return xs.map((l, i) => ({ name: `${name}/row-${l.index.join('.')}`, op: 'nn.softmax', dtype: dt, args: { x: l.values }, output: ys[i]!.values }));
    }
    const cols = prod(x!.dims.slice(axis));
    const rows = prod(x!.dims.slice(0, axis));
    return Array.from({ length: rows }, (_, i) => ({
      name: `${name}/row-${i}`, op: 'nn.softmax', dtype: dt,
      args: { x: x!.data.slice(i * cols, (i + 1) * cols) }, output: y!.data.slice(i * cols, (i + 1) * cols),
    }));
  },
  LayerNormalization(n, [x, scale, bias], [y], name) {
    const dt = dtypeOf(x!);
    if (!dt) return `input type ${x!.type} is not float32/float64`;
    const r = x!.dims.length;
    let axis = (n.attrs.get('axis') as number | undefined) ?? -1;
    if (axis < 0) axis += r;
    const D = prod(x!.dims.slice(axis)), N = prod(x!.dims.slice(0, axis));
    const bcast = (t: Tensor | undefined, fill: number): number[] | string => {
      if (!t) return Array(D).fill(fill);
      if (t.data.length === D) return t.data;
      if (t.data.length === 1) return Array(D).fill(t.data[0]!);
      return `scale/bias of shape [${t.dims.join(', ')}] does not cover the normalised dims [${x!.dims.slice(axis).join(', ')}] elementwise`;
    };
    const gamma = bcast(scale, 1), beta = bcast(bias, 0);
    if (typeof gamma === 'string') return gamma;
    if (typeof beta === 'string') return beta;
    const eps = (n.attrs.get('epsilon') as number | undefined) ?? 1e-5;
    const rows = (t: Tensor) => Array.from({ length: N }, (_, i) => t.data.slice(i * D, (i + 1) * D));
    return [{ name: `${name}/Y`, op: 'norm.layernorm', dtype: dt, args: { x: rows(x!), gamma, beta, eps: Math.fround(eps) }, output: rows(y!) }];
  },
  QuantizeLinear(n, [x, scale, zp], [y], name) {
    const dt = dtypeOf(x!);
    if (!dt) return `input type ${x!.type} is not float32/float64`;
    const format = FLOAT8_FORMAT[y!.type];
    if (format) {
      // float8 output: quant.quantize with `format` (cast_f8(fl(x/s)), saturate attribute, default 1)
      if (!zeroCodes(zp)) return 'a float8 zero point that is not 0 (ONNX requires 0 for float8)';
      if (scale!.type !== x!.type) return `scale type ${scale!.type} differs from the input type ${x!.type} (the quotient's precision would be the scale's)`;
      const lay = layoutOf(n, x!, scale!, undefined);
      if (typeof lay === 'string') return lay;
      const saturate = (n.attrs.get('saturate') as number | undefined ?? 1) !== 0;
      return [{ name: `${name}/y`, op: 'quant.quantize', dtype: dt, args: { x: x!.data, scale: scale!.data[0]!, zeroPoint: 0, qmin: 0, qmax: 255, ...lay, format, saturate }, output: y!.data }];
    }
    const range = INT_RANGE[y!.type];
    if (!range) return `output type ${y!.type} is not an integer or float8 type lemmata quantises to`;
    const lay = layoutOf(n, x!, scale!, zp);
    if (typeof lay === 'string') return lay;
    return [{ name: `${name}/y`, op: 'quant.quantize', dtype: dt, args: { x: x!.data, scale: scale!.data[0]!, zeroPoint: zp ? zp.data[0]! : 0, qmin: range[0], qmax: range[1], ...lay }, output: y!.data }];
  },
  DequantizeLinear(n, [x, scale, zp], [y], name) {
    const format = FLOAT8_FORMAT[x!.type];
    // a float8 input with a float16 scale and output: quant.dequantize with storage "float16", judged in float32
    const half = format !== undefined && y!.type === T.FLOAT16 && scale!.type === T.FLOAT16;
    const dt = half ? 'float32' : dtypeOf(y!);
    if (!dt) return `output type ${y!.type} is not float32/float64${y!.type === T.FLOAT16 ? ' (a float16 output is expressed only for a float8 input with a float16 scale: storage "float16")' : ''}`;
    if (format) {
      // float8 input: quant.dequantize with `format` (s·v(q), one rounding; two with a float16 result)
      if (!zeroCodes(zp)) return 'a float8 zero point that is not 0 (ONNX requires 0 for float8)';
      const lay = layoutOf(n, x!, scale!, undefined);
      if (typeof lay === 'string') return lay;
      return [{ name: `${name}/y`, op: 'quant.dequantize', dtype: dt, args: { q: x!.data, scale: scale!.data[0]!, zeroPoint: 0, ...lay, format, ...(half ? { storage: 'float16' } : {}) }, output: y!.data }];
    }
    if (!INT_RANGE[x!.type] && x!.type !== T.INT32) return `input type ${x!.type} is not an integer type`;
    const lay = layoutOf(n, x!, scale!, zp);
    if (typeof lay === 'string') return lay;
    return [{ name: `${name}/y`, op: 'quant.dequantize', dtype: dt, args: { q: x!.data, scale: scale!.data[0]!, zeroPoint: zp ? zp.data[0]! : 0, ...lay }, output: y!.data }];
  },
  DynamicQuantizeLinear(_n, [x], [y, scale, zp], name) {
    if (x!.type !== T.FLOAT) return 'input is not float32';
    const xmin = Math.min(...x!.data), xmax = Math.max(...x!.data);
    return [
      { name: `${name}/params`, op: 'quant.affine-params', dtype: 'float32', args: { xmin, xmax, qmin: 0, qmax: 255 }, output: { scale: scale!.data[0]!, zeroPoint: zp!.data[0]! } },
      { name: `${name}/y`, op: 'quant.quantize', dtype: 'float32', args: { x: x!.data, scale: scale!.data[0]!, zeroPoint: zp!.data[0]!, qmin: 0, qmax: 255 }, output: y!.data },
    ];
  },
  Attention: attentionOnnx,
  RotaryEmbedding: rotaryOnnx,
  // a global pool is a pool whose window is the whole spatial extent (output size 1 per axis)
  GlobalAveragePool(n, [x], [y], name) { return windowShapes(n, x!, y!, name, 'cnn.pool2d-shape', x!.dims.slice(2)); },
  GlobalMaxPool(n, [x], [y], name) { return windowShapes(n, x!, y!, name, 'cnn.pool2d-shape', x!.dims.slice(2)); },
  Conv(n, [x, w], [y], name) { return windowShapes(n, x!, y!, name, 'cnn.conv2d-shape', (n.attrs.get('kernel_shape') as number[] | undefined) ?? w!.dims.slice(2)); },
  ConvInteger(n, [x, w], [y], name) { return windowShapes(n, x!, y!, name, 'cnn.conv2d-shape', (n.attrs.get('kernel_shape') as number[] | undefined) ?? w!.dims.slice(2)); },
  ConvTranspose(n, [x, w], [y], name) { return transposeShapes(n, x!, y!, name, 'cnn.conv-transpose2d-shape', (n.attrs.get('kernel_shape') as number[] | undefined) ?? w!.dims.slice(2), undefined); },
  MaxUnpool(n, [x, , outShape], [y], name) { return transposeShapes(n, x!, y!, name, 'cnn.max-unpool2d-shape', n.attrs.get('kernel_shape') as number[], outShape); },
  MaxPool(n, [x], [y], name) { return poolShape(n, x!, y!, name); },
  AveragePool(n, [x], [y], name) { return poolShape(n, x!, y!, name); },
  DFT(n, [x, dftLength, axisIn], [y], name) {
    const dt = dtypeOf(x!);
    if (!dt) return `input type ${x!.type} is not float32/float64`;
    if ((n.attrs.get('inverse') as number | undefined ?? 0) !== 0) return 'the inverse DFT is not expressible (fourier.dft is the forward transform)';
    const r = x!.dims.length;
    const c = x!.dims[r - 1]!;
    if (c !== 1 && c !== 2) return `the last dimension (${c}) is not 1 (real) or 2 (complex)`;
    let axis = axisIn ? axisIn.data[0]! : ((n.attrs.get('axis') as number | undefined) ?? 1);
    if (axis < 0) axis += r;
    if (axis < 0 || axis >= r - 1) return `axis ${axis} is not a signal axis`;
    const N = x!.dims[axis]!;
    if (dftLength && dftLength.data[0] !== N) return `dft_length ${dftLength.data[0]} differs from the signal length ${N} (padding or truncation is not expressible)`;
    const onesided = (n.attrs.get('onesided') as number | undefined ?? 0) !== 0;
    if (onesided && c !== 1) return 'a one-sided DFT of a complex input is not expressible';
    const K = onesided ? Math.floor(N / 2) + 1 : N;
    if (y!.dims[axis] !== K || y!.dims[r - 1] !== 2) return `output shape [${y!.dims.join(', ')}] is not the expected transform shape`;
    const stride = (dims: number[], k: number) => prod(dims.slice(k + 1));
    const outer = x!.dims.slice(0, r - 1).map((d, k) => (k === axis ? 1 : d));
    const cases: VerifyCase[] = [];
    for (let i = 0; i < prod(outer); i++) {
      const idx: number[] = [];
      let rem = i;
      for (let k = outer.length - 1; k >= 0; k--) { idx[k] = rem % outer[k]!; rem = Math.floor(rem / outer[k]!); }
      const at = (t: Tensor, j: number, comp: number) => { const id = [...idx, comp]; id[axis] = j; return t.data[id.reduce((s, v, k) => s + v * stride(t.dims, k), 0)]!; };
      const out = Array.from({ length: K }, (_, k) => [at(y!, k, 0), at(y!, k, 1)]);
      const label = idx.filter((_, k) => k !== axis).join('.');
      if (onesided) cases.push({ name: `${name}/line-${label}`, op: 'fourier.rfft', dtype: dt, args: { x: Array.from({ length: N }, (_, j) => at(x!, j, 0)) }, output: out });
      else cases.push({ name: `${name}/line-${label}`, op: 'fourier.dft', dtype: dt, args: { x: Array.from({ length: N }, (_, j) => [at(x!, j, 0), c === 2 ? at(x!, j, 1) : 0]) }, output: out });
    }
    return cases;
  },
  STFT(_n, [, , window, frameLength], [,], _name) {
    if (!window) return `no window: a rectangular window${frameLength ? ` of length ${frameLength.data[0]}` : ''} is not expressible (fourier.stft uses the periodic Hann window)`;
    return 'the window is given as data; fourier.stft fixes the periodic Hann window (a window input is not expressible)';
  },
};

function poolShape(n: Node, x: Tensor, y: Tensor, name: string): VerifyCase[] | string {
  return windowShapes(n, x, y, name, 'cnn.pool2d-shape', n.attrs.get('kernel_shape') as number[]);
}

/** The spatial attributes of a conv/pool-like node with r = 1…3 spatial axes, or why they are not expressible. */
function spatialAttrs(n: Node, x: Tensor, ks: number[] | undefined): { r: number; ks: number[]; autoPad: AutoPad | undefined; st: number[]; dil: number[]; pads: number[] } | string {
  const r = x.dims.length - 2;
  if (r < 1 || r > 3) return `${r}-D windows are not expressible`;
  if (!ks || ks.length !== r) return `kernel_shape [${ks?.join(', ') ?? ''}] does not match the ${r} spatial axes`;
  const ap = (n.attrs.get('auto_pad') as string | undefined) ?? 'NOTSET';
  const autoPad = ({ NOTSET: undefined, VALID: 'valid', SAME_UPPER: 'same-upper', SAME_LOWER: 'same-lower' } as const)[ap as 'NOTSET'];
  if (ap !== 'NOTSET' && !autoPad) return `auto_pad ${ap} is unknown`;
  return {
    r, ks, autoPad,
    st: (n.attrs.get('strides') as number[] | undefined) ?? Array(r).fill(1),
    dil: (n.attrs.get('dilations') as number[] | undefined) ?? Array(r).fill(1),
    pads: (n.attrs.get('pads') as number[] | undefined) ?? Array(2 * r).fill(0),
  };
}

/**
 * The lemmata shape ops are 2-D: 1-D inputs pair a trivial axis (index −1: n = k = s = 1) with the one axis,
 * 3-D inputs become two cases, (0, 1) and (2, trivial).
 */
function axisPairs(r: number): [number, number][] {
  return r === 1 ? [[-1, 0]] : r === 2 ? [[0, 1]] : [[0, 1], [2, -1]];
}

/**
 * Conv / ConvInteger / MaxPool / AveragePool output shapes as cnn.conv2d-shape / cnn.pool2d-shape cases. The
 * spatial axes are independent (each output size depends on its own n, k, s, d and pads only), so 1-D tests
 * become one 2-D case with a trivial first axis (n = k = s = 1: one output) and 3-D tests two cases, axes (1, 2)
 * and (3, trivial). auto_pad VALID / SAME_UPPER / SAME_LOWER map to autoPad, explicit pads
 * [x1_begin, …, x1_end, …] to pads [top, left, bottom, right], dilations to dilation, ceil_mode to ceilMode
 * (pooling only; count_include_pad and storage_order do not change the shape).
 */
function windowShapes(n: Node, x: Tensor, y: Tensor, name: string, op: 'cnn.conv2d-shape' | 'cnn.pool2d-shape', kernel: number[] | undefined): VerifyCase[] | string {
  const sa = spatialAttrs(n, x, kernel);
  if (typeof sa === 'string') return sa;
  const { r, ks, autoPad, st, dil, pads } = sa;
  const ceil = (n.attrs.get('ceil_mode') as number | undefined ?? 0) !== 0;
  if (op === 'cnn.conv2d-shape' && ceil) return 'ceil_mode on a convolution is not an ONNX attribute';
  const axis = (i: number) => (i < 0 ? { n: 1, k: 1, s: 1, d: 1, b: 0, e: 0, out: 1 } : { n: x.dims[2 + i]!, k: ks[i]!, s: st[i]!, d: dil[i]!, b: pads[i]!, e: pads[i + r]!, out: y.dims[2 + i]! });
  const pairs = axisPairs(r);
  return pairs.map(([i, j], c) => {
    const a = axis(i), b = axis(j);
    const args: Record<string, unknown> = { height: a.n, width: b.n, kernel: [a.k, b.k], stride: [a.s, b.s] };
    if (op === 'cnn.conv2d-shape') args['padding'] = [0, 0];
    if (a.d !== 1 || b.d !== 1) args['dilation'] = [a.d, b.d];
    if (autoPad) args['autoPad'] = autoPad;
    else if ([a.b, a.e, b.b, b.e].some((v) => v !== 0)) args['pads'] = [a.b, b.b, a.e, b.e];
    if (ceil) args['ceilMode'] = true;
    return { name: `${name}/shape${pairs.length > 1 ? `-${c}` : ''}`, op, dtype: 'float32' as Dtype, args, output: [a.out, b.out] };
  });
}

/**
 * ConvTranspose / MaxUnpool output shapes as cnn.conv-transpose2d-shape / cnn.max-unpool2d-shape cases, axes paired as in
 * windowShapes (a trivial axis n = k = s = 1 has one output). ConvTranspose: strides, dilations, pads, output_padding,
 * output_shape (the spatial sizes; a full [N, C, …] shape is cut to its last r entries) and auto_pad; MaxUnpool: strides,
 * pads and the output_shape input (the full shape: its spatial part).
 */
function transposeShapes(n: Node, x: Tensor, y: Tensor, name: string, op: 'cnn.conv-transpose2d-shape' | 'cnn.max-unpool2d-shape', kernel: number[] | undefined, outShape: Tensor | undefined): VerifyCase[] | string {
  const sa = spatialAttrs(n, x, kernel);
  if (typeof sa === 'string') return sa;
  const { r, ks, autoPad, st, dil, pads } = sa;
  if (op === 'cnn.max-unpool2d-shape' && autoPad) return 'auto_pad is not a MaxUnpool attribute';
  const opad = (n.attrs.get('output_padding') as number[] | undefined) ?? Array(r).fill(0);
  const osAttr = op === 'cnn.conv-transpose2d-shape' ? (n.attrs.get('output_shape') as number[] | undefined) : outShape?.data;
  const os = osAttr ? osAttr.slice(osAttr.length - r) : undefined;
  if (osAttr && osAttr.length !== r && osAttr.length !== r + 2) return `output_shape [${osAttr.join(', ')}] has neither ${r} nor ${r + 2} entries`;
  const axis = (i: number) => (i < 0 ? { n: 1, k: 1, s: 1, d: 1, b: 0, e: 0, op: 0, os: 1, out: 1 } : { n: x.dims[2 + i]!, k: ks[i]!, s: st[i]!, d: dil[i]!, b: pads[i]!, e: pads[i + r]!, op: opad[i]!, os: os?.[i], out: y.dims[2 + i]! });
  const pairs = axisPairs(r);
  return pairs.map(([i, j], c) => {
    const a = axis(i), b = axis(j);
    const args: Record<string, unknown> = { height: a.n, width: b.n, kernel: [a.k, b.k], stride: [a.s, b.s] };
    if (a.d !== 1 || b.d !== 1) args['dilation'] = [a.d, b.d];
    if (autoPad) args['autoPad'] = autoPad;
    if (!autoPad && [a.b, a.e, b.b, b.e].some((v) => v !== 0)) args['pads'] = [a.b, b.b, a.e, b.e];
    if (a.op !== 0 || b.op !== 0) args['outputPadding'] = [a.op, b.op];
    if (os) args['outputShape'] = [a.os ?? a.out, b.os ?? b.out];
    return { name: `${name}/shape${pairs.length > 1 ? `-${c}` : ''}`, op, dtype: 'float32' as Dtype, args, output: [a.out, b.out] };
  });
}

export const MAPPED_ONNX_OPS = Object.keys(MAPPERS);

/** Read one ONNX backend node test directory. */
export function readOnnxNodeTest(dir: string): ReadResult {
  const test = path.basename(path.resolve(dir));
  let { node, nodes } = readModel(path.join(dir, 'model.onnx'));
  // `<test>_expanded` holds the same data as `<test>`, with the operator written as its function
  // body: read the operator (and attributes) from the single-node sibling when it is there.
  const sibling = path.join(path.dirname(path.resolve(dir)), test.replace(/_expanded$/, ''), 'model.onnx');
  if (!node && test.endsWith('_expanded') && fs.existsSync(sibling)) node = readModel(sibling).node;
  if (!node) return { cases: [], unmapped: [{ name: test, reason: `the graph has ${nodes} nodes (an expanded function body without its single-node test beside it); lemmata maps single-node tests` }] };
  const mapper = MAPPERS[node.opType];
  if (!mapper) return { cases: [], unmapped: [{ name: test, reason: `ONNX operator ${node.opType} has no lemmata op` }] };
  const sets = fs.readdirSync(dir).filter((f) => /^test_data_set_\d+$/.test(f)).sort();
  const cases: VerifyCase[] = [];
  const unmapped: Unmapped[] = [];
  for (const s of sets) {
    const read = (prefix: string) => fs.readdirSync(path.join(dir, s)).filter((f) => new RegExp(`^${prefix}_\\d+\\.pb$`).test(f))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0])).map((f) => decodeTensor(fs.readFileSync(path.join(dir, s, f))));
    const name = `${test}/${s}`;
    let r: MapResult;
    try { r = mapper(node, read('input'), read('output'), name); } catch (e) { r = `could not be read: ${(e as Error).message}`; }
    if (typeof r === 'string') unmapped.push({ name, reason: `${node.opType}: ${r}` });
    else if (Array.isArray(r)) cases.push(...r);
    else { cases.push(...r.cases); for (const u of r.unsupported) unmapped.push({ name: `${name}/not-judged-${r.unsupported.indexOf(u) + 1}`, reason: `${node.opType}: ${u}` }); }
  }
  return { cases, unmapped };
}

export { nest };

// ── ONNX Attention (opsets 23–25) and RotaryEmbedding (opset 23) ──────────────────

/** Tensors of a node by its input (or output) slot: optional slots left empty ("") get undefined. */
function bySlot(names: readonly string[], ts: readonly Tensor[]): (Tensor | undefined)[] {
  let k = 0;
  return names.map((nm) => (nm === '' ? undefined : ts[k++]));
}

/** Element of `t` at the multi-index `idx` of a (right-aligned) broadcast shape. */
function bcastAt(t: Tensor, idx: readonly number[]): number {
  const r = t.dims.length, off = idx.length - r;
  let flat = 0;
  for (let k = 0; k < r; k++) flat = flat * t.dims[k]! + (t.dims[k] === 1 ? 0 : idx[off + k]!);
  return t.data[flat]!;
}

const ONNX_FLOAT16_NOTE = 'lemmata judges float32/float64 results only (attn.rope and attn.rope-apply have no float16 dtype; float16 Attention is judged with storage float16)';

/**
 * ONNX Attention → attn.attention, one case per batch (all heads, when the masks agree across heads)
 * or per batch × query head. Everything that masks keys — attn_mask (boolean; or additive with −inf
 * entries; shorter than P + S: padded as masked), is_causal (offset-aligned: key s is allowed for query
 * t iff s ≤ t + offset, offset = P with a cache, nonpad_kv_seqlen[b] − T with an external cache, else 0),
 * left/right_window_size and nonpad_kv_seqlen — is folded into `keep` (0 where ONNX's additive bias is
 * −inf); the finite part of an additive mask is `bias`; causal alignment is then `none`. 3-D inputs
 * [B, L, H·d] are split into heads with q_num_heads / kv_num_heads; GQA uses kv head ⌊h·Hkv/Hq⌋ (ONNX's
 * np.repeat order). qk_matmul_output in mode 3 (the probabilities) is attn.attention with V the N × N
 * identity (pastV its first P rows); modes 0–2 are attn.attention's `output` "scores" (scale·QKᵀ,
 * ONNX's "raw QK matmul result"), "softcapped-scores" and "masked-scores" (−∞ at masked keys);
 * present_key/present_value are `output` "present-key"/"present-value" (exact, one case per batch).
 * Query rows with no allowed key are judged under fullyMasked "zero" (ONNX: Y = 0 and mode-3 row 0).
 */
function attentionOnnx(n: Node, ins: Tensor[], outs: Tensor[], name: string): MapResult {
  const [q, k, v, mask, pastK, pastV, nonpad] = bySlot(n.inputs, ins);
  const [y, presentK, presentV, qkOut] = bySlot(n.outputs, outs);
  if (!q || !k || !v || !y) return 'Q, K, V and Y are required';
  // float16 tensors (decoded exactly): attn.attention's storage "float16", judged in float32 with u = 2⁻¹¹ for every rounding
  const half = [q, k, v, y].every((t) => t.type === T.FLOAT16);
  const dt = half ? 'float32' : dtypeOf(q);
  if (!half && (!dt || dtypeOf(k) !== dt || dtypeOf(v) !== dt || dtypeOf(y) !== dt)) return `input/output types ${q.type}, ${k.type}, ${v.type} → ${y.type} are not all float16, all float32 or all float64`;
  if (!dt) return `input type ${q.type} is not float16/float32/float64`;
  const sp = n.attrs.get('softmax_precision') as number | undefined;
  if (sp !== undefined && sp !== q.type && !(dt === 'float32' && sp === T.DOUBLE) && !(half && (sp === T.FLOAT || sp === T.DOUBLE))) return `softmax_precision ${sp} is coarser than the input type`;
  const notes: string[] = [];
  // Q, K, V as [B, H, L, d] accessors
  const rank = q.dims.length;
  if (rank !== 3 && rank !== 4) return `rank-${rank} inputs are not Attention inputs`;
  let Hq: number, Hkv: number;
  if (rank === 3) {
    const qh = n.attrs.get('q_num_heads') as number | undefined, kh = n.attrs.get('kv_num_heads') as number | undefined;
    if (!qh || !kh) return '3-D inputs need q_num_heads and kv_num_heads';
    Hq = qh; Hkv = kh;
  } else { Hq = q.dims[1]!; Hkv = k.dims[1]!; }
  const B = q.dims[0]!;
  const seq = (t: Tensor) => (rank === 3 ? t.dims[1]! : t.dims[2]!);
  const width = (t: Tensor, H: number) => (rank === 3 ? t.dims[2]! / H : t.dims[3]!);
  const T_ = seq(q), S = seq(k), d = width(q, Hq), e = width(v, Hkv);
  if (![d, e].every(Number.isInteger)) return 'hidden sizes are not multiples of the head counts';
  if (Hq % Hkv !== 0) return `q heads ${Hq} are not a multiple of kv heads ${Hkv}`;
  /** rows of head h of batch b of a Q/K/V/Y tensor (3-D [B, L, H·w] or 4-D [B, H, L, w]). */
  const head = (t: Tensor, b: number, h: number, H: number, L: number, w: number, r = rank): number[][] =>
    Array.from({ length: L }, (_, i) => Array.from({ length: w }, (_, j) =>
      t.data[r === 3 ? (b * L + i) * H * w + h * w + j : ((b * H + h) * L + i) * w + j]!));
  const P = pastK ? pastK.dims[2]! : 0;
  if (!!pastK !== !!pastV) return 'past_key and past_value must come together';
  if (pastK && nonpad) return 'nonpad_kv_seqlen with a past cache is not a valid Attention';
  const N = P + S;
  const causal = (n.attrs.get('is_causal') as number | undefined ?? 0) === 1;
  const left = (n.attrs.get('left_window_size') as number | undefined) ?? -1;
  const right = (n.attrs.get('right_window_size') as number | undefined) ?? -1;
  const scaleAttr = n.attrs.get('scale') as number | undefined;
  const softcap = (n.attrs.get('softcap') as number | undefined) ?? 0;
  const mode = (n.attrs.get('qk_matmul_output_mode') as number | undefined) ?? 0;
  const boolMask = mask?.type === T.BOOL;
  /** ONNX's additive bias for (b, h, t, s): a finite number or −Infinity. */
  const biasAt = (b: number, h: number, t: number, s: number): number => {
    let x = 0;
    if (mask) {
      const m = mask.dims[mask.dims.length - 1]!;
      if (s >= m) return -Infinity; // padded
      const val = bcastAt(mask, [b, h, t, s]);
      if (boolMask) { if (val === 0) return -Infinity; } else x += val;
    }
    const offset = pastK ? P : nonpad ? nonpad.data[b]! - T_ : 0;
    if (causal && s > t + offset) return -Infinity;
    const diff = t + offset - s;
    if (left >= 0 && diff > left) return -Infinity;
    if (right >= 0 && -diff > right) return -Infinity;
    if (nonpad && s >= nonpad.data[b]!) return -Infinity;
    return x;
  };
  const SCORE_OUTPUT = ['scores', 'softcapped-scores', 'masked-scores'] as const;
  if (qkOut && mode !== 3 && SCORE_OUTPUT[mode] === undefined) notes.push(`qk_matmul_output in mode ${mode} is not an ONNX mode (0–3)`);
  const cases: VerifyCase[] = [];
  const identity = (rows: number, from: number) => Array.from({ length: rows }, (_, i) => Array.from({ length: N }, (_, j) => (j === from + i ? 1 : 0)));
  for (let b = 0; b < B; b++) {
    const masks = Array.from({ length: Hq }, (_, h) => Array.from({ length: T_ }, (_, t) => Array.from({ length: N }, (_, s) => biasAt(b, h, t, s))));
    const sameAcrossHeads = masks.every((m) => JSON.stringify(m) === JSON.stringify(masks[0]));
    const groups = sameAcrossHeads ? [Array.from({ length: Hq }, (_, h) => h)] : Array.from({ length: Hq }, (_, h) => [h]);
    for (const hs of groups) {
      const m = masks[hs[0]!]!;
      const rows = Array.from({ length: T_ }, (_, t) => t);
      const empty = rows.filter((t) => m[t]!.every((x) => x === -Infinity));
      const kvHeads = sameAcrossHeads ? Array.from({ length: Hkv }, (_, g) => g) : [Math.floor((hs[0]! * Hkv) / Hq)];
      const keep = rows.map((t) => m[t]!.map((x) => (x === -Infinity ? 0 : 1)));
      const bias = rows.map((t) => m[t]!.map((x) => (x === -Infinity ? 0 : x)));
      const args: Record<string, unknown> = {
        q: hs.map((h) => rows.map((t) => head(q, b, h, Hq, T_, d)[t]!)),
        k: kvHeads.map((g) => head(k, b, g, Hkv, S, d)),
        v: kvHeads.map((g) => head(v, b, g, Hkv, S, e)),
        causal: 'none',
      };
      if (pastK) { args['pastK'] = kvHeads.map((g) => head(pastK, b, g, Hkv, P, d, 4)); args['pastV'] = kvHeads.map((g) => head(pastV!, b, g, Hkv, P, pastV!.dims[3]!, 4)); }
      if (keep.some((r) => r.includes(0))) args['keep'] = keep;
      if (bias.some((r) => r.some((x) => x !== 0))) args['bias'] = bias;
      if (scaleAttr !== undefined) args['scale'] = scaleAttr;
      if (softcap > 0) args['softcap'] = softcap;
      if (empty.length) args['fullyMasked'] = 'zero';
      if (half) args['storage'] = 'float16';
      const label = groups.length > 1 ? `b${b}h${hs[0]}` : `b${b}`;
      const yRows = (h: number) => { const all = head(y, b, h, Hq, T_, rank === 3 ? y.dims[2]! / Hq : y.dims[3]!); return rows.map((t) => all[t]!); };
      cases.push({ name: `${name}/Y/${label}`, op: 'attn.attention', dtype: dt, args, output: hs.map(yRows) });
      if (qkOut && mode === 3) {
        const pArgs: Record<string, unknown> = { ...args, v: kvHeads.map(() => identity(S, P)) };
        if (pastK) pArgs['pastV'] = kvHeads.map(() => identity(P, 0));
        const probs = (h: number) => { const all = head(qkOut, b, h, Hq, T_, N, 4); return rows.map((t) => all[t]!); };
        cases.push({ name: `${name}/qk_matmul_output/${label}`, op: 'attn.attention', dtype: dt, args: pArgs, output: hs.map(probs) });
      } else if (qkOut && SCORE_OUTPUT[mode] !== undefined) {
        const scores = (h: number) => head(qkOut, b, h, Hq, T_, N, 4);
        cases.push({ name: `${name}/qk_matmul_output/${label}`, op: 'attn.attention', dtype: dt, args: { ...args, output: SCORE_OUTPUT[mode] }, output: hs.map(scores) });
      }
    }
    // present_key / present_value: [B, Hkv, P + S, ·], the cache followed by the new keys / values (exact)
    for (const [t, output, w] of [[presentK, 'present-key', d], [presentV, 'present-value', e]] as const) {
      if (!t) continue;
      const args: Record<string, unknown> = {
        q: Array.from({ length: Hq }, (_, h) => head(q, b, h, Hq, T_, d)),
        k: Array.from({ length: Hkv }, (_, g) => head(k, b, g, Hkv, S, d)),
        v: Array.from({ length: Hkv }, (_, g) => head(v, b, g, Hkv, S, e)),
        causal: 'none', output,
      };
      if (half) args['storage'] = 'float16';
      if (pastK) { args['pastK'] = Array.from({ length: Hkv }, (_, g) => head(pastK, b, g, Hkv, P, d, 4)); args['pastV'] = Array.from({ length: Hkv }, (_, g) => head(pastV!, b, g, Hkv, P, pastV!.dims[3]!, 4)); }
      cases.push({ name: `${name}/${output.replace('-', '_')}/b${b}`, op: 'attn.attention', dtype: dt, args, output: Array.from({ length: Hkv }, (_, g) => head(t, b, g, Hkv, N, w, 4)) });
    }
  }
  return notes.length ? { cases, unsupported: notes } : cases;
}

/**
 * ONNX RotaryEmbedding (opset 23) → attn.rope-apply, one case per batch × head, always: input X is 4-D
 * [B, H, S, hd] or 3-D [B, S, H·hd] (split with num_heads); r = rotary_embedding_dim (0: hd), h = r/2;
 * the table row of (b, s) is cos_cache[position_ids[b][s]] ([max_pos, ≥ h]) with position_ids, else
 * cos_cache[b][s] ([B, S, ≥ h]), its first h entries (ONNX's cos[:, :, :r/2]); likewise sin; interleaved = 1 →
 * pairing "interleaved", 0 → "rotate-half" (x1, x2 = the halves of the rotated part); the whole head is
 * judged (the coordinates r … hd − 1 are attn.rope-apply's copied coordinates). The tables may be any
 * numbers (ONNX's own tests use uniform random tables).
 * When, in addition, position_ids is given and the tables are genuine rotations cos/sin(p·base^(−2i/r)) for an
 * integer base (read from the angle of row 1, column 1, θ_1 = base^(−2/r), within 10⁻³ of an integer; every used
 * entry within 10⁻³ — a recognition test only: the judgement is the oracle's, within the op's bound), the
 * rotated part of each row is also an attn.rope case: the same output computed from the positions alone.
 */
function rotaryOnnx(n: Node, ins: Tensor[], outs: Tensor[], name: string): MapResult {
  const [x, cos, sin, pos] = bySlot(n.inputs, ins);
  const [y] = bySlot(n.outputs, outs);
  if (!x || !cos || !sin || !y) return 'input, cos_cache, sin_cache and output are required';
  if (x.type === T.FLOAT16) return `float16 input: ${ONNX_FLOAT16_NOTE}`;
  const dt = dtypeOf(x);
  if (!dt || dtypeOf(y) !== dt || dtypeOf(cos) !== dt || dtypeOf(sin) !== dt) return `input/cache/output types ${x.type}, ${cos.type}, ${sin.type} → ${y.type} are not all float32 or all float64`;
  const rank = x.dims.length;
  if (rank !== 3 && rank !== 4) return `rank-${rank} input is not a RotaryEmbedding input`;
  const B = x.dims[0]!;
  const H = rank === 4 ? x.dims[1]! : (n.attrs.get('num_heads') as number | undefined) ?? 0;
  if (!H) return '3-D input without num_heads';
  const S = rank === 4 ? x.dims[2]! : x.dims[1]!;
  const hd = rank === 4 ? x.dims[3]! : x.dims[2]! / H;
  if (!Number.isInteger(hd)) return `hidden size ${x.dims[2]} is not a multiple of num_heads ${H}`;
  const r = ((n.attrs.get('rotary_embedding_dim') as number | undefined) || hd);
  if (r % 2 !== 0 || r > hd) return `rotary_embedding_dim ${r} is odd or exceeds the head size ${hd}`;
  const half = r / 2;
  const width = cos.dims[cos.dims.length - 1]!;
  if (width < half || sin.dims.join() !== cos.dims.join()) return `cos_cache [${cos.dims.join(', ')}] / sin_cache [${sin.dims.join(', ')}] do not give ${half} entries per row`;
  if (pos ? cos.dims.length !== 2 : cos.dims.length !== 3 || cos.dims[0] !== B || cos.dims[1] !== S) return `cos_cache [${cos.dims.join(', ')}] is not [max_pos, ≥ ${half}]${pos ? '' : ` (without position_ids: [${B}, ${S}, ≥ ${half}])`}`;
  /** the flat offset of the table row of (b, s) */
  const rowAt = (b: number, s: number): number | string => {
    if (!pos) return (b * S + s) * width;
    const p = pos.data[pos.dims.length === 2 ? b * S + s : s]!;
    return p >= 0 && p < cos.dims[0]! ? p * width : `position_ids[${b}][${s}] = ${p} is outside the cache (${cos.dims[0]} rows)`;
  };
  const pairing = (n.attrs.get('interleaved') as number | undefined ?? 0) === 1 ? 'interleaved' : 'rotate-half';
  const rows = (t: Tensor, b: number, h: number) => Array.from({ length: S }, (_, s) => Array.from({ length: hd }, (_, j) =>
    t.data[rank === 4 ? ((b * H + h) * S + s) * hd + j : (b * S + s) * H * hd + h * hd + j]!));
  const cases: VerifyCase[] = [];
  for (let b = 0; b < B; b++) {
    const offs = Array.from({ length: S }, (_, s) => rowAt(b, s));
    const bad = offs.find((o) => typeof o === 'string');
    if (bad !== undefined) return bad as string;
    const table = (t: Tensor) => offs.map((o) => t.data.slice(o as number, (o as number) + half));
    const cb = table(cos), sb = table(sin);
    for (let h = 0; h < H; h++) {
      cases.push({ name: `${name}/b${b}h${h}`, op: 'attn.rope-apply', dtype: dt, args: { x: rows(x, b, h), cos: cb, sin: sb, pairing }, output: rows(y, b, h) });
    }
  }
  const base = pos ? rotationBase(cos, sin, width, half, r, new Set(pos.data)) : null;
  if (base !== null) {
    for (let b = 0; b < B; b++) for (let h = 0; h < H; h++) {
      cases.push({
        name: `${name}/b${b}h${h}/rope`, op: 'attn.rope', dtype: dt,
        args: { x: rows(x, b, h).map((row) => row.slice(0, r)), positions: Array.from({ length: S }, (_, s) => pos!.data[pos!.dims.length === 2 ? b * S + s : s]!), base, pairing },
        output: rows(y, b, h).map((row) => row.slice(0, r)),
      });
    }
  }
  return cases;
}

/**
 * The integer base of RoPE tables cos/sin(p·base^(−2i/r)) (i < h, rows of `width` entries), or null when the
 * tables are not such rotations: read from row 1, column 1 (θ_1 = base^(−2/r)), within 10⁻³ of an integer, and
 * every entry of the used positions within 10⁻³ of cos/sin(p·base^(−2i/r)).
 */
function rotationBase(cos: Tensor, sin: Tensor, width: number, half: number, r: number, used: Set<number>): number | null {
  if (cos.dims[0]! < 2 || half < 2) return null;
  const theta1 = Math.atan2(sin.data[width + 1]!, cos.data[width + 1]!);
  const baseRaw = theta1 ** (-r / 2);
  const base = Math.round(baseRaw);
  if (!(theta1 > 0) || !(Math.abs(baseRaw - base) <= 1e-3 * base)) return null;
  for (const p of used) for (let i = 0; i < half; i++) {
    const a = p * base ** (-2 * i / r);
    if (Math.abs(cos.data[p * width + i]! - Math.cos(a)) > 1e-3 || Math.abs(sin.data[p * width + i]! - Math.sin(a)) > 1e-3) return null;
  }
  return base;
}
