/**
 * Replies are validated against the op schemas wherever an implementation is called: the conform
 * gate (CallCache, for modules, the line protocol and the built-in tfjs alike) and the built-in
 * `check` path (runProperty). An implementation that answers garbage ends `error` with the
 * validator's message — never a crash, never a pass.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { loadModuleImpl } from '../../src/conform/module-impl.js';
import { runConform } from '../../src/conform/run.js';
import { checkItem } from '../../src/conform/batched.js';
import { runProperty } from '../../src/runner/run-property.js';
import { readResult } from '../../src/ops/schema-check.js';
import type { Implementation } from '../../src/registry/types.js';

/** Each op answers something its schema rejects, on every input. */
const GARBAGE = `export default {
  name: 'garbage',
  dtype: 'float32',
  ops: {
    'nn.softmax': ({ x }) => [...x.map(() => 'abc'), 'abc'],
    'attn.sdpa': ({ q, v }) => Array.from({ length: q.length + 1 }, () => new Array(v[0]?.length ?? 0).fill(0)),
    'seq.crf-viterbi': ({ emissions }) => ({ path: emissions.map(() => 0), score: '1.5' }),
    'seq.crf-logz': () => null,
    'quant.affine-params': () => ({ scale: 1 }),
    'quant.quantize': ({ x }) => [...x.map(() => 0.5), 0.5],
    'quant.dequantize': ({ q }) => [...q.map(() => 0), 0],
    'text.bpe-encode': () => [1],
    'cnn.conv2d-shape': () => [1, 2, 3],
    'random.normal': ({ n }) => new Float32Array(n + 1),
  },
};
`;

const EXPECTED: Record<string, RegExp> = {
  'nn.softmax': /^invalid result from nn\.softmax: result(: expected shape \[n=\d+\], received|\[0\]: expected float32 number, received string "abc")/,
  'attn.sdpa': /^invalid result from attn\.sdpa: result: expected shape \[T=\d+, e=\d+\], received \[\d+, \d+\]/,
  'seq.crf-viterbi': /^invalid result from seq\.crf-viterbi: result\.score: expected float32 number, received string "1\.5"/,
  'seq.crf-logz': /^invalid result from seq\.crf-logz: result: expected float32 number, received null/,
  'quant.affine-params': /^invalid result from quant\.affine-params: result\.zeroPoint: expected integer, received nothing \(field missing\)/,
  'quant.quantize': /^invalid result from quant\.quantize: result(\[0\]: expected integer, received number 0\.5|: expected shape \[n=\d+\], received \[\d+\])/,
  'quant.dequantize': /^invalid result from quant\.dequantize: result: expected shape \[n=\d+\], received \[\d+\]/,
  'text.bpe-encode': /^invalid result from text\.bpe-encode: result\[0\]: expected string, received number 1/,
  'cnn.conv2d-shape': /^invalid result from cnn\.conv2d-shape: result: expected \[integer, integer\], received array of 3 \[1,2,3\]/,
  'random.normal': /^invalid result from random\.normal: result: expected shape \[n=\d+\], received \[\d+\]/,
};

describe('conform: garbage replies end as error with the validator message', () => {
  it('for every property whose ops the garbage module provides', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-garbage-'));
    const file = path.join(dir, 'garbage.mjs');
    fs.writeFileSync(file, GARBAGE);
    const impl = await loadModuleImpl(file);
    const provided = new Set(Object.keys(impl.ops));
    const r = await runConform(CLAIM_MODULES, impl, {
      seed: 5, runs: 4, dtype: 'float32', batchSize: 16, shard: null, implFlag: `--impl ${file}`,
      opsFilter: (op) => provided.has(op),
    });
    const ran = r.properties.filter((p) => p.status !== 'unsupported');
    expect(ran.length).toBeGreaterThanOrEqual(8);
    const seen = new Set<string>();
    for (const p of ran) {
      expect(p.status, `${p.id}: ${p.detail}`).toBe('error');
      const op = /^invalid result from (\S+):/.exec(p.detail ?? '')?.[1];
      expect(op, `${p.id}: ${p.detail}`).toBeDefined();
      expect(p.detail, p.id).toMatch(EXPECTED[op!]!);
      seen.add(op!);
    }
    // every garbage op whose result is needed first by some property was reported
    for (const op of ['nn.softmax', 'attn.sdpa', 'seq.crf-viterbi', 'seq.crf-logz', 'quant.affine-params', 'quant.quantize', 'quant.dequantize', 'text.bpe-encode', 'cnn.conv2d-shape', 'random.normal']) {
      expect([...seen]).toContain(op);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});

describe('check: the built-in path validates results too', () => {
  it('a result of the wrong shape is an error with the message', () => {
    const claim = CLAIM_MODULES.find((c) => c.id === 'ret.teacher-softmax')!;
    const prop = claim.properties.find((p) => p.name === 'conformance')!;
    const wrong: Implementation = { name: 'short-softmax', dtype: 'float32', notes: [], ops: { 'nn.softmax': ({ x }: { x: number[] }) => x.slice(1).map(() => 1) } };
    const r = runProperty(claim.id, prop, wrong, { seed: 1, runs: 10, backend: 'cpu' });
    expect(r.verdict).toBe('error');
    expect(r.detail).toMatch(/^implementation threw: invalid result from nn\.softmax: result: expected shape \[n=\d+\], received \[\d+\]/);
  });
});

describe('non-finite floats as the protocol spells them', () => {
  it('are read wherever the result schema has a float, and nowhere else', () => {
    expect(readResult('seq.crf-viterbi', { path: [0], score: 'NaN' })).toEqual({ path: [0], score: NaN });
    expect(readResult('nn.softmax', ['Infinity', '-Infinity'])).toEqual([Infinity, -Infinity]);
    expect(readResult('text.bpe-encode', ['NaN', 'Infinity'])).toEqual(['NaN', 'Infinity']);
    expect(readResult('quant.quantize', ['NaN'])).toEqual(['NaN']);
    expect(readResult('nn.softmax', ['nan'])).toEqual(['nan']);
    const v = [1, 2];
    expect(readResult('nn.softmax', v)).toBe(v);
  });
  it('a reply item is read, then validated: a non-finite float passes to the comparison, a wrong one is an item error', () => {
    const c = { emissions: [[1, 2]], transitions: [[0, 0], [0, 0]] };
    expect(checkItem('seq.crf-viterbi', c, { ok: { path: [1], score: '-Infinity' } }, 'float32')).toEqual({ ok: { path: [1], score: -Infinity } });
    expect(checkItem('seq.crf-viterbi', c, { ok: { path: [1], score: 'inf' } }, 'float32'))
      .toEqual({ error: 'invalid result from seq.crf-viterbi: result.score: expected float32 number, received string "inf"' });
    expect(checkItem('quant.quantize', { x: [1], scale: 1, zeroPoint: 0, qmin: 0, qmax: 9 }, { ok: ['NaN'] }, 'float64'))
      .toEqual({ error: 'invalid result from quant.quantize: result[0]: expected integer, received string "NaN"' });
    expect(checkItem('nn.softmax', { x: [1] }, { error: 'boom' }, 'float32')).toEqual({ error: 'boom' });
    expect(checkItem('nn.softmax', { x: [1] }, undefined, 'float32')).toEqual({ error: 'missing result', infrastructure: true });
  });
});
