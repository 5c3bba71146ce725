/**
 * Version 2 of the line protocol (spec/protocol.md, "Version 2: binary frames"): every message
 * after the handshake is a frame — one JSON header line whose `blob` field says how many bytes of
 * binary data follow it. Tensors in the header are references `{dtype, shape, offset, nbytes}` into
 * that blob, holding the elements as little-endian IEEE 754 / two's-complement values in row-major
 * order, so neither side prints or parses numbers as text and every bit pattern survives (−0,
 * subnormals, ±∞, NaN payloads).
 *
 * This module is the runner's side: encoding a request (an argument that cannot travel bit-exactly
 * in the binary form — a float64-only value in a float32 request, a non-integer in an int tensor —
 * falls back to the version-1 tensor object `{dtype, shape, data}`, so the program sees exactly
 * what version 1 would send), and decoding the tensor references of a reply against the op's
 * result schema. A reference that does not fit — an unknown or wrong dtype for its position (a
 * float tensor whose dtype is not the request's, an integer tensor where the schema has floats),
 * a shape whose element count disagrees with `nbytes`, a range outside the blob, an int64 beyond
 * 2^53 — is a `DecodeError`: the item becomes `error`, never a pass. Values that are not
 * references are read exactly as in version 1 (src/conform/wire.ts).
 */
import type { TSchema } from '@sinclair/typebox';
import type { Dtype } from '../registry/types.js';
import { FLOAT_KIND, X_TENSOR, kindOf } from '../ops/schema.js';
import { DecodeError, decodeValue, encodeTensor } from './wire.js';

/** Bytes per element of each dtype a frame may carry. */
export const ITEM_BYTES: Readonly<Record<string, number>> = { float32: 4, float64: 8, int32: 4, int64: 8 };
/** Offsets of the tensors the runner writes are multiples of this (readers must accept any offset). */
export const FRAME_ALIGN = 8;
const MAX_RANK = 32;
/** How many nested arrays a reference may ask for beyond its element count (shape [1e9, 0] would otherwise allocate 10^9 empty rows). */
const MAX_EMPTY_ROWS = 1 << 20;

export interface TensorRef { dtype: string; shape: number[]; offset: number; nbytes: number }

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

type Flat = { dtype: 'float32' | 'float64' | 'int32'; shape: number[]; flat: ArrayLike<number> };

/** Shape of a nested array read along its first elements (rectangularity is checked while flattening). */
function shapeOfNested(v: unknown[]): number[] {
  const shape: number[] = [];
  let cur: unknown = v;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    if (cur.length === 0) break;
    cur = cur[0];
  }
  return shape;
}

/** Flatten `v` in row-major order checking that it is rectangular with `shape`; false when not. */
function flattenChecked(v: unknown, shape: number[], depth: number, out: unknown[]): boolean {
  if (depth === shape.length) {
    if (Array.isArray(v)) return false;
    out.push(v);
    return true;
  }
  if (!Array.isArray(v) || v.length !== shape[depth]) return false;
  if (depth === shape.length - 1) {
    for (let i = 0; i < v.length; i++) if (Array.isArray(v[i])) return false;
    for (let i = 0; i < v.length; i++) out.push(v[i]);
    return true;
  }
  for (let i = 0; i < v.length; i++) if (!flattenChecked(v[i], shape, depth + 1, out)) return false;
  return true;
}

function toFlat(v: unknown[], dtype: Flat['dtype']): Flat | null {
  const shape = shapeOfNested(v);
  if (shape.length === 1) return { dtype, shape, flat: v as number[] };
  const flat: unknown[] = [];
  if (!flattenChecked(v, shape, 0, flat)) return null;
  return { dtype, shape, flat: flat as number[] };
}

/**
 * Write `src` into `dst` from index `at`; false when an element is not a number or does not survive the
 * conversion exactly (rounding to float32, an int32 overflow or fraction). One function per array
 * type: each store site then sees one typed-array map (a shared function over the three types is
 * megamorphic and several times slower per element).
 */
function fill32(dst: Float32Array, at: number, src: ArrayLike<number>): boolean {
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    if (typeof x !== 'number') return false;
    dst[at + i] = x;
    if (dst[at + i] !== x && x === x) return false; // NaN stays NaN; every other value must be kept exactly
  }
  return true;
}
function fill64(dst: Float64Array, at: number, src: ArrayLike<number>): boolean {
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    if (typeof x !== 'number') return false;
    dst[at + i] = x; // every number is a float64: exact
  }
  return true;
}
function fillI32(dst: Int32Array, at: number, src: ArrayLike<number>): boolean {
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    if (typeof x !== 'number') return false;
    dst[at + i] = x;
    if (dst[at + i] !== x) return false; // an overflow or a fraction (NaN too) is not an int32
  }
  return true;
}

const align = (n: number): number => Math.ceil(n / FRAME_ALIGN) * FRAME_ALIGN;

/**
 * A version-2 request frame: the header line (with its newline) and the blob. Arguments marked as
 * tensors (`tensors`: field → element kind) travel as references; everything else as in version 1.
 * `alloc(size)` gives the blob's buffer: zero-filled, at least `size` bytes (a session reuses them).
 */
export function encodeRequestFrame(id: number, op: string, dtype: Dtype, batch: Record<string, unknown>[], tensors: Record<string, 'float' | 'int'>,
  alloc: (size: number) => ArrayBuffer = (size) => new ArrayBuffer(size)): { header: string; blob: Uint8Array } {
  const pending: { item: Record<string, unknown>; key: string; value: unknown[]; flat: Flat; ref: TensorRef }[] = [];
  let size = 0;
  const items = batch.map((args) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(args)) {
      const kind = tensors[k];
      if (!kind || !Array.isArray(v) || v.length === 0) { out[k] = v; continue; }
      const t = kind === 'int' ? 'int32' : dtype;
      const flat = toFlat(v, t);
      if (!flat) { out[k] = encodeTensor(v, t, false); continue; }
      const nbytes = flat.flat.length * ITEM_BYTES[t]!;
      const ref: TensorRef = { dtype: t, shape: flat.shape, offset: size, nbytes };
      size = align(size + nbytes);
      pending.push({ item: out, key: k, value: v, flat, ref });
      out[k] = ref;
    }
    return out;
  });
  const buf = alloc(size);
  // one view per dtype over the whole blob (every offset is a multiple of 8)
  let f32: Float32Array | undefined, f64: Float64Array | undefined, i32: Int32Array | undefined;
  for (const p of pending) {
    const t = p.ref.dtype, at = p.ref.offset;
    const ok = !LITTLE_ENDIAN ? writeLittleEndian(buf, p.ref, p.flat.flat)
      : t === 'float32' ? fill32(f32 ??= new Float32Array(buf), at / 4, p.flat.flat)
        : t === 'float64' ? fill64(f64 ??= new Float64Array(buf), at / 8, p.flat.flat)
          : fillI32(i32 ??= new Int32Array(buf), at / 4, p.flat.flat);
    // not exactly representable in the binary form: sent as version 1 would send it (its bytes in the blob are unused)
    if (!ok) p.item[p.key] = encodeTensor(p.value, p.ref.dtype, false);
  }
  const header = `${JSON.stringify({ id, op, dtype, batch: items, blob: size })}\n`;
  return { header, blob: new Uint8Array(buf, 0, size) };
}

/** Big-endian hosts: write element by element through a DataView (exactness checked as in `fill`). */
function writeLittleEndian(buf: ArrayBuffer, ref: TensorRef, src: ArrayLike<number>): boolean {
  const dv = new DataView(buf);
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    if (typeof x !== 'number') return false;
    const o = ref.offset + i * ITEM_BYTES[ref.dtype]!;
    if (ref.dtype === 'float64') dv.setFloat64(o, x, true);
    else if (ref.dtype === 'float32') { dv.setFloat32(o, x, true); if (dv.getFloat32(o, true) !== x && x === x) return false; }
    else { dv.setInt32(o, x, true); if (dv.getInt32(o, true) !== x) return false; }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Replies
// ---------------------------------------------------------------------------------------------

/**
 * The `blob` field of a frame header: absent means 0; otherwise a non-negative safe integer (null:
 * not one). A header that is not an object has no blob (the reply is then rejected as in version 1).
 */
export function blobLength(header: unknown): number | null {
  if (!header || typeof header !== 'object' || Array.isArray(header)) return 0;
  const b = (header as Record<string, unknown>)['blob'];
  if (b === undefined) return 0;
  return typeof b === 'number' && Number.isSafeInteger(b) && b >= 0 ? b : null;
}

const REF_KEYS = new Set(['dtype', 'shape', 'offset', 'nbytes']);

function isRef(v: Record<string, unknown>): boolean {
  return 'offset' in v && 'nbytes' in v && 'dtype' in v && 'shape' in v;
}

/** What a position of the result schema holds: float or integer elements (null: anything else or unknown). */
function elementKind(s: TSchema | undefined): 'float' | 'int' | 'none' | null {
  if (!s) return null;
  const t = s[X_TENSOR] as string | undefined;
  if (t === 'float' || t === 'int') return t;
  const k = kindOf(s);
  if (k === FLOAT_KIND || k === 'Number') return 'float';
  if (k === 'Integer') return 'int';
  return 'none';
}

function child(s: TSchema | undefined, key: string | number): TSchema | undefined {
  if (!s) return undefined;
  switch (kindOf(s)) {
    case 'Object': return (s['properties'] as Record<string, TSchema>)[key as string];
    case 'Record': return Object.values(s['patternProperties'] as Record<string, TSchema>)[0];
    case 'Array': return s['items'] as TSchema;
    case 'Tuple': return (s['items'] as TSchema[] | undefined)?.[key as number];
    default: return undefined;
  }
}

function readRef(o: Record<string, unknown>, blob: Uint8Array, s: TSchema | undefined, dtype: Dtype): unknown {
  for (const k of Object.keys(o)) if (!REF_KEYS.has(k)) throw new DecodeError(`tensor reference has an unexpected field ${JSON.stringify(k.slice(0, 40))}`);
  const t = o['dtype'];
  if (typeof t !== 'string' || !(t in ITEM_BYTES)) throw new DecodeError(`unknown tensor dtype ${JSON.stringify(t)?.slice(0, 30)}`);
  const want = elementKind(s);
  if (want === 'float' && t !== dtype) throw new DecodeError(`tensor of ${t} where the result has ${dtype} numbers`);
  if (want === 'int' && t !== 'int32' && t !== 'int64') throw new DecodeError(`tensor of ${t} where the result has integers`);
  if (want === 'none') throw new DecodeError('a tensor where the result has no numbers');
  const shape = o['shape'];
  if (!Array.isArray(shape) || shape.length > MAX_RANK || !shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) throw new DecodeError('bad tensor shape');
  const dims = shape as number[];
  let count = 1;
  let rows = 0;
  for (let i = 0; i < dims.length; i++) {
    if (i < dims.length - 1) rows += count * dims[i]!;
    count *= dims[i]!;
  }
  const size = ITEM_BYTES[t]!;
  const offset = o['offset'], nbytes = o['nbytes'];
  if (!Number.isSafeInteger(offset) || (offset as number) < 0 || !Number.isSafeInteger(nbytes) || (nbytes as number) < 0) throw new DecodeError('tensor offset and nbytes must be non-negative integers');
  if (count * size !== nbytes) throw new DecodeError(`tensor of shape [${dims.join(',')}] ${t} needs ${count * size} bytes, nbytes says ${nbytes as number}`);
  if ((offset as number) + (nbytes as number) > blob.length) throw new DecodeError(`tensor bytes [${offset as number}, ${(offset as number) + (nbytes as number)}) lie outside the ${blob.length}-byte blob`);
  if (rows > count + MAX_EMPTY_ROWS) throw new DecodeError('bad tensor shape (too many empty rows)');
  const flat = readElements(blob, offset as number, count, t);
  return reshape(flat, dims);
}

function readElements(blob: Uint8Array, offset: number, count: number, t: string): number[] {
  let at = blob.byteOffset + offset;
  const size = ITEM_BYTES[t]!;
  let buffer = blob.buffer;
  // the blob may be a view into a read chunk at any byte offset: an unaligned tensor is copied once
  // (one memcpy) so that it can still be read through a typed array
  if (LITTLE_ENDIAN && at % size !== 0 && t !== 'int64' && count > 8) {
    buffer = Uint8Array.prototype.slice.call(blob, offset, offset + count * size).buffer; // a copy even when blob is a Buffer (whose slice is a view)
    at = 0;
  }
  if (LITTLE_ENDIAN && at % size === 0 && t !== 'int64') {
    const view = t === 'float64' ? new Float64Array(buffer, at, count) : t === 'float32' ? new Float32Array(buffer, at, count) : new Int32Array(buffer, at, count);
    const out = new Array<number>(count); // a loop, not Array.from (15× slower on typed arrays, Node 20)
    for (let i = 0; i < count; i++) out[i] = view[i]!;
    return out;
  }
  const dv = new DataView(blob.buffer, at, count * size);
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    if (t === 'float64') out[i] = dv.getFloat64(i * 8, true);
    else if (t === 'float32') out[i] = dv.getFloat32(i * 4, true);
    else if (t === 'int32') out[i] = dv.getInt32(i * 4, true);
    else {
      const b = dv.getBigInt64(i * 8, true);
      if (b > BigInt(Number.MAX_SAFE_INTEGER) || b < -BigInt(Number.MAX_SAFE_INTEGER)) throw new DecodeError(`int64 element ${b} is beyond 2^53 (not exact as a number)`);
      out[i] = Number(b);
    }
  }
  return out;
}

function reshape(flat: number[], shape: number[]): unknown {
  if (shape.length === 0) return flat[0];
  if (shape.length === 1) return flat;
  const rec = (at: number, d: number): unknown => {
    const n = shape[d]!;
    if (d === shape.length - 1) return flat.slice(at, at + n);
    let step = 1;
    for (let i = d + 1; i < shape.length; i++) step *= shape[i]!;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = rec(at + i * step, d + 1);
    return out;
  };
  return rec(0, 0);
}

const MAX_DEPTH = 64;

/** Replace every tensor reference in `v` by its nested array (checked against schema `s`). */
function resolveRefs(v: unknown, blob: Uint8Array, s: TSchema | undefined, dtype: Dtype, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new DecodeError('value nested too deeply');
  if (Array.isArray(v)) {
    let plain = true;
    for (let i = 0; i < v.length; i++) { const e = v[i]; if (e !== null && typeof e === 'object') { plain = false; break; } }
    if (plain) return v;
    return v.map((e, i) => resolveRefs(e, blob, child(s, i), dtype, depth + 1));
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (isRef(o)) return readRef(o, blob, s, dtype);
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(o)) if (k !== '__proto__') out[k] = resolveRefs(e, blob, child(s, k), dtype, depth + 1);
    return out;
  }
  return v;
}

/**
 * Decode one `ok` value of a version-2 reply: tensor references become nested arrays (their dtype
 * checked against the op's result schema `result` and the request's `dtype`), then everything is
 * read as a version-1 value. Throws DecodeError.
 */
export function decodeFrameValue(v: unknown, blob: Uint8Array, result: TSchema | undefined, dtype: Dtype): unknown {
  // the common reply, one tensor reference: its elements are numbers read from the blob, which
  // decodeValue would only scan and return unchanged
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && isRef(v as Record<string, unknown>)) return readRef(v as Record<string, unknown>, blob, result, dtype);
  return decodeValue(resolveRefs(v, blob, result, dtype, 0));
}
