/**
 * Values on the line protocol (spec/protocol.md): tensor arguments become
 * `{dtype, shape, data}` (or `b64`), non-finite floats are the strings "NaN", "Infinity",
 * "-Infinity"; replies are decoded back to plain nested arrays. Nothing received is evaluated:
 * replies are JSON-parsed and walked structurally, with size and depth limits.
 */
import type { Dtype } from '../registry/types.js';

export interface WireTensor { dtype: string; shape: number[]; data?: (number | string)[]; b64?: string }

const NONFINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

function encodeNumber(x: number): number | string {
  if (Number.isFinite(x)) return Object.is(x, -0) ? 0 : x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

function shapeOf(v: unknown): number[] | null {
  if (typeof v === 'number') return [];
  if (!Array.isArray(v)) return null;
  if (v.length === 0) return [0];
  const inner = shapeOf(v[0]);
  if (inner === null) return null;
  for (const e of v) {
    const s = shapeOf(e);
    if (s === null || s.length !== inner.length || s.some((d, i) => d !== inner[i])) return null;
  }
  return [v.length, ...inner];
}

function flatten(v: unknown, out: number[]): void {
  if (Array.isArray(v)) for (const e of v) flatten(e, out);
  else out.push(v as number);
}

const BYTES: Record<string, number> = { float32: 4, float64: 8, int32: 4 };

export function encodeTensor(v: unknown, dtype: string, base64: boolean): WireTensor {
  // Fast path: a flat array of finite numbers travels as it is.
  if (!base64 && Array.isArray(v) && v.length > 0) {
    let flatFinite = true;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (typeof x !== 'number' || !Number.isFinite(x) || Object.is(x, -0)) { flatFinite = false; break; }
    }
    if (flatFinite) return { dtype, shape: [v.length], data: v as number[] };
  }
  const shape = shapeOf(v);
  if (shape === null || shape.length === 0) throw new Error('not a rectangular numeric array');
  const flat: number[] = [];
  flatten(v, flat);
  if (!base64) return { dtype, shape, data: flat.map(encodeNumber) };
  const n = BYTES[dtype]!;
  const buf = Buffer.alloc(flat.length * n);
  flat.forEach((x, i) => (dtype === 'float64' ? buf.writeDoubleLE(x, i * n) : dtype === 'float32' ? buf.writeFloatLE(x, i * n) : buf.writeInt32LE(x, i * n)));
  return { dtype, shape, b64: buf.toString('base64') };
}

/** Encode one argument set of an op: fields marked as tensors become tensor objects. */
export function encodeArgs(args: Record<string, unknown>, tensors: Record<string, 'float' | 'int'>, dtype: Dtype, base64: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) {
    const kind = tensors[k];
    out[k] = kind && Array.isArray(v) && v.length > 0 ? encodeTensor(v, kind === 'int' ? 'int32' : dtype, base64) : v;
  }
  return out;
}

export class DecodeError extends Error {}

const MAX_DEPTH = 64;

function decodeScalar(x: unknown): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'string' && x in NONFINITE) return NONFINITE[x]!;
  throw new DecodeError(`tensor element ${JSON.stringify(x)?.slice(0, 40)} is not a number`);
}

function reshape(flat: number[], shape: number[]): unknown {
  if (shape.length === 0) return flat[0];
  if (shape.length === 1) return flat;
  const step = flat.length / shape[0]!;
  return Array.from({ length: shape[0]! }, (_, i) => reshape(flat.slice(i * step, (i + 1) * step), shape.slice(1)));
}

function isTensorObject(v: Record<string, unknown>): boolean {
  return typeof v['dtype'] === 'string' && Array.isArray(v['shape']) && ('data' in v || 'b64' in v);
}

function decodeTensor(t: Record<string, unknown>): unknown {
  const shape = t['shape'] as unknown[];
  if (!shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) throw new DecodeError('bad tensor shape');
  if (shape.length > 32) throw new DecodeError(`tensor shape has ${shape.length} dimensions (at most 32)`);
  const size = (shape as number[]).reduce((a, b) => a * b, 1);
  // Nested arrays are built per leading dimension: an empty tensor such as [1e9, 0] must not make
  // 10⁹ empty rows. Any level may hold at most max(size, 1024) arrays.
  let rows = 1;
  for (const d of (shape as number[]).slice(0, -1)) {
    rows *= d;
    if (rows > Math.max(size, 1024)) throw new DecodeError(`tensor shape [${shape.slice(0, 8).join(',')}${shape.length > 8 ? ',…' : ''}] builds ${rows > 1e15 ? 'too many' : rows} rows for ${size} elements`);
  }
  let flat: number[];
  if ('b64' in t) {
    if (typeof t['b64'] !== 'string') throw new DecodeError('b64 must be a string');
    const buf = Buffer.from(t['b64'], 'base64');
    const dtype = String(t['dtype']);
    const n = BYTES[dtype] ?? (dtype === 'int64' ? 8 : 0);
    if (!n) throw new DecodeError(`unknown tensor dtype ${dtype.slice(0, 20)}`);
    if (buf.length !== size * n) throw new DecodeError(`b64 holds ${buf.length} bytes, shape needs ${size * n}`);
    flat = Array.from({ length: size }, (_, i) => (dtype === 'float64' ? buf.readDoubleLE(i * n) : dtype === 'float32' ? buf.readFloatLE(i * n)
      : dtype === 'int64' ? Number(buf.readBigInt64LE(i * n)) : buf.readInt32LE(i * n)));
  } else {
    if (!Array.isArray(t['data'])) throw new DecodeError('tensor data must be an array');
    flat = (t['data'] as unknown[]).map(decodeScalar);
    if (flat.length !== size) throw new DecodeError(`tensor has ${flat.length} elements, shape [${shape.join(',')}] needs ${size}`);
  }
  return reshape(flat, shape as number[]);
}

/**
 * Decode a reply value: tensor objects → nested arrays, non-finite strings inside numeric arrays
 * → numbers, records field by field. Anything else is returned as parsed JSON.
 */
export function decodeValue(v: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new DecodeError('value nested too deeply');
  if (Array.isArray(v)) {
    // Fast path: a plain array of finite numbers is already decoded.
    let plainNumbers = true;
    for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'number') { plainNumbers = false; break; }
    if (plainNumbers) return v;
    const numericish = v.length > 0 && v.every((e) => typeof e === 'number' || (typeof e === 'string' && e in NONFINITE));
    // A plain array is numeric only if it holds at least one real number (so token lists such as
    // ["NaN"] stay strings); all-non-finite numeric data must use a tensor object.
    if (numericish && v.some((e) => typeof e === 'string') && v.some((e) => typeof e === 'number')) return v.map(decodeScalar);
    return v.map((e) => decodeValue(e, depth + 1));
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (isTensorObject(o)) return decodeTensor(o);
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(o)) if (k !== '__proto__') out[k] = decodeValue(e, depth + 1);
    return out;
  }
  return v;
}
