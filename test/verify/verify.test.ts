/**
 * `lemmata verify`: given inputs and outputs judged against the oracles, with conform's schemas,
 * bounds and reports. On real ONNX backend node test data (a vendored subset, test/data/onnx-node)
 * every mapped case passes; the same data with one output element perturbed by 64 ulps (±1 for
 * integers and shapes) fails, naming the element. JSON cases and NumPy archives likewise.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import onnxProto from 'onnx-proto';
import { zipSync } from 'fflate';
import { fromRoot } from '../../src/util/paths.js';
import { readCases } from '../../src/verify/cases.js';
import { verifyCases } from '../../src/verify/run.js';
import { parseNpy, parseNpz } from '../../src/verify/npy.js';
import { decodeTensor } from '../../src/verify/onnx.js';

const { onnx } = onnxProto;
const DATA = fromRoot('test', 'data', 'onnx-node');
// the vendored Debian subset (test_* directories); generated/ (ONNX Attention, RotaryEmbedding) has its own test
const DEBIAN = fs.readdirSync(DATA).filter((d) => d.startsWith('test_')).map((d) => path.join(DATA, d));
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-verify-'));
const cli = (args: string[]) => spawnSync(process.execPath, [fromRoot('bin', 'lemmata.mjs'), 'verify', ...args], { encoding: 'utf8', cwd: fromRoot(), timeout: 120_000 });

/** x moved by k float32 ulps away from zero (the magnitude bits grow by k, whatever the sign). */
function ulps32(x: number, k: number): number {
  const f = new Float32Array([x]);
  const i = new Uint32Array(f.buffer);
  i[0] = (i[0]! + k) >>> 0;
  return f[0]!;
}

describe('ONNX backend node tests', () => {
  it('every mapped case passes; unmappable ones are unsupported with the reason', () => {
    const { cases, unmapped } = readCases(DEBIAN);
    const r = verifyCases(cases, unmapped, { sources: DEBIAN });
    expect(r.summary.fail + r.summary.error).toBe(0);
    expect(r.summary.pass).toBe(cases.length);
    expect(new Set(cases.map((c) => c.op))).toEqual(new Set(['nn.softmax', 'norm.layernorm', 'quant.quantize', 'quant.dequantize', 'quant.affine-params', 'cnn.conv2d-shape', 'cnn.pool2d-shape']));
    // the expanded softmax test reads its operator from its single-node sibling
    expect(cases.some((c) => c.name.startsWith('test_softmax_axis_1_expanded/'))).toBe(true);
    const reasons = Object.fromEntries(unmapped.map((u) => [u.name.split('/')[0], u.reason]));
    // per-axis QuantizeLinear is expressible since quant.quantize took shape/axis/scales: mapped and passes
    expect(reasons['test_quantizelinear_axis']).toBeUndefined();
    expect(cases.some((c) => c.name.startsWith('test_quantizelinear_axis/') && (c.args as { axis?: number }).axis === 1)).toBe(true);
    // auto_pad SAME_LOWER is expressible since cnn.conv2d-shape took autoPad: the case is mapped and passes
    expect(cases.some((c) => c.name.startsWith('test_conv_with_autopad_same/') && (c.args as { autoPad?: string }).autoPad === 'same-lower')).toBe(true);
  });

  it('the CLI passes the real data (exit 0) and fails it with one element perturbed beyond its bound, naming the element (exit 1)', () => {
    const ok = cli([...DEBIAN, '--out', tmp()]);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    // Layer norm's default bound covers two-pass and Welford/pairwise moments with every output form
    // (spec/ops.md): on this D = 15 row it is ≈ 434 ulps of element 7, so 1024 ulps is outside it.
    for (const [test, k, expectText, by] of [
      ['test_layer_normalization_3d_axis1_epsilon', 7, 'element 7', 1024],
      ['test_softmax_example', 1, 'element 1', 64],
      ['test_dequantizelinear', 2, 'element 2', 64],
    ] as const) {
      const dir = path.join(tmp(), test);
      fs.cpSync(path.join(DATA, test), dir, { recursive: true });
      const file = path.join(dir, 'test_data_set_0', 'output_0.pb');
      const t = onnx.TensorProto.decode(fs.readFileSync(file));
      const dv = new DataView(t.rawData.buffer, t.rawData.byteOffset, t.rawData.byteLength);
      dv.setFloat32(4 * k, ulps32(dv.getFloat32(4 * k, true), by), true);
      fs.writeFileSync(file, onnx.TensorProto.encode(t).finish());
      const bad = cli([dir, '--out', tmp()]);
      expect(bad.status, bad.stdout).toBe(1);
      expect(bad.stdout).toContain(`FAIL ${test}/test_data_set_0`);
      expect(bad.stdout).toContain(expectText);
    }
  });

  it('integer and shape outputs off by one fail', () => {
    const { cases } = readCases(DEBIAN);
    for (const op of ['quant.quantize', 'cnn.conv2d-shape', 'cnn.pool2d-shape']) {
      const c = structuredClone(cases.find((x) => x.op === op)!);
      (c.output as number[])[1]! += 1;
      const r = verifyCases([c], [], { sources: [] });
      expect(r.properties[0]!.status, op).toBe('fail');
    }
  });

  it('TensorProtos decode exactly (raw little-endian data)', () => {
    const t = decodeTensor(fs.readFileSync(path.join(DATA, 'test_quantizelinear', 'test_data_set_0', 'output_0.pb')));
    expect(t.type).toBe(2); // uint8
    expect(t.dims).toEqual([6]);
    expect(t.data.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)).toBe(true);
  });
});

describe('JSON cases', () => {
  const fx = JSON.parse(fs.readFileSync(fromRoot('fixtures', 'norm.layernorm.json'), 'utf8'));
  const decode = (v: any): any => (v && typeof v === 'object' && 'shape' in v && 'data' in v ? nestData(v.data, v.shape) : v);
  function nestData(data: number[], shape: number[]): unknown {
    if (shape.length <= 1) return shape.length === 0 ? data[0] : data;
    const size = shape.slice(1).reduce((a, b) => a * b, 1);
    return Array.from({ length: shape[0]! }, (_, i) => nestData(data.slice(i * size, (i + 1) * size), shape.slice(1)));
  }
  const c0 = fx.cases[0];
  const args = Object.fromEntries(Object.entries(c0.args).map(([k, v]) => [k, decode(v)]));
  const [N, D] = c0.expected.shape as [number, number];
  const out = Array.from({ length: N }, (_, r) => Array.from({ length: D }, (_, j) => c0.expected.elements[r * D + j].float32));

  it('a correct output passes; a perturbed one fails; a wrong shape is an error naming the field', () => {
    const dir = tmp();
    const bad = structuredClone(out);
    // the largest output element (a normal number), moved by 64 ulps
    const flat = out.flat();
    const mags = flat.map(Math.abs);
    const at = mags.indexOf(Math.max(...mags));
    bad[Math.floor(at / D)]![at % D] = ulps32(flat[at]!, 64);
    fs.writeFileSync(path.join(dir, 'cases.json'), JSON.stringify({
      lemmata: 1,
      cases: [
        { name: 'good', op: 'norm.layernorm', dtype: 'float32', args, output: out },
        { name: 'perturbed', op: 'norm.layernorm', dtype: 'float32', args, output: bad },
        { name: 'short-row', op: 'norm.layernorm', dtype: 'float32', args, output: [out[0]!.slice(1), ...out.slice(1)] },
        { name: 'tensor-object', op: 'norm.layernorm', dtype: 'float32', args, output: { dtype: 'float32', shape: [N, D], data: out.flat() } },
      ],
    }));
    const r = cli([path.join(dir, 'cases.json'), '--out', tmp()]);
    expect(r.status).toBe(1);
    const { cases } = readCases([path.join(dir, 'cases.json')]);
    const v = verifyCases(cases, [], { sources: [] });
    const st = Object.fromEntries(v.properties.map((p) => [p.id.split('/')[1], p]));
    expect(st['good']!.status).toBe('pass');
    expect(st['tensor-object']!.status).toBe('pass');
    expect(st['perturbed']!.status).toBe('fail');
    expect(st['perturbed']!.detail).toContain(`element ${at}`);
    expect(st['short-row']!.status).toBe('error');
    expect(st['short-row']!.detail).toContain(`expected shape [N=${N}, D=${D}], received [${N}, ${D - 1}]`);
  });

  it('malformed case files are usage errors (exit 2)', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'x.json'), '{"cases": [{"op": "norm.layernorm"}]}');
    expect(cli([path.join(dir, 'x.json')]).status).toBe(2);
    expect(cli([path.join(dir, 'nope.json')]).status).toBe(2);
  });
});

/** A .npy file (version 1.0) for a float32/int32 array. */
function npy(data: number[], shape: number[], descr: '<f4' | '<f8' | '<i4', fortran = false): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  while ((10 + header.length + 1) % 64) header += ' ';
  header += '\n';
  const size = descr === '<f8' ? 8 : 4;
  const buf = new Uint8Array(10 + header.length + data.length * size);
  buf.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  new DataView(buf.buffer).setUint16(8, header.length, true);
  buf.set(new TextEncoder().encode(header), 10);
  const dv = new DataView(buf.buffer, 10 + header.length);
  data.forEach((v, i) => (descr === '<f4' ? dv.setFloat32(4 * i, v, true) : descr === '<f8' ? dv.setFloat64(8 * i, v, true) : dv.setInt32(4 * i, v, true)));
  return buf;
}

describe('NumPy archives', () => {
  it('.npy parses (C order, Fortran order) and .npz cases are judged', () => {
    const a = parseNpy(npy([1, 2, 3, 4, 5, 6], [2, 3], '<f4'));
    expect(a.shape).toEqual([2, 3]);
    expect(a.data).toEqual([1, 2, 3, 4, 5, 6]);
    const fo = parseNpy(npy([1, 4, 2, 5, 3, 6], [2, 3], '<f4', true));
    expect(fo.data).toEqual([1, 2, 3, 4, 5, 6]); // column-major on disk, row-major in lemmata
    const x = [0.5, -1, 2].map(Math.fround);
    const m = Math.max(...x);
    const e = x.map((v) => Math.exp(v - m));
    const s = e.reduce((p, q) => p + q, 0);
    const y = e.map((v) => Math.fround(v / s));
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'softmax.npz'), zipSync({ 'args.x.npy': npy(x, [3], '<f4'), 'output.npy': npy(y, [3], '<f4') }));
    const arrays = parseNpz(fs.readFileSync(path.join(dir, 'softmax.npz')));
    expect([...arrays.keys()].sort()).toEqual(['args.x', 'output']);
    const ok = cli([path.join(dir, 'softmax.npz'), '--op', 'nn.softmax', '--out', tmp()]);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    const yBad = y.slice();
    yBad[0] = ulps32(yBad[0]!, 64);
    fs.writeFileSync(path.join(dir, 'bad.npz'), zipSync({ 'args.x.npy': npy(x, [3], '<f4'), 'output.npy': npy(yBad, [3], '<f4') }));
    const bad = cli([path.join(dir, 'bad.npz'), '--op', 'nn.softmax', '--out', tmp()]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('element 0');
    // no op named: a usage error
    expect(cli([path.join(dir, 'softmax.npz')]).status).toBe(2);
  });
});
