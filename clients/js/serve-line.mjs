#!/usr/bin/env node
// Serve a JavaScript implementation module over the lemmata line protocol (spec/protocol.md):
//   node clients/js/serve-line.mjs ./my-impl.mjs
// The module has the shape `lemmata conform --impl` takes: { name, dtype?, profile?, ops }.
// Useful to test a JS implementation through a process boundary, and as a reference for writing
// a line-protocol adapter in another language. Plain Node, no dependencies.
//
// Protocol version 2 (binary frames) is used when the runner offers it: tensor arguments are read
// from the frame's blob (no number is parsed as text) and handed to the module as plain arrays, as
// in version 1; a result that is a typed array (Float32Array in a float32 request, Float64Array in
// a float64 one, Int32Array, BigInt64Array) travels back as raw little-endian bytes, bit for bit.
// A plain (nested, rectangular) array of numbers travels as raw bytes too where the op's result
// schema (schemas/OP.json, shipped beside this folder) has a tensor at that position — floats in the
// request's dtype when every value is exactly one of that dtype, integers as int32 when every value is
// an int32 — and as JSON otherwise (a plain array does not say whether its numbers are floats or
// integers, and the runner checks a binary tensor's dtype against the op's result; a value that is
// not exact in the dtype is never rounded on the way). Without the schemas, plain arrays go as JSON.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const modPath = process.argv[2];
if (!modPath) {
  process.stderr.write('usage: serve-line.mjs MODULE.mjs\n');
  process.exit(2);
}
const mod = await import(pathToFileURL(path.resolve(modPath)).href);
const impl = mod.default ?? mod;
const dtypes = impl.dtype === 'float64' ? ['float64'] : ['float32'];

const NONFINITE = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

const ITEM = { float32: 4, float64: 8, int32: 4, int64: 8 };
const VIEW = { float32: Float32Array, float64: Float64Array, int32: Int32Array, int64: BigInt64Array };

function reshape(flat, shape) {
  if (shape.length === 0) return flat[0];
  if (shape.length === 1) return flat;
  const step = flat.length / shape[0];
  return Array.from({ length: shape[0] }, (_, i) => reshape(flat.slice(i * step, (i + 1) * step), shape.slice(1)));
}

/**
 * A version-2 tensor reference into `blob` → plain (nested) array; malformed references throw. A
 * tensor whose bytes lie at a multiple of its element size in memory is read through a view in place,
 * any other is copied first (the runner places every tensor at a multiple of 8 in the blob).
 */
function readRef(v, blob) {
  const n = v.shape.reduce((a, b) => a * b, 1);
  const size = ITEM[v.dtype];
  if (!size || !v.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw new Error('bad tensor reference');
  if (v.nbytes !== n * size || !Number.isSafeInteger(v.offset) || v.offset < 0 || v.offset + v.nbytes > blob.length) throw new Error('tensor reference outside the blob');
  const at = blob.byteOffset + v.offset;
  const view = at % size === 0 ? new VIEW[v.dtype](blob.buffer, at, n)
    : new VIEW[v.dtype](Uint8Array.prototype.slice.call(blob, v.offset, v.offset + v.nbytes).buffer, 0, n); // a copy (Buffer#slice is a view)
  const flat = new Array(n); // a loop: Array.from on a typed array is an order of magnitude slower
  if (v.dtype === 'int64') for (let i = 0; i < n; i++) flat[i] = Number(view[i]);
  else for (let i = 0; i < n; i++) flat[i] = view[i];
  return reshape(flat, v.shape);
}

/**
 * Where the op's result has tensors: { top: 'float' | 'int' | null, fields: { name: 'float' | 'int' } }
 * from its schema (`x-lemmata-tensor` of the result or of a record field), or null when the schema
 * is not beside this file. Read once per op.
 */
const SCHEMAS = new URL('../../schemas/', import.meta.url);
const tensorKinds = new Map();
function resultTensors(op) {
  if (!tensorKinds.has(op)) {
    let kinds = null;
    try {
      if (!/^[a-z0-9][a-z0-9.-]*$/.test(op)) throw new Error('not an op name');
      const r = JSON.parse(fs.readFileSync(new URL(`${op}.json`, SCHEMAS), 'utf8')).properties.result;
      const kind = (t) => (t === 'float' || t === 'int' ? t : null);
      const fields = {};
      for (const [k, f] of Object.entries(r.properties ?? {})) if (kind(f['x-lemmata-tensor'])) fields[k] = kind(f['x-lemmata-tensor']);
      kinds = { top: kind(r['x-lemmata-tensor']), fields };
    } catch {
      kinds = null;
    }
    tensorKinds.set(op, kinds);
  }
  return tensorKinds.get(op);
}

/** The shape of a rectangular nested array of numbers, or null. */
function shapeOf(v) {
  const shape = [];
  let e = v;
  while (Array.isArray(e)) { shape.push(e.length); if (e.length === 0) break; e = e[0]; }
  if (shape.at(-1) !== 0 && typeof e !== 'number') return null;
  return shape;
}

/**
 * The blob of one reply frame: tensors appended at multiples of 8 into one growing buffer (a spare one
 * whose write has completed, or a new one: no write in flight sees its bytes change).
 */
class FrameBlob {
  constructor(capacity = 4096) {
    const i = spareBlobs.findIndex((b) => b.length >= capacity);
    this.bytes = i >= 0 ? spareBlobs.splice(i, 1)[0] : new Uint8Array(capacity);
    this.size = 0;
  }
  /** Room for `nbytes` more; returns where they go (the current size, a multiple of 8). */
  reserve(nbytes) {
    const need = this.size + nbytes + 8;
    if (need > this.bytes.length) {
      let c = this.bytes.length * 2;
      while (c < need) c *= 2;
      const b = new Uint8Array(c);
      b.set(this.bytes.subarray(0, this.size));
      this.bytes = b;
    }
    return this.size;
  }
  /** Keeps the `nbytes` written at the reserved offset: the reference to them. */
  commit(dtype, shape, nbytes) {
    const ref = new Ref(dtype, shape, this.size, nbytes);
    const end = this.size + nbytes;
    this.size += (nbytes + 7) & ~7;
    this.bytes.fill(0, end, this.size); // padding: zeros, not what a reused buffer held
    return ref;
  }
}

/**
 * Reply buffers whose write has completed, kept for the next replies: a fresh buffer of this size is
 * fresh memory, and its first touch costs a page fault per 4 KiB (on the 2-core VM this was measured
 * on, ≈ 17,000 faults and 0.25 s of system time per 120,000 batched softmax items; reuse removes most).
 */
const spareBlobs = [];

/** A version-2 tensor reference made here (wire-ready: `encode` passes it through). */
class Ref {
  constructor(dtype, shape, offset, nbytes) { this.dtype = dtype; this.shape = shape; this.offset = offset; this.nbytes = nbytes; }
}

/**
 * A plain array at a tensor position (`kind` 'float' or 'int') → written into `blob` in the wire dtype
 * (floats: the request's dtype; integers: int32) when it is rectangular and every element is exact in
 * that dtype: the reference; else null (the array is then sent as JSON, and nothing is kept in `blob`).
 */
function packPlain(v, kind, dtype, blob) {
  const shape = shapeOf(v);
  if (!shape) return null;
  const wire = kind === 'int' ? 'int32' : dtype;
  const T = VIEW[wire];
  if (!T || wire === 'int64') return null;
  const n = shape.reduce((a, b) => a * b, 1);
  if (n === 0) return null; // empty: JSON, as the runner sends empty arguments
  const at = blob.reserve(n * ITEM[wire]); // first: it may replace blob.bytes
  const out = new T(blob.bytes.buffer, at, n);
  let k = 0;
  const fill = (a, depth) => {
    if (a.length !== shape[depth]) return false;
    if (depth + 1 < shape.length) { for (const e of a) if (!Array.isArray(e) || !fill(e, depth + 1)) return false; return true; }
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      if (typeof x !== 'number') return false;
      out[k] = x;
      if (out[k] !== x && x === x) return false; // not exact in the wire dtype (NaN travels as NaN)
      if (kind === 'int' && !Number.isInteger(x)) return false;
      k++;
    }
    return true;
  };
  return fill(v, 0) ? blob.commit(wire, shape, n * ITEM[wire]) : null;
}

function decode(v, blob) {
  if (Array.isArray(v)) return v.every((e) => typeof e === 'number') ? v : v.map((e) => decode(e, blob));
  if (v && typeof v === 'object') {
    if (blob && typeof v.dtype === 'string' && Array.isArray(v.shape) && 'offset' in v && 'nbytes' in v) return readRef(v, blob);
    if (typeof v.dtype === 'string' && Array.isArray(v.shape) && Array.isArray(v.data)) {
      return reshape(v.data.map((x) => (typeof x === 'string' ? NONFINITE[x] : x)), v.shape);
    }
    if (typeof v.dtype === 'string' && Array.isArray(v.shape) && typeof v.b64 === 'string') {
      const b = Buffer.from(v.b64, 'base64');
      const n = v.dtype === 'float64' ? 8 : 4;
      const flat = Array.from({ length: b.length / n }, (_, i) => (v.dtype === 'float64' ? b.readDoubleLE(i * n) : v.dtype === 'float32' ? b.readFloatLE(i * n) : b.readInt32LE(i * n)));
      return reshape(flat, v.shape);
    }
    const out = {};
    for (const k of Object.keys(v)) if (k !== '__proto__') out[k] = decode(v[k], blob);
    return out;
  }
  return v;
}

/**
 * Version 2: typed-array results (in the request's dtype, or integer), and plain arrays at the result
 * schema's tensor positions (`kind`: 'float', 'int' or null for `v` itself, `fields` for a record's
 * fields; see packPlain and resultTensors) → references into `blob`.
 */
function binary(v, dtype, blob, kind = null, fields = null) {
  if (kind && Array.isArray(v)) {
    const ref = packPlain(v, kind, dtype, blob);
    if (ref) return ref;
  }
  const wire = v instanceof Float32Array ? 'float32' : v instanceof Float64Array ? 'float64' : v instanceof Int32Array ? 'int32' : v instanceof BigInt64Array ? 'int64' : null;
  if (wire && (wire.startsWith('int') || wire === dtype)) {
    const at = blob.reserve(v.byteLength); // first: it may replace blob.bytes
    blob.bytes.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), at);
    return blob.commit(wire, [v.length], v.byteLength);
  }
  if (ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v)) return v.length && typeof v[0] === 'object' ? v.map((e) => binary(e, dtype, blob)) : v;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, binary(e, dtype, blob, fields?.[k] ?? null)]));
  return v;
}

function encode(v) {
  if (v instanceof Ref) return v;
  if (Array.isArray(v) && v.every((e) => typeof e === 'number' && Number.isFinite(e))) return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  if (ArrayBuffer.isView(v)) return Array.from(v, (x) => encode(typeof x === 'bigint' ? Number(x) : x));
  if (Array.isArray(v)) return v.map(encode);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, encode(e)]));
  return v;
}

// stdin as a byte stream: lines (the hello, version-1 requests, version-2 frame headers) and blobs
const input = { chunks: [], size: 0, ended: false, wake: null };
process.stdin.on('data', (d) => { input.chunks.push(d); input.size += d.length; input.wake?.(); });
process.stdin.on('end', () => { input.ended = true; input.wake?.(); });
const more = () => new Promise((r) => { input.wake = () => { input.wake = null; r(); }; });
/**
 * The next n buffered bytes (n ≤ input.size). Bytes within one chunk are a view of it; bytes that span
 * chunks are joined into a scratch buffer reused by the next call (so the result is valid until then:
 * a line is decoded and a blob's tensors are read before the next message is taken). Only the chunks
 * the bytes span are touched, so a backlog of many chunks is not copied per message.
 */
let scratch = new Uint8Array(0);
function take(n) {
  let k = 0, len = 0;
  while (len < n) len += input.chunks[k++].length;
  let bytes;
  if (k <= 1) bytes = (input.chunks[0] ?? Buffer.alloc(0)).subarray(0, n);
  else {
    if (scratch.length < n) scratch = new Uint8Array(Math.max(n, 2 * scratch.length));
    for (let j = 0, o = 0; j < k && o < n; j++) {
      const c = input.chunks[j];
      const m = Math.min(c.length, n - o);
      scratch.set(m === c.length ? c : c.subarray(0, m), o);
      o += m;
    }
    bytes = Buffer.from(scratch.buffer, 0, n);
  }
  const last = input.chunks[k - 1];
  input.chunks.splice(0, k, ...(n < len ? [last.subarray(last.length - (len - n))] : []));
  input.size -= n;
  return bytes;
}
async function readLine() {
  for (let scanned = 0; ; ) {
    let at = 0;
    for (const c of input.chunks) {
      const i = c.indexOf(10, Math.max(0, scanned - at));
      if (i >= 0) { const line = take(at + i + 1); return line.subarray(0, line.length - 1).toString('utf8'); }
      at += c.length;
    }
    scanned = at;
    if (input.ended) return null;
    await more();
  }
}
async function readBytes(n) {
  while (input.size < n) {
    if (input.ended) return null;
    await more();
  }
  return take(n);
}

let v2 = false;
let lastBlob = 4096; // the previous reply's blob size: the next one starts with that much room
const out = (o, blob) => {
  if (!blob) return process.stdout.write(JSON.stringify(o) + '\n');
  lastBlob = Math.max(4096, Math.ceil(blob.size * 1.25)); // room for a somewhat larger next reply without growing
  // the header line and the blob corked into one writev (the blob is not copied into a joint buffer)
  process.stdout.cork();
  process.stdout.write(JSON.stringify({ ...o, blob: blob.size }) + '\n');
  const bytes = blob.bytes;
  // the buffer is reused only once the write has let go of it
  process.stdout.write(bytes.subarray(0, blob.size), () => { if (spareBlobs.length < 4) spareBlobs.push(bytes); });
  process.stdout.uncork();
};
for (;;) {
  const line = await readLine();
  if (line === null) break;
  if (!line.trim()) continue;
  let req;
  try {
    req = JSON.parse(line);
  } catch {
    process.stderr.write('serve-line: ignoring a line that is not JSON\n');
    continue;
  }
  if (req?.type === 'hello') {
    v2 = Array.isArray(req.protocols) && req.protocols.includes(2);
    out({ lemmata: 1, type: 'hello', name: impl.name ?? path.basename(modPath), ops: Object.fromEntries(Object.keys(impl.ops).map((k) => [k, dtypes])), ...(impl.profile ? { profile: impl.profile } : {}), encodings: ['json', 'base64'], protocols: [1, 2] });
    continue;
  }
  let blob = null;
  if (v2) {
    const n = Number.isSafeInteger(req?.blob) && req.blob > 0 ? req.blob : 0;
    blob = await readBytes(n);
    if (blob === null) break; // EOF inside a frame
  }
  const reply = v2 ? new FrameBlob(lastBlob) : null;
  const fn = impl.ops[req.op];
  if (!fn) {
    out({ id: req.id, error: `unknown op ${req.op}` }, reply);
    continue;
  }
  const results = [];
  const kinds = reply ? resultTensors(req.op) : null;
  for (const args of req.batch ?? []) {
    try {
      const r = await fn(decode(args, blob));
      results.push({ ok: encode(reply ? binary(r, req.dtype, reply, kinds?.top ?? null, kinds?.fields ?? null) : r) });
    } catch (e) {
      results.push({ error: String(e && e.message ? e.message : e) });
    }
  }
  out({ id: req.id, results }, reply);
}
