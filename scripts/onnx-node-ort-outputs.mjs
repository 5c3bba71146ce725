#!/usr/bin/env node
/**
 * Re-run ONNX backend node tests on onnxruntime-node and write copies whose expected outputs are
 * onnxruntime's, so that `lemmata verify` judges onnxruntime itself against the oracles:
 *
 *   node scripts/onnx-node-ort-outputs.mjs SRC_DIR OUT_DIR     # SRC_DIR: a directory of test_* dirs
 *   npx lemmata verify OUT_DIR
 *
 * Tests onnxruntime cannot load or run are listed on stdout (and in OUT_DIR/not-run.txt) and not copied.
 */
import fs from 'node:fs';
import path from 'node:path';
import ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const [src, out] = process.argv.slice(2);
if (!src || !out) { console.error('usage: onnx-node-ort-outputs.mjs SRC_DIR OUT_DIR'); process.exit(2); }
const TYPES = { 1: ['float32', Float32Array, 4], 2: ['uint8', Uint8Array, 1], 3: ['int8', Int8Array, 1], 6: ['int32', Int32Array, 4], 7: ['int64', BigInt64Array, 8], 9: ['bool', Uint8Array, 1], 10: ['float16', Uint16Array, 2], 11: ['float64', Float64Array, 8] };
const CODE = Object.fromEntries(Object.entries(TYPES).map(([k, [name]]) => [name, Number(k)]));

function toOrt(tp) {
  const [name, Arr, size] = TYPES[tp.dataType] ?? [];
  if (!name) throw new Error(`input type ${tp.dataType}`);
  const dims = tp.dims.map(Number);
  const n = dims.reduce((a, b) => a * b, 1);
  const raw = tp.rawData;
  if (!raw || raw.length !== n * size) throw new Error('inputs must use raw_data');
  const buf = new ArrayBuffer(raw.length);
  new Uint8Array(buf).set(raw);
  return new ort.Tensor(name, new Arr(buf), dims);
}

function fromOrt(t, nm) {
  const code = CODE[t.type];
  if (!code) throw new Error(`output type ${t.type}`);
  const d = t.data;
  return onnx.TensorProto.encode({ name: nm, dataType: code, dims: t.dims.map(Number), rawData: new Uint8Array(d.buffer, d.byteOffset, d.byteLength) }).finish();
}

fs.mkdirSync(out, { recursive: true });
const notRun = [];
let ran = 0;
for (const t of fs.readdirSync(src).filter((d) => d.startsWith('test_')).sort()) {
  const from = path.join(src, t);
  try {
    const s = await ort.InferenceSession.create(path.join(from, 'model.onnx'));
    for (const set of fs.readdirSync(from).filter((f) => /^test_data_set_\d+$/.test(f))) {
      const feeds = {};
      s.inputNames.forEach((nm, k) => { feeds[nm] = toOrt(onnx.TensorProto.decode(fs.readFileSync(path.join(from, set, `input_${k}.pb`)))); });
      const res = await s.run(feeds);
      const to = path.join(out, t, set);
      fs.mkdirSync(to, { recursive: true });
      for (const f of fs.readdirSync(path.join(from, set)).filter((f) => f.startsWith('input_'))) fs.copyFileSync(path.join(from, set, f), path.join(to, f));
      s.outputNames.forEach((nm, k) => fs.writeFileSync(path.join(to, `output_${k}.pb`), fromOrt(res[nm], nm)));
    }
    fs.copyFileSync(path.join(from, 'model.onnx'), path.join(out, t, 'model.onnx'));
    ran++;
  } catch (e) {
    notRun.push(`${t}\t${String(e.message).split('\n')[0].slice(0, 300)}`);
  }
}
fs.writeFileSync(path.join(out, 'not-run.txt'), notRun.join('\n') + (notRun.length ? '\n' : ''));
console.log(`onnxruntime-node ${ort.env.versions?.common ?? ''}: ${ran} tests run into ${out}; ${notRun.length} not run (${path.join(out, 'not-run.txt')})`);
