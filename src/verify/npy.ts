/**
 * Reading NumPy arrays: `.npy` (format versions 1–3) and `.npz` archives (zip, stored or deflated,
 * via fflate). The .npy format is a 10-byte-ish preamble, a Python-literal header
 * `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }` and the raw data; only the
 * numeric, boolean and unicode dtypes that lemmata's ops use are accepted, and every value is
 * converted exactly (float16 is widened exactly; int64 must be a safe integer).
 */
import { unzipSync } from 'fflate';

export interface NpyArray {
  /** NumPy dtype string as stored, e.g. '<f4'. */
  descr: string;
  /** lemmata's element type: float32/float64 tensors, int (any integer width), bool, or str. */
  kind: 'float32' | 'float64' | 'float16' | 'int' | 'bool' | 'str';
  shape: number[];
  /** Row-major values. */
  data: (number | boolean | string)[];
}

export class NpyError extends Error {}

function parseHeader(h: string): { descr: string; fortran: boolean; shape: number[] } {
  const descr = /'descr':\s*'([^']+)'/.exec(h)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(h)?.[1];
  const shape = /'shape':\s*\(([^)]*)\)/.exec(h)?.[1];
  if (descr === undefined || fortran === undefined || shape === undefined) throw new NpyError(`unreadable .npy header: ${h.slice(0, 120)}`);
  const dims = shape.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const n = Number(s.replace(/L$/, ''));
    if (!Number.isSafeInteger(n) || n < 0) throw new NpyError(`bad shape entry '${s}'`);
    return n;
  });
  return { descr, fortran: fortran === 'True', shape: dims };
}

function halfToNumber(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1024 + m) * 2 ** (e - 25);
}

/** Parse one .npy file. */
export function parseNpy(buf: Uint8Array, name = 'array'): NpyArray {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (buf.length < 10 || magic.some((b, i) => buf[i] !== b)) throw new NpyError(`${name}: not a .npy file`);
  const major = buf[6]!;
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const hlen = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  if (start + hlen > buf.length) throw new NpyError(`${name}: truncated header`);
  const header = new TextDecoder(major >= 3 ? 'utf-8' : 'latin1').decode(buf.subarray(start, start + hlen));
  const { descr, fortran, shape } = parseHeader(header);
  const count = shape.reduce((a, b) => a * b, 1);
  if (count > 50_000_000) throw new NpyError(`${name}: ${count} elements is more than lemmata verify reads`);
  const off = start + hlen;
  const order = descr[0];
  if (order === '>') throw new NpyError(`${name}: big-endian arrays are not supported (descr ${descr})`);
  const code = descr.slice(1);
  const at = (i: number, size: number) => {
    const p = off + i * size;
    if (p + size > buf.length) throw new NpyError(`${name}: truncated data`);
    return p;
  };
  let kind: NpyArray['kind'];
  let read: (i: number) => number | boolean | string;
  switch (code) {
    case 'f4': kind = 'float32'; read = (i) => dv.getFloat32(at(i, 4), true); break;
    case 'f8': kind = 'float64'; read = (i) => dv.getFloat64(at(i, 8), true); break;
    case 'f2': kind = 'float16'; read = (i) => halfToNumber(dv.getUint16(at(i, 2), true)); break;
    case 'i1': kind = 'int'; read = (i) => dv.getInt8(at(i, 1)); break;
    case 'u1': kind = 'int'; read = (i) => dv.getUint8(at(i, 1)); break;
    case 'i2': kind = 'int'; read = (i) => dv.getInt16(at(i, 2), true); break;
    case 'u2': kind = 'int'; read = (i) => dv.getUint16(at(i, 2), true); break;
    case 'i4': kind = 'int'; read = (i) => dv.getInt32(at(i, 4), true); break;
    case 'u4': kind = 'int'; read = (i) => dv.getUint32(at(i, 4), true); break;
    case 'i8': case 'u8': kind = 'int'; read = (i) => {
      const v = code === 'i8' ? dv.getBigInt64(at(i, 8), true) : dv.getBigUint64(at(i, 8), true);
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) throw new NpyError(`${name}: int64 value ${v} is not a safe integer`);
      return Number(v);
    }; break;
    case 'b1': kind = 'bool'; read = (i) => dv.getUint8(at(i, 1)) !== 0; break;
    default: {
      const u = /^U(\d+)$/.exec(code);
      if (!u) throw new NpyError(`${name}: dtype ${descr} is not supported`);
      const width = Number(u[1]);
      kind = 'str';
      read = (i) => {
        const p = at(i, 4 * width);
        let s = '';
        for (let j = 0; j < width; j++) {
          const c = dv.getUint32(p + 4 * j, true);
          if (c === 0) break;
          s += String.fromCodePoint(c);
        }
        return s;
      };
    }
  }
  let data = Array.from({ length: count }, (_, i) => read(i));
  if (fortran && shape.length > 1) {
    // column-major on disk: permute to row-major
    const rm = new Array(count);
    const strides = shape.map((_, k) => shape.slice(0, k).reduce((a, b) => a * b, 1));
    const idx = new Array(shape.length).fill(0);
    for (let r = 0; r < count; r++) {
      let f = 0;
      for (let k = 0; k < shape.length; k++) f += idx[k] * strides[k]!;
      rm[r] = data[f];
      for (let k = shape.length - 1; k >= 0; k--) { if (++idx[k] < shape[k]!) break; idx[k] = 0; }
    }
    data = rm;
  }
  return { descr, kind, shape, data };
}

/** Parse a .npz archive into named arrays (the `.npy` suffix of each member dropped). */
export function parseNpz(buf: Uint8Array, name = 'archive'): Map<string, NpyArray> {
  let files: Record<string, Uint8Array>;
  try { files = unzipSync(buf); } catch (e) { throw new NpyError(`${name}: not a readable .npz (zip) file: ${(e as Error).message}`); }
  const out = new Map<string, NpyArray>();
  for (const [member, bytes] of Object.entries(files)) {
    if (!member.endsWith('.npy')) continue;
    out.set(member.slice(0, -4), parseNpy(bytes, `${name}:${member}`));
  }
  return out;
}

/** Nested arrays (row-major) of a flat array with a shape; a 0-d array is its one value. */
export function nest<T>(data: readonly T[], shape: readonly number[]): unknown {
  if (shape.length === 0) return data[0];
  const [n, ...rest] = shape;
  const size = rest.reduce((a, b) => a * b, 1);
  return Array.from({ length: n! }, (_, i) => nest(data.slice(i * size, (i + 1) * size), rest));
}
