/**
 * clients/js/serve-line.mjs under protocol version 2: a module's plain arrays at the tensor positions of
 * the op's result schema travel as raw bytes (floats in the request's dtype, integers as int32), bit for
 * bit; a value that is not exact in that dtype, a ragged array, or a position that is not a tensor stays
 * JSON. The reply is read here byte for byte (no runner in between), then decoded as the runner does.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeFrameValue, encodeRequestFrame } from '../../src/conform/frame.js';
import { connectLineProtocol, DEFAULT_LINE_OPTIONS } from '../../src/conform/line-protocol.js';
import { mulberry32 } from '../../src/util/prng.js';
import { opById } from '../../src/ops/index.js';
import { fromRoot } from '../../src/util/paths.js';
import type { Dtype } from '../../src/registry/types.js';

const SERVE = fromRoot('clients', 'js', 'serve-line.mjs');
const MODULE = fromRoot('test', 'conform', 'adapters', 'echo-plain.mjs');

/** One request frame through serve-line: the reply's header items and their decoded values. */
function roundTrip(op: string, dtype: Dtype, batch: Record<string, unknown>[], serve = SERVE): { raw: { ok?: unknown; error?: string }[]; values: unknown[] } {
  const frame = encodeRequestFrame(1, op, dtype, batch, { x: 'float' });
  const input = Buffer.concat([Buffer.from(`${JSON.stringify({ lemmata: 1, type: 'hello', protocols: [1, 2] })}\n`), Buffer.from(frame.header), Buffer.from(frame.blob)]);
  const r = spawnSync(process.execPath, [serve, MODULE], { input, timeout: 20_000 });
  expect(r.status, r.stderr.toString()).toBe(0);
  const out = r.stdout;
  const l1 = out.indexOf(10), l2 = out.indexOf(10, l1 + 1);
  expect(JSON.parse(out.subarray(0, l1).toString()).protocols).toContain(2);
  const header = JSON.parse(out.subarray(l1 + 1, l2).toString()) as { results: { ok?: unknown; error?: string }[]; blob: number };
  const blob = new Uint8Array(out.subarray(l2 + 1));
  expect(blob.length).toBe(header.blob);
  const result = opById(op)!.result;
  return { raw: header.results, values: header.results.map((it) => decodeFrameValue(it.ok, blob, result, dtype)) };
}

const isRef = (v: unknown, dtype: string, shape: number[]) => expect(v).toMatchObject({ dtype, shape });
const same = (a: unknown, b: number[]) => Array.isArray(a) && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
const f32 = (bits: number) => new Float32Array(new Uint32Array([bits]).buffer)[0]!;
const SPECIAL32 = [0, -0, f32(1), f32(0x007fffff), f32(0x7f7fffff), Infinity, -Infinity, NaN, Math.fround(0.1)];

describe('serve-line.mjs: plain arrays as raw bytes where the result schema has tensors', () => {
  it('float tensors in the request dtype, bit for bit (−0, subnormals, ±∞, NaN); a value not exact in float32 stays JSON', () => {
    const { raw, values } = roundTrip('nn.softmax', 'float32', [{ x: SPECIAL32 }, { x: [0.5] }]);
    isRef(raw[0]!.ok, 'float32', [SPECIAL32.length]);
    expect(same(values[0], SPECIAL32)).toBe(true);
    expect(raw[1]!.ok).toEqual([0.1]); // JSON: 0.1 is not a float32 number, and is not rounded on the way
    const r64 = roundTrip('nn.softmax', 'float64', [{ x: [0.1, -0, 5e-324] }]);
    isRef(r64.raw[0]!.ok, 'float64', [3]);
    expect(same(r64.values[0], [0.1, -0, 5e-324])).toBe(true);
  });

  it('a copy of serve-line.mjs without the schemas beside it sends plain arrays as JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-serve-line-'));
    try {
      fs.mkdirSync(path.join(dir, 'js'));
      const copy = path.join(dir, 'js', 'serve-line.mjs');
      fs.copyFileSync(SERVE, copy);
      const { raw, values } = roundTrip('nn.softmax', 'float32', [{ x: [1, 2, 0.5] }], copy);
      expect(raw[0]!.ok).toEqual([1, 2, 0.5]);
      expect(values[0]).toEqual([1, 2, 0.5]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('nested arrays keep their shape; a ragged one stays JSON', () => {
    const x = [[1, 2, 3], [4, 5, 6]];
    const { raw, values } = roundTrip('norm.layernorm', 'float32', [{ x }, { x: [[7, 1], [2, 3]] }]);
    isRef(raw[0]!.ok, 'float32', [2, 3]);
    expect(values[0]).toEqual(x);
    expect(raw[1]!.ok).toEqual([[1, 2], [3]]);
  });

  it('record fields that are tensors, and integer tensors as int32 (an integer beyond int32 stays JSON)', () => {
    const rec = roundTrip('lstm.cell', 'float32', [{ x: [1.5, -2] }]);
    expect(Object.keys(rec.raw[0]!.ok as object).sort()).toEqual(['c', 'h']);
    isRef((rec.raw[0]!.ok as { h: unknown }).h, 'float32', [2]);
    expect(rec.values[0]).toEqual({ h: [1.5, -2], c: [-1.5, 2] });
    const q = roundTrip('quant.quantize', 'float32', [{ x: [2, -3, 0] }, { x: [1, 2] }]);
    isRef(q.raw[0]!.ok, 'int32', [3]);
    expect(q.values[0]).toEqual([2, -3, 0]);
    expect(q.raw[1]!.ok).toEqual([3e9, 2]);
  });
});

describe('reused frame buffers (the runner\'s session pool, serve-line\'s reply buffers and input scratch)', () => {
  it('40 large requests shrinking, then growing, two in flight: every reply is its own request\'s values, bit for bit', async () => {
    // each request (and reply) is larger than a pipe's 64 KiB, so part of it is still queued when the next
    // one is encoded, and a shrinking one fits in the buffer before it: a buffer reused before its write
    // completed would overwrite a pending tail
    const rnd = mulberry32(7);
    const impl = await connectLineProtocol(`node ${SERVE} ${MODULE}`, { ...DEFAULT_LINE_OPTIONS, timeoutMs: 20_000 });
    try {
      expect(impl.protocol).toBe(2);
      const sizes = [...Array.from({ length: 20 }, (_, r) => 300 - 10 * r), ...Array.from({ length: 20 }, (_, r) => 100 + 10 * r)];
      const batches = sizes.map((items) => Array.from({ length: items }, () => ({
        x: Array.from({ length: 200 }, () => Math.fround((rnd() - 0.5) * 2 ** Math.floor(rnd() * 40 - 20))),
      })));
      const pending = batches.map((b) => impl.callBatch('nn.softmax', 'float32', b)); // the session keeps two in flight
      const replies = await Promise.all(pending);
      replies.forEach((items, r) => {
        expect(items.length).toBe(batches[r]!.length);
        items.forEach((it, i) => expect(same((it as { ok: unknown }).ok, batches[r]![i]!.x), `request ${r}, item ${i}`).toBe(true));
      });
    } finally {
      await impl.close();
    }
  });
});

