/**
 * ONNX backend node tests as lemmata cases: a directory with `model.onnx` (one node) and
 * `test_data_set_*` folders of `input_K.pb` / `output_K.pb` TensorProtos, in the order of the graph's
 * inputs and outputs. The protobuf messages are decoded with `onnx-proto` (protobufjs), never by
 * hand. Each test is mapped to lemmata ops where the ONNX operator's semantics (with the given
 * attributes) are exactly a lemmata op; anything else is reported as unmapped with the reason.
 *
 *   Softmax (opset ≥ 13: along `axis`; < 13: over the flattened trailing dims) → nn.softmax per row
 *   LayerNormalization (axis, epsilon; output Y)                          → norm.layernorm
 *   QuantizeLinear / DequantizeLinear (per tensor)                        → quant.quantize / quant.dequantize
 *   DynamicQuantizeLinear (uint8)                                         → quant.affine-params + quant.quantize
 *   Attention (opset 23; no mask, past, softcap or explicit scale; equal head counts) → attn.sdpa per batch × head
 *   Conv / ConvInteger (1-, 2-, 3-D; pads, dilations, auto_pad)            → cnn.conv2d-shape (per pair of axes)
 *   MaxPool / AveragePool (1-, 2-, 3-D; pads, dilations, auto_pad, ceil)   → cnn.pool2d-shape (per pair of axes)
 *   ConvTranspose: not mapped (its output size s(n − 1) + output_padding + d(k − 1) + 1 − pads is no lemmata op)
 *   DFT (forward; real or complex input; dft_length = signal length)     → fourier.dft per line (onesided: fourier.rfft)
 */
import fs from 'node:fs';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import type { Dtype } from '../registry/types.js';
import { nest } from './npy.js';

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
const T = { FLOAT: 1, UINT8: 2, INT8: 3, UINT16: 4, INT16: 5, INT32: 6, INT64: 7, BOOL: 9, FLOAT16: 10, DOUBLE: 11, UINT32: 12, UINT64: 13, BFLOAT16: 16, UINT4: 21, INT4: 22 } as const;
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

type Mapper = (n: Node, ins: Tensor[], outs: Tensor[], name: string) => VerifyCase[] | string;

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
    const range = INT_RANGE[y!.type];
    if (!range) return `output type ${y!.type} is not an integer type lemmata quantises to (float8 outputs: QuantizeLinear rounds fl(x/s) to float8, quant.cast-float8 casts x itself)`;
    const lay = layoutOf(n, x!, scale!, zp);
    if (typeof lay === 'string') return lay;
    return [{ name: `${name}/y`, op: 'quant.quantize', dtype: dt, args: { x: x!.data, scale: scale!.data[0]!, zeroPoint: zp ? zp.data[0]! : 0, qmin: range[0], qmax: range[1], ...lay }, output: y!.data }];
  },
  DequantizeLinear(n, [x, scale, zp], [y], name) {
    const dt = dtypeOf(y!);
    if (!dt) return `output type ${y!.type} is not float32/float64`;
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
  Attention(n, ins, [y], name) {
    const [q, k, v, mask, pastK, pastV] = ins;
    if (mask || pastK || pastV) return 'attention masks and KV caches are not expressible by attn.sdpa';
    if (n.attrs.get('scale') !== undefined) return 'an explicit scale is not expressible (attn.sdpa scales by 1/√d)';
    if ((n.attrs.get('softcap') as number | undefined ?? 0) !== 0) return 'softcap is not expressible';
    const dt = dtypeOf(q!);
    if (!dt) return `input type ${q!.type} is not float32/float64`;
    if (q!.dims.length !== 4 || k!.dims.length !== 4 || v!.dims.length !== 4) return 'only 4-D [batch, heads, seq, dim] inputs are mapped';
    const [B, H, Tq, d] = q!.dims as [number, number, number, number];
    const [, Hk, S] = k!.dims as [number, number, number, number];
    const e = v!.dims[3]!;
    if (Hk !== H) return `grouped-query heads (${H} query, ${Hk} key/value) are not expressible`;
    const causal = (n.attrs.get('is_causal') as number | undefined ?? 0) === 1;
    if (causal && Tq !== S) return `causal attention with T = ${Tq} ≠ S = ${S} is not expressible`;
    const block = (t: Tensor, b: number, h: number, rows: number, cols: number) => {
      const off = ((b * t.dims[1]!) + h) * rows * cols;
      return Array.from({ length: rows }, (_, i) => t.data.slice(off + i * cols, off + (i + 1) * cols));
    };
    const out: VerifyCase[] = [];
    for (let b = 0; b < B; b++) for (let h = 0; h < H; h++) {
      out.push({ name: `${name}/b${b}h${h}`, op: 'attn.sdpa', dtype: dt, args: { q: block(q!, b, h, Tq, d), k: block(k!, b, h, S, d), v: block(v!, b, h, S, e), causal }, output: block(y!, b, h, Tq, e) });
    }
    return out;
  },
  Conv(n, [x, w], [y], name) { return windowShapes(n, x!, y!, name, 'cnn.conv2d-shape', (n.attrs.get('kernel_shape') as number[] | undefined) ?? w!.dims.slice(2)); },
  ConvInteger(n, [x, w], [y], name) { return windowShapes(n, x!, y!, name, 'cnn.conv2d-shape', (n.attrs.get('kernel_shape') as number[] | undefined) ?? w!.dims.slice(2)); },
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

/**
 * Conv / ConvInteger / MaxPool / AveragePool output shapes as cnn.conv2d-shape / cnn.pool2d-shape cases. The
 * spatial axes are independent (each output size depends on its own n, k, s, d and pads only), so 1-D tests
 * become one 2-D case with a trivial first axis (n = k = s = 1: one output) and 3-D tests two cases, axes (1, 2)
 * and (3, trivial). auto_pad VALID / SAME_UPPER / SAME_LOWER map to autoPad, explicit pads
 * [x1_begin, …, x1_end, …] to pads [top, left, bottom, right], dilations to dilation, ceil_mode to ceilMode
 * (pooling only; count_include_pad and storage_order do not change the shape).
 */
function windowShapes(n: Node, x: Tensor, y: Tensor, name: string, op: 'cnn.conv2d-shape' | 'cnn.pool2d-shape', ks: number[] | undefined): VerifyCase[] | string {
  const r = x.dims.length - 2;
  if (r < 1 || r > 3) return `${r}-D windows are not expressible`;
  if (!ks || ks.length !== r) return `kernel_shape [${ks?.join(', ') ?? ''}] does not match the ${r} spatial axes`;
  const ap = (n.attrs.get('auto_pad') as string | undefined) ?? 'NOTSET';
  const autoPad = ({ NOTSET: undefined, VALID: 'valid', SAME_UPPER: 'same-upper', SAME_LOWER: 'same-lower' } as const)[ap as 'NOTSET'];
  if (ap !== 'NOTSET' && !autoPad) return `auto_pad ${ap} is unknown`;
  const st = (n.attrs.get('strides') as number[] | undefined) ?? Array(r).fill(1);
  const dil = (n.attrs.get('dilations') as number[] | undefined) ?? Array(r).fill(1);
  const pads = (n.attrs.get('pads') as number[] | undefined) ?? Array(2 * r).fill(0);
  const ceil = (n.attrs.get('ceil_mode') as number | undefined ?? 0) !== 0;
  if (op === 'cnn.conv2d-shape' && ceil) return 'ceil_mode on a convolution is not an ONNX attribute';
  const axis = (i: number) => (i < 0 ? { n: 1, k: 1, s: 1, d: 1, b: 0, e: 0, out: 1 } : { n: x.dims[2 + i]!, k: ks[i]!, s: st[i]!, d: dil[i]!, b: pads[i]!, e: pads[i + r]!, out: y.dims[2 + i]! });
  const pairs: [number, number][] = r === 1 ? [[-1, 0]] : r === 2 ? [[0, 1]] : [[0, 1], [2, -1]];
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
    let r: VerifyCase[] | string;
    try { r = mapper(node, read('input'), read('output'), name); } catch (e) { r = `could not be read: ${(e as Error).message}`; }
    if (typeof r === 'string') unmapped.push({ name, reason: `${node.opType}: ${r}` });
    else cases.push(...r);
  }
  return { cases, unmapped };
}

export { nest };
