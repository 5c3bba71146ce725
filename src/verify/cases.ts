/**
 * `lemmata verify CASES…`: judge inputs and outputs someone already has — a team's golden files,
 * a PyTorch or NumPy dump, ONNX's backend node tests — against lemmata's oracles, with the same
 * schemas, bounds, tie rules and report formats as `conform`.
 *
 * Case sources (spec/verify.md documents them):
 *  - JSON: `{"lemmata": 1, "cases": [{"name"?, "op", "dtype"?, "args", "output"}]}` (or a bare list
 *    or a single case). Values are plain JSON or line-protocol tensor objects
 *    `{dtype, shape, data | b64}`; non-finite floats are "NaN", "Infinity", "-Infinity".
 *  - NumPy: a `.npz` archive (or a directory of `.npy` files) with members `args.<name>` and
 *    `output` (or `output.<field>` for record results), plus `op` (a 0-d string array) unless
 *    `--op` is given; the dtype is the output's float type unless `--dtype` is given.
 *  - ONNX: a backend node test directory (`model.onnx` + `test_data_set_*`), mapped by
 *    src/verify/onnx.ts; a directory holding many such directories is read recursively.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Dtype } from '../registry/types.js';
import { decodeValue } from '../conform/wire.js';
import { parseNpy, parseNpz, nest, type NpyArray } from './npy.js';
import { readOnnxNodeTest, type VerifyCase, type Unmapped, type ReadResult } from './onnx.js';

export type { VerifyCase, Unmapped, ReadResult };

export class CaseFormatError extends Error {}

export interface ReadOptions { op?: string; dtype?: Dtype }

function fromJson(file: string, o: ReadOptions): ReadResult {
  let doc: unknown;
  try { doc = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { throw new CaseFormatError(`${file}: not JSON (${(e as Error).message})`); }
  const list = Array.isArray(doc) ? doc : doc !== null && typeof doc === 'object' && Array.isArray((doc as { cases?: unknown }).cases) ? (doc as { cases: unknown[] }).cases : [doc];
  const base = path.basename(file);
  return {
    unmapped: [],
    cases: list.map((c, i) => {
      if (c === null || typeof c !== 'object') throw new CaseFormatError(`${file}: case ${i} is not an object`);
      const r = c as Record<string, unknown>;
      const op = typeof r['op'] === 'string' ? r['op'] : o.op;
      if (!op) throw new CaseFormatError(`${file}: case ${i} has no "op" (or give --op)`);
      const dtype = (r['dtype'] ?? o.dtype ?? 'float32') as Dtype;
      if (dtype !== 'float32' && dtype !== 'float64') throw new CaseFormatError(`${file}: case ${i}: dtype ${JSON.stringify(r['dtype'])} is not float32 or float64`);
      if (!('args' in r) || !('output' in r)) throw new CaseFormatError(`${file}: case ${i} needs "args" and "output"`);
      let args: unknown, output: unknown;
      try { args = decodeValue(r['args']); output = decodeValue(r['output']); } catch (e) { throw new CaseFormatError(`${file}: case ${i}: ${(e as Error).message}`); }
      if (args === null || typeof args !== 'object' || Array.isArray(args)) throw new CaseFormatError(`${file}: case ${i}: "args" must be an object`);
      const name = typeof r['name'] === 'string' ? r['name'] : `case-${i}`;
      return { name: `${base}/${name}`, op, dtype, args: args as Record<string, unknown>, output };
    }),
  };
}

function arrayValue(a: NpyArray): unknown {
  return nest(a.data, a.shape);
}

function fromArrays(arrays: Map<string, NpyArray>, source: string, o: ReadOptions): ReadResult {
  const opArr = arrays.get('op');
  const op = o.op ?? (opArr && opArr.kind === 'str' ? String(opArr.data[0]) : undefined);
  if (!op) throw new CaseFormatError(`${source}: no op (add a 0-d string array 'op', or give --op)`);
  const args: Record<string, unknown> = {};
  let output: unknown;
  const fields: Record<string, unknown> = {};
  let floatKind: NpyArray['kind'] | undefined;
  for (const [k, a] of arrays) {
    if (a.kind === 'float16') throw new CaseFormatError(`${source}:${k}: float16 arrays are not a lemmata dtype`);
    if (k.startsWith('args.')) args[k.slice(5)] = arrayValue(a);
    else if (k === 'output') { output = arrayValue(a); if (a.kind === 'float32' || a.kind === 'float64') floatKind = a.kind; }
    else if (k.startsWith('output.')) { fields[k.slice(7)] = arrayValue(a); if (a.kind === 'float32' || a.kind === 'float64') floatKind ??= a.kind; }
    else if (k !== 'op') throw new CaseFormatError(`${source}: member '${k}' is neither 'op', 'args.<name>', 'output' nor 'output.<field>'`);
  }
  if (output === undefined && Object.keys(fields).length) output = fields;
  if (output === undefined) throw new CaseFormatError(`${source}: no 'output' array`);
  const dtype = o.dtype ?? (floatKind === 'float64' ? 'float64' : 'float32');
  return { unmapped: [], cases: [{ name: path.basename(source), op, dtype, args, output }] };
}

/** Read every case under the given paths. */
export function readCases(paths: readonly string[], o: ReadOptions = {}): ReadResult {
  const cases: VerifyCase[] = [];
  const unmapped: Unmapped[] = [];
  const add = (r: ReadResult) => { cases.push(...r.cases); unmapped.push(...r.unmapped); };
  const visit = (p: string, top: boolean): void => {
    if (!fs.existsSync(p)) throw new CaseFormatError(`${p}: no such file or directory`);
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      if (fs.existsSync(path.join(p, 'model.onnx'))) return add(readOnnxNodeTest(p));
      const entries = fs.readdirSync(p).sort();
      const npys = entries.filter((f) => f.endsWith('.npy'));
      if (npys.length && npys.length === entries.filter((f) => !f.startsWith('.')).length) {
        return add(fromArrays(new Map(npys.map((f) => [f.slice(0, -4), parseNpy(fs.readFileSync(path.join(p, f)), path.join(p, f))])), p, o));
      }
      const before = cases.length + unmapped.length;
      for (const e of entries) {
        const q = path.join(p, e);
        if (fs.statSync(q).isDirectory() || /\.(json|npz)$/.test(e)) visit(q, false);
      }
      if (top && cases.length + unmapped.length === before) throw new CaseFormatError(`${p}: no cases found (JSON, .npz, .npy directories or ONNX node tests)`);
      return;
    }
    if (p.endsWith('.json')) return add(fromJson(p, o));
    if (p.endsWith('.npz')) return add(fromArrays(parseNpz(fs.readFileSync(p), p), p, o));
    if (top) throw new CaseFormatError(`${p}: not a .json, .npz, .npy directory or ONNX node test directory`);
  };
  for (const p of paths) visit(p, true);
  return { cases, unmapped };
}
