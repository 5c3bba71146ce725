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
// Plain arrays are sent as JSON, as in version 1 (a plain array does not say whether its numbers
// are floats or integers, and the runner checks a binary tensor's dtype against the op's result).
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

/** A version-2 tensor reference into `blob` → plain (nested) array; malformed references throw. */
function readRef(v, blob) {
  const n = v.shape.reduce((a, b) => a * b, 1);
  const size = ITEM[v.dtype];
  if (!size || !v.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw new Error('bad tensor reference');
  if (v.nbytes !== n * size || !Number.isSafeInteger(v.offset) || v.offset < 0 || v.offset + v.nbytes > blob.length) throw new Error('tensor reference outside the blob');
  const bytes = blob.subarray(v.offset, v.offset + v.nbytes);
  const view = new VIEW[v.dtype](new Uint8Array(bytes).buffer, 0, n); // a copy: aligned, own buffer
  const flat = new Array(n); // a loop: Array.from on a typed array is an order of magnitude slower
  for (let i = 0; i < n; i++) flat[i] = typeof view[i] === 'bigint' ? Number(view[i]) : view[i];
  return reshape(flat, v.shape);
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
    return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, decode(e, blob)]));
  }
  return v;
}

/** Version 2: typed-array results (in the request's dtype, or integer) → references into `parts`. */
function binary(v, dtype, parts) {
  const wire = v instanceof Float32Array ? 'float32' : v instanceof Float64Array ? 'float64' : v instanceof Int32Array ? 'int32' : v instanceof BigInt64Array ? 'int64' : null;
  if (wire && (wire.startsWith('int') || wire === dtype)) {
    const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    const ref = { dtype: wire, shape: [v.length], offset: parts.size, nbytes: bytes.length };
    parts.list.push(bytes);
    const pad = (8 - (bytes.length % 8)) % 8;
    if (pad) parts.list.push(new Uint8Array(pad));
    parts.size += bytes.length + pad;
    return ref;
  }
  if (ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v)) return v.length && typeof v[0] === 'object' ? v.map((e) => binary(e, dtype, parts)) : v;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, binary(e, dtype, parts)]));
  return v;
}

function encode(v) {
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
function take(n) {
  const all = input.chunks.length === 1 ? input.chunks[0] : Buffer.concat(input.chunks);
  input.chunks = n < all.length ? [all.subarray(n)] : [];
  input.size -= n;
  return all.subarray(0, n);
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
const out = (o, parts) => {
  if (!parts) return process.stdout.write(JSON.stringify(o) + '\n');
  // one write: the header line and the blob
  process.stdout.write(Buffer.concat([Buffer.from(JSON.stringify({ ...o, blob: parts.size }) + '\n'), ...parts.list]));
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
  const parts = v2 ? { list: [], size: 0 } : null;
  const fn = impl.ops[req.op];
  if (!fn) {
    out({ id: req.id, error: `unknown op ${req.op}` }, parts);
    continue;
  }
  const results = [];
  for (const args of req.batch ?? []) {
    try {
      const r = await fn(decode(args, blob));
      results.push({ ok: encode(parts ? binary(r, req.dtype, parts) : r) });
    } catch (e) {
      results.push({ error: String(e && e.message ? e.message : e) });
    }
  }
  out({ id: req.id, results }, parts);
}
