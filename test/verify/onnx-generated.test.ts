/**
 * `lemmata verify` on the ONNX Attention / RotaryEmbedding node tests generated from ONNX's own case
 * generators (scripts/gen-onnx-node-cases.py, test/data/onnx-node/generated): every expressible case
 * passes, every other one is unsupported with its reason (counted per reason), and the same data with
 * one output value moved by 1e-3 relative fails, naming the case.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import onnxProto from 'onnx-proto';
import { fromRoot } from '../../src/util/paths.js';
import { readCases } from '../../src/verify/cases.js';
import { verifyCases } from '../../src/verify/run.js';

const { onnx } = onnxProto;
const GEN = fromRoot('test', 'data', 'onnx-node', 'generated');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-onnxgen-'));

/** Copy one generated test into a tmp dir with float32 element `k` of output `out` multiplied by 1 + 1e-3 (a 0 set to 1e-3). */
function corrupted(test: string, out: number, k: number): string {
  const dir = path.join(tmp(), test);
  fs.cpSync(path.join(GEN, test), dir, { recursive: true });
  const file = path.join(dir, 'test_data_set_0', `output_${out}.pb`);
  const t = onnx.TensorProto.decode(fs.readFileSync(file));
  expect(t.dataType).toBe(1); // float32, raw little-endian
  const dv = new DataView(t.rawData.buffer, t.rawData.byteOffset, t.rawData.byteLength);
  const x = dv.getFloat32(4 * k, true);
  dv.setFloat32(4 * k, x === 0 ? 1e-3 : x * (1 + 1e-3), true); // a 0 (a fully masked row) becomes 1e-3
  fs.writeFileSync(file, onnx.TensorProto.encode(t).finish());
  return dir;
}

describe('ONNX Attention and RotaryEmbedding node tests (generated from ONNX f7546912)', () => {
  it('every expressible case passes; the rest are unsupported, with their reasons counted', () => {
    const all = fs.readdirSync(GEN).filter((d) => d.startsWith('test_'));
    expect(all.filter((d) => /^test_(de)?quantizelinear_e/.test(d)).length).toBe(6); // ONNX's float8 Q/DQ tests: judged in the float8 test below
    const dirs = all.filter((d) => !/^test_(de)?quantizelinear_e/.test(d));
    expect(dirs.filter((d) => !d.startsWith('test_lemmata_')).length).toBe(95); // 87 Attention + 8 RotaryEmbedding export functions
    expect(dirs.filter((d) => d.startsWith('test_lemmata_rope_')).length).toBe(4); // genuine cos/sin tables (the script's own)
    expect(dirs.filter((d) => d.startsWith('test_lemmata_attention_')).length).toBe(2); // GQA with a per-head mask; causal with a cache and S ≠ T
    const { cases, unmapped } = readCases(dirs.map((d) => path.join(GEN, d)));
    const r = verifyCases(cases, unmapped, { sources: [GEN] });
    const count = (re: RegExp) => unmapped.filter((u) => re.test(u.reason)).length;
    expect(r.summary.fail + r.summary.error, JSON.stringify(r.properties.filter((p) => p.status === 'fail' || p.status === 'error').map((p) => [p.id, p.detail]))).toBe(0);
    expect(r.summary.pass).toBe(317 + 18 + 13 + 64 + 18);
    expect(r.summary.unsupported).toBe(0);
    expect(new Set(cases.map((c) => c.op))).toEqual(new Set(['attn.attention', 'attn.rope', 'attn.rope-apply']));
    // every one of ONNX's 87 Attention tests has judged cases (Y; qk_matmul_output in every mode; present_key/value; float16; fully masked rows), and the 4 lemmata RoPE tests
    expect(new Set(cases.filter((c) => c.op === 'attn.attention' && !c.name.startsWith('test_lemmata_')).map((c) => c.name.split('/')[0])).size).toBe(87);
    const att = cases.filter((c) => c.op === 'attn.attention').map((c) => c.args as { output?: string; fullyMasked?: string; storage?: string });
    expect(att.filter((a) => a.output === 'present-key').length).toBe(att.filter((a) => a.output === 'present-value').length);
    expect(att.filter((a) => a.output === 'present-key').length).toBe(42); // 21 tests × 2 batches
    expect(att.filter((a) => a.output === 'scores').length).toBe(6);
    expect(att.filter((a) => a.output === 'softcapped-scores').length).toBe(4);
    expect(att.filter((a) => a.output === 'masked-scores').length).toBe(22);
    expect(new Set(cases.filter((c) => (c.args as { fullyMasked?: string }).fullyMasked === 'zero').map((c) => c.name.split('/')[0])).size).toBe(7);
    expect(new Set(cases.filter((c) => (c.args as { storage?: string }).storage === 'float16').map((c) => c.name.split('/')[0])).size).toBe(5);
    // the per-head split (masks differing across heads) with grouped-query heads: one case per query head
    expect(cases.filter((c) => c.name.startsWith('test_lemmata_attention_gqa_per_head_bool_mask/')).length).toBe(12);
    expect(new Set(cases.filter((c) => c.op === 'attn.rope').map((c) => c.name.split('/')[0])).size).toBe(4);
    // every RotaryEmbedding test (ONNX's 8 with random tables, with and without position_ids, partial dims, 3-D; lemmata's 4) → attn.rope-apply per batch × head, whole heads
    const applied = cases.filter((c) => c.op === 'attn.rope-apply');
    expect(new Set(applied.map((c) => c.name.split('/')[0])).size).toBe(8 + 4);
    expect(applied.length).toBe(64 + 18);
    expect(applied.some((c) => (c.args as { cos: number[][]; x: number[][] }).cos[0]!.length * 2 < (c.args as { x: number[][] }).x[0]!.length)).toBe(true);
    expect(cases.filter((c) => c.op === 'attn.rope').map((c) => (c.args as { base: number }).base)).toContain(500000);
    expect(cases.filter((c) => c.name.includes('/qk_matmul_output/')).length).toBe(9 + 6 + 4 + 22); // modes 3, 0, 1, 2
    expect(count(/^RotaryEmbedding/)).toBe(0);
    expect(count(/^Attention/)).toBe(0);
    expect(unmapped.length).toBe(0);
  });

  it('a value moved by 1e-3 relative fails (Y of plain, masked, windowed, softcapped, GQA, 3-D and cached cases; qk_matmul_output in modes 0–3; present_key/value; a fully masked row; RoPE with given and genuine tables)', () => {
    for (const [test, out, k, fails] of [
      ['test_attention_4d', 0, 5],
      ['test_attention_4d_attn_mask_bool_4d', 0, 17],
      ['test_attention_4d_attn_mask_3d_causal', 0, 40],
      ['test_attention_local_window', 0, 3],
      ['test_attention_4d_softcap', 0, 9],
      ['test_attention_4d_gqa_scaled', 0, 100],
      ['test_attention_3d_gqa_with_past_and_present', 0, 11],
      ['test_attention_4d_causal_nonpad_batch_prefill', 0, 7],
      ['test_attention_4d_with_qk_matmul_softmax', 1, 2],
      ['test_attention_4d_with_qk_matmul', 1, 4],
      ['test_attention_4d_with_past_and_present_qk_matmul_bias', 3, 7],
      ['test_attention_3d_with_past_and_present_qk_matmul_softcap', 3, 5],
      ['test_attention_4d_with_past_and_present', 1, 9],
      ['test_attention_4d_with_past_and_present', 2, 3],
      ['test_attention_23_boolmask_fullymasked_row_nan_robustness', 0, 2],
      ['test_lemmata_attention_gqa_per_head_bool_mask', 0, 50],
      ['test_lemmata_attention_3d_causal_past_s_ne_t', 0, 6],
      ['test_lemmata_rope_4d_interleaved', 0, 20, 2], // a rotated coordinate: the attn.rope-apply and the attn.rope case
      ['test_lemmata_rope_3d_partial_dim', 0, 3, 2],
      ['test_rotary_embedding', 0, 5],
      ['test_rotary_embedding_no_position_ids_interleaved', 0, 33],
      ['test_rotary_embedding_with_rotary_dim', 0, 6], // a copied coordinate (rotary_embedding_dim 4 of 8)
    ] as readonly (readonly [string, number, number, number?])[]) {
      const dir = corrupted(test, out, k);
      const { cases, unmapped } = readCases([dir]);
      const r = verifyCases(cases, unmapped, { sources: [dir] });
      expect(r.summary.fail, test).toBe(fails ?? 1);
      expect(r.summary.error, test).toBe(0);
      const what = test.includes('rot') || test.includes('rope') ? /\/b\dh\d(\/rope)?$/ : test === 'test_attention_4d_with_past_and_present' ? (out === 1 ? /\/present_key\// : /\/present_value\//)
        : out === 3 || (out === 1 && test.includes('qk_matmul')) ? /\/qk_matmul_output\// : /\/Y\//;
      for (const p of r.properties.filter((q) => q.status === 'fail')) expect(p.id, test).toMatch(what);
    }
  });

  it('the CLI exits 0 on a generated test and 1 on its corrupted copy', () => {
    const cli = (args: string[]) => spawnSync(process.execPath, [fromRoot('bin', 'lemmata.mjs'), 'verify', ...args], { encoding: 'utf8', cwd: fromRoot(), timeout: 120_000 });
    const ok = cli([path.join(GEN, 'test_attention_4d_gqa_attn_mask'), '--out', tmp()]);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    const bad = cli([corrupted('test_attention_4d_gqa_attn_mask', 0, 30), '--out', tmp()]);
    expect(bad.status, bad.stdout).toBe(1);
    expect(bad.stdout).toContain('FAIL test_attention_4d_gqa_attn_mask/test_data_set_0/Y/');
  });
});

describe('ONNX global pools (vendored Debian tests)', () => {
  it('GlobalAveragePool / GlobalMaxPool map to cnn.pool2d-shape with the whole spatial extent as window; a wrong output size fails', () => {
    const dirs = ['test_globalaveragepool', 'test_globalmaxpool_precomputed'].map((d) => fromRoot('test', 'data', 'onnx-node', d));
    const { cases, unmapped } = readCases(dirs);
    expect(unmapped).toEqual([]);
    expect(cases.map((c) => c.op)).toEqual(['cnn.pool2d-shape', 'cnn.pool2d-shape']);
    expect(cases.map((c) => (c.args as { kernel: number[] }).kernel)).toEqual([[5, 5], [3, 3]]);
    const r = verifyCases(cases, [], { sources: dirs });
    expect(r.summary.pass).toBe(2);
    const bad = structuredClone(cases[0]!);
    (bad.output as number[])[0]! += 1;
    expect(verifyCases([bad], [], { sources: [] }).properties[0]!.status).toBe('fail');
  });
});

describe('onnxruntime-node on the generated tests (scripts/onnx-node-ort-outputs.mjs)', () => {
  it('its outputs replace the expected ones and pass verify; a model it cannot load is listed as not run', () => {
    const src = tmp(), out = path.join(tmp(), 'ort');
    for (const t of ['test_attention_4d_gqa_attn_mask', 'test_attention_4d_with_qk_matmul_softmax', 'test_lemmata_rope_4d', 'test_attention_local_window']) fs.cpSync(path.join(GEN, t), path.join(src, t), { recursive: true });
    const run = spawnSync(process.execPath, [fromRoot('scripts', 'onnx-node-ort-outputs.mjs'), src, out], { encoding: 'utf8', cwd: fromRoot(), timeout: 120_000 });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('3 tests run');
    expect(fs.readFileSync(path.join(out, 'not-run.txt'), 'utf8')).toMatch(/^test_attention_local_window\t/);
    // the outputs are onnxruntime's own, not copies of ONNX's reference outputs
    const a = fs.readFileSync(path.join(out, 'test_attention_4d_gqa_attn_mask', 'test_data_set_0', 'output_0.pb'));
    expect(onnx.TensorProto.decode(a).dataType).toBe(1);
    expect(a.equals(fs.readFileSync(path.join(GEN, 'test_attention_4d_gqa_attn_mask', 'test_data_set_0', 'output_0.pb')))).toBe(false);
    const { cases, unmapped } = readCases([out]);
    const r = verifyCases(cases, unmapped, { sources: [out] });
    expect(r.summary.fail + r.summary.error).toBe(0);
    expect(r.summary.pass).toBe(cases.length);
    expect(new Set(cases.map((c) => c.op))).toEqual(new Set(['attn.attention', 'attn.rope', 'attn.rope-apply']));
  });
});

describe('ONNX float8 QuantizeLinear / DequantizeLinear node tests (generated from ONNX f7546912)', () => {
  const F8 = fs.readdirSync(GEN).filter((d) => /^test_(de)?quantizelinear_e/.test(d)).sort();

  it('all 6 pass (the float16 output with storage "float16"); a changed float8 code fails, and so does a float16 output off by one float16 ulp', () => {
    const { cases, unmapped } = readCases(F8.map((d) => path.join(GEN, d)));
    const r = verifyCases(cases, unmapped, { sources: [GEN] });
    expect(r.summary.fail + r.summary.error).toBe(0);
    expect(new Set(cases.map((c) => c.name.split('/')[0]))).toEqual(new Set(F8));
    expect(r.summary.pass).toBe(6);
    expect(unmapped).toEqual([]);
    const half = cases.find((c) => c.name.startsWith('test_dequantizelinear_e4m3fn_float16/'))!;
    expect(half.args['storage']).toBe('float16');
    expect(half.dtype).toBe('float32');
    // one float16 ulp off on the largest element (2u16 relative at most, beyond u16|x| + 2⁻²⁴ for |x| ≥ 2⁻¹²)
    const out = (half.output as number[]).slice();
    const i = out.reduce((b, v, j) => (Math.abs(v) > Math.abs(out[b]!) ? j : b), 0);
    out[i] = out[i]! + Math.sign(out[i]!) * 2 ** (Math.floor(Math.log2(Math.abs(out[i]!))) - 10);
    expect(verifyCases([{ ...half, output: out }], [], { sources: [GEN] }).summary.fail).toBe(1);
    // the quantised output is a float8 byte code: change the first one (a neighbouring code)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-f8-'));
    fs.cpSync(path.join(GEN, 'test_quantizelinear_e4m3fn'), path.join(dir, 'test_quantizelinear_e4m3fn'), { recursive: true });
    const file = path.join(dir, 'test_quantizelinear_e4m3fn', 'test_data_set_0', 'output_0.pb');
    const t = onnx.TensorProto.decode(fs.readFileSync(file));
    expect(t.dataType).toBe(17); // FLOAT8E4M3FN
    t.rawData[0] = t.rawData[0]! ^ 1;
    fs.writeFileSync(file, onnx.TensorProto.encode(t).finish());
    const c = readCases([path.join(dir, 'test_quantizelinear_e4m3fn')]);
    expect(verifyCases(c.cases, c.unmapped, { sources: [dir] }).summary.fail).toBe(1);
  });
});
