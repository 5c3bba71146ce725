#!/usr/bin/env node
// Serve a JavaScript implementation module over the lemmata line protocol (spec/protocol.md):
//   node clients/js/serve-line.mjs ./my-impl.mjs
// The module has the shape `lemmata conform --impl` takes: { name, dtype?, profile?, ops }.
// Useful to test a JS implementation through a process boundary, and as a reference for writing
// a line-protocol adapter in another language. Plain Node, no dependencies.
import readline from 'node:readline';
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

function reshape(flat, shape) {
  if (shape.length === 0) return flat[0];
  if (shape.length === 1) return flat;
  const step = flat.length / shape[0];
  return Array.from({ length: shape[0] }, (_, i) => reshape(flat.slice(i * step, (i + 1) * step), shape.slice(1)));
}

function decode(v) {
  if (Array.isArray(v)) return v.every((e) => typeof e === 'number') ? v : v.map(decode);
  if (v && typeof v === 'object') {
    if (typeof v.dtype === 'string' && Array.isArray(v.shape) && Array.isArray(v.data)) {
      return reshape(v.data.map((x) => (typeof x === 'string' ? NONFINITE[x] : x)), v.shape);
    }
    if (typeof v.dtype === 'string' && Array.isArray(v.shape) && typeof v.b64 === 'string') {
      const b = Buffer.from(v.b64, 'base64');
      const n = v.dtype === 'float64' ? 8 : 4;
      const flat = Array.from({ length: b.length / n }, (_, i) => (v.dtype === 'float64' ? b.readDoubleLE(i * n) : v.dtype === 'float32' ? b.readFloatLE(i * n) : b.readInt32LE(i * n)));
      return reshape(flat, v.shape);
    }
    return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, decode(e)]));
  }
  return v;
}

function encode(v) {
  if (Array.isArray(v) && v.every((e) => typeof e === 'number' && Number.isFinite(e))) return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  if (ArrayBuffer.isView(v)) return Array.from(v, encode);
  if (Array.isArray(v)) return v.map(encode);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, encode(e)]));
  return v;
}

const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  let req;
  try {
    req = JSON.parse(line);
  } catch {
    process.stderr.write('serve-line: ignoring a line that is not JSON\n');
    continue;
  }
  if (req.type === 'hello') {
    out({ lemmata: 1, type: 'hello', name: impl.name ?? path.basename(modPath), ops: Object.fromEntries(Object.keys(impl.ops).map((k) => [k, dtypes])), ...(impl.profile ? { profile: impl.profile } : {}), encodings: ['json', 'base64'] });
    continue;
  }
  const fn = impl.ops[req.op];
  if (!fn) {
    out({ id: req.id, error: `unknown op ${req.op}` });
    continue;
  }
  const results = [];
  for (const args of req.batch ?? []) {
    try {
      results.push({ ok: encode(await fn(decode(args))) });
    } catch (e) {
      results.push({ error: String(e && e.message ? e.message : e) });
    }
  }
  out({ id: req.id, results });
}
