/**
 * Protocol version 2 (binary frames, spec/protocol.md): negotiation in the hello, bit-exact
 * round trips of float32/float64 values (−0, subnormals, ±∞, NaN; NaN payloads through the Python
 * helper), exact integers, and every hostile frame — a wrong dtype, shape or length, a header that
 * lies about the blob, truncated blobs, EOF mid-frame, duplicated and garbage frames — ending in
 * `error` (or a restart), never in a pass. Short timeouts: the whole file runs in a few seconds.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { connectLineProtocol, type LineOptions } from '../../src/conform/line-protocol.js';
import { checkItem } from '../../src/conform/batched.js';
import { decodeFrameValue, encodeRequestFrame } from '../../src/conform/frame.js';
import { opById } from '../../src/ops/index.js';
import { runConform } from '../../src/conform/run.js';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { fromRoot } from '../../src/util/paths.js';
import type { Dtype } from '../../src/registry/types.js';

const adapter = (name: string) => fromRoot('test', 'conform', 'adapters', name);
const HOSTILE = `node ${adapter('hostile-v2.mjs')}`;
const PY = '/usr/bin/python3';
const hasNumpy = spawnSync(PY, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
const OPTS: LineOptions = { timeoutMs: 1500, helloTimeoutMs: 20_000, maxReplyBytes: 1 << 20, maxRestarts: 50, base64: false };
const softmax = opById('nn.softmax')!;

const f32 = (bits: number) => new Float32Array(new Uint32Array([bits]).buffer)[0]!;
/** float32 specials: −0, the smallest and largest subnormals, the smallest normal, the largest finite, ±∞, NaN. */
const SPECIAL32 = [0, -0, f32(0x00000001), f32(0x007fffff), f32(0x00800000), f32(0x7f7fffff), -f32(0x7f7fffff), Infinity, -Infinity, NaN, 1, Math.fround(0.1)];
const SPECIAL64 = [0, -0, 5e-324, 2.225073858507201e-308, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, NaN, 0.1, 1 / 3];

/** Element-wise identity including the sign of zero (NaN equals NaN). */
const same = (a: unknown, b: number[]) => Array.isArray(a) && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

async function call(plan: string, batch: Record<string, unknown>[], dtype: Dtype = 'float32', opts: Partial<LineOptions> = {}) {
  const impl = await connectLineProtocol(`${HOSTILE} ${plan}`, { ...OPTS, ...opts });
  try {
    const raw = await impl.callBatch('nn.softmax', dtype, batch);
    return { protocol: impl.protocol, items: raw.map((it, i) => checkItem('nn.softmax', batch[i], it, dtype)), events: [...impl.events], impl };
  } finally {
    await impl.close();
  }
}

describe('protocol version 2: negotiation', () => {
  it('is used when both sides offer it, and not when the runner or the program does not', async () => {
    const ok = await call('ok', [{ x: [1, 2, 3] }]);
    expect(ok.protocol).toBe(2);
    expect(ok.items[0]).toHaveProperty('ok');
    // the runner offers only version 1: the program must stay on JSON lines (hostile-v2 refuses them: an error)
    const v1 = await connectLineProtocol(`node ${fromRoot('clients', 'js', 'serve-line.mjs')} ${adapter('float64-reference.mjs')}`, { ...OPTS, maxProtocol: 1 });
    expect(v1.protocol).toBe(1);
    expect(await v1.callBatch('nn.softmax', 'float32', [{ x: [0, 0] }])).toEqual([{ ok: [0.5, 0.5] }]);
    await v1.close();
    // a program whose hello has no "protocols" (every version-1 program): version 1
    const old = await connectLineProtocol(`node ${adapter('hostile.mjs')} ok ok`, OPTS);
    expect(old.protocol).toBe(1);
    expect((await old.callBatch('nn.softmax', 'float32', [{ x: [0, 0] }]))[0]).toEqual({ ok: [0.5, 0.5] });
    await old.close();
  });

  it('a reply frame may carry version-1 values (a plain JSON line is a frame with no blob)', async () => {
    const r = await call('v1-line', [{ x: [0, 0] }]);
    expect(r.items).toEqual([{ ok: [0.5, 0.5] }]);
  });
});

describe('protocol version 2: bit-exact values', () => {
  it('the runner encodes and decodes −0, subnormals, ±∞ and NaN exactly (float32, float64, int32, int64)', () => {
    for (const [dtype, xs] of [['float32', SPECIAL32], ['float64', SPECIAL64]] as const) {
      const { header, blob } = encodeRequestFrame(1, 'nn.softmax', dtype, [{ x: xs }], softmax.tensors);
      const ref = JSON.parse(header).batch[0].x;
      expect(ref).toMatchObject({ dtype, shape: [xs.length], offset: 0 });
      expect(same(decodeFrameValue(ref, blob, softmax.result, dtype), xs)).toBe(true);
    }
    // a tensor at an unaligned offset, in a Buffer view (whose slice is not a copy) and in a plain Uint8Array: read exactly
    for (const [dtype, xs] of [['float32', SPECIAL32], ['float64', SPECIAL64]] as const) {
      const { blob } = encodeRequestFrame(1, 'nn.softmax', dtype, [{ x: [...xs, ...xs, ...xs] }], softmax.tensors);
      for (const shift of [1, 3]) {
        const chunk = Buffer.alloc(blob.length + shift + 5, 0xff);
        chunk.set(blob, shift);
        const ref = { dtype, shape: [3 * xs.length], offset: shift, nbytes: blob.length };
        expect(same(decodeFrameValue(ref, chunk.subarray(0), softmax.result, dtype), [...xs, ...xs, ...xs])).toBe(true);
        expect(same(decodeFrameValue(ref, new Uint8Array(chunk), softmax.result, dtype), [...xs, ...xs, ...xs])).toBe(true);
        // the same tensor inside a view that starts later in the chunk
        expect(same(decodeFrameValue({ ...ref, offset: 0 }, chunk.subarray(shift), softmax.result, dtype), [...xs, ...xs, ...xs])).toBe(true);
      }
    }
    // NaN in an int32 argument is not an integer: the tensor goes as version-1 JSON, never as a silent 0
    const ints = (xs: number[]) => JSON.parse(encodeRequestFrame(1, 'nn.softmax', 'float32', [{ x: xs }], { x: 'int' }).header).batch[0].x;
    expect(ints([1, 2 ** 31 - 1])).toMatchObject({ dtype: 'int32', offset: 0, nbytes: 8 });
    for (const bad of [[1, NaN], [1, 0.5], [2 ** 31, 1]]) expect(ints(bad)).not.toHaveProperty('offset');
    // a value that float32 cannot hold exactly is never rounded: that tensor goes as version-1 JSON
    const { header } = encodeRequestFrame(1, 'nn.softmax', 'float32', [{ x: [0.1, 1] }, { x: [0.5] }], softmax.tensors);
    const batch = JSON.parse(header).batch;
    expect(batch[0].x).toEqual({ dtype: 'float32', shape: [2], data: [0.1, 1] });
    expect(batch[1].x).toMatchObject({ dtype: 'float32', offset: expect.any(Number), nbytes: 4 });
    // integers: int64 exact up to 2^53 − 1, an error beyond (never a rounded number)
    const path = opById('seq.crf-viterbi')!.result;
    const big = new Uint8Array(new BigInt64Array([BigInt(Number.MAX_SAFE_INTEGER), -7n, 2n ** 53n + 1n]).buffer);
    const ref = (offset: number, n: number) => ({ path: { dtype: 'int64', shape: [n], offset, nbytes: 8 * n }, score: 0 });
    expect(decodeFrameValue(ref(0, 2), big, path, 'float32')).toEqual({ path: [Number.MAX_SAFE_INTEGER, -7], score: 0 });
    expect(() => decodeFrameValue(ref(16, 1), big, path, 'float32')).toThrow(/beyond 2\^53/);
    const i32 = new Uint8Array(new Int32Array([-(2 ** 31), 2 ** 31 - 1]).buffer);
    expect(decodeFrameValue({ path: { dtype: 'int32', shape: [2], offset: 0, nbytes: 8 }, score: 1 }, i32, path, 'float64')).toEqual({ path: [-(2 ** 31), 2 ** 31 - 1], score: 1 });
    // float tensors where the schema has integers, and integer tensors where it has floats, are errors
    expect(() => decodeFrameValue({ path: { dtype: 'float32', shape: [2], offset: 0, nbytes: 8 }, score: 1 }, i32, path, 'float32')).toThrow(/where the result has integers/);
    expect(() => decodeFrameValue({ dtype: 'int32', shape: [2], offset: 0, nbytes: 8 }, i32, softmax.result, 'float32')).toThrow(/where the result has float32/);
  });

  it('round trip through a program: a JS module returning typed arrays (serve-line.mjs)', async () => {
    const impl = await connectLineProtocol(`node ${fromRoot('clients', 'js', 'serve-line.mjs')} ${adapter('echo-typed.mjs')}`, OPTS);
    expect(impl.protocol).toBe(2);
    const [r] = await impl.callBatch('nn.softmax', 'float32', [{ x: SPECIAL32 }]);
    await impl.close();
    expect(same((r as { ok: unknown }).ok, SPECIAL32)).toBe(true);
  });

  it.runIf(hasNumpy)('round trip through the Python helper: ndarrays (bytes), and lists (JSON), float32 and float64', async () => {
    for (const mode of ['arrays', 'lists']) {
      const impl = await connectLineProtocol(`${PY} ${adapter('echo_v2.py')} ${mode}`, OPTS);
      expect(impl.protocol).toBe(2);
      for (const [dtype, xs] of [['float32', SPECIAL32], ['float64', SPECIAL64]] as const) {
        const [r] = await impl.callBatch('nn.softmax', dtype, [{ x: xs }]);
        expect(same((r as { ok: unknown }).ok, xs), `${mode} ${dtype}: ${JSON.stringify(r)}`).toBe(true);
      }
      await impl.close();
    }
  });

  it.runIf(hasNumpy)('the Python helper keeps every bit, NaN payloads included, and sends other dtypes as version 1', () => {
    const script = String.raw`
import json, struct, sys
sys.path.insert(0, sys.argv[1])
import numpy as np
import lemmata_protocol as lp
f32 = [0x00000000, 0x80000000, 0x00000001, 0x007fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fc12345, 0xffc00001, 0x7f800001, 0x3dcccccd]
f64 = [0x0, 0x8000000000000000, 0x1, 0x000fffffffffffff, 0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000, 0x7ff8000000abcdef, 0xfff0000000000001, 0x3fb999999999999a]
b32 = struct.pack("<%dI" % len(f32), *f32)
b64 = struct.pack("<%dQ" % len(f64), *f64)
blob = bytearray(b32 + b"\0" * (-len(b32) % 8) + b64)
o64 = len(b32) + (-len(b32) % 8)
def ref(dt, n, off):
    return {"dtype": dt, "shape": [n], "offset": off, "nbytes": n * (4 if dt == "float32" else 8)}
state = lp._State(); state.v2 = True
def run(fn, dtype, item, arrays=True):
    req = {"id": 1, "op": "nn.softmax", "dtype": dtype, "batch": [item], "blob": len(blob)}
    head, parts = lp._handle_request(req, "", {"nn.softmax": (fn, ["float32", "float64"])}, "", state, blob, arrays)
    h = json.loads(head)
    return h["results"][0], b"".join(parts)
for dtype, raw, item in (("float32", b32, {"x": ref("float32", len(f32), 0)}), ("float64", b64, {"x": ref("float64", len(f64), o64)})):
    r, out = run(lambda a, d: a["x"], dtype, item)
    ok = r["ok"]
    assert ok["dtype"] == dtype and ok["shape"] == [item["x"]["shape"][0]], r
    assert out[ok["offset"]:ok["offset"] + ok["nbytes"]] == raw, (dtype, out.hex(), raw.hex())
    # views are writable and not shared between items
    def scribble(a, d):
        a["x"][0] = 1.0
        return a["x"]
    run(scribble, dtype, item)
# a float64 ndarray in a float32 request: sent as version 1 sends it (JSON numbers), never as a rounded float32 tensor
r, out = run(lambda a, d: np.array([0.1, float("nan")], dtype=np.float64), "float32", {"x": ref("float32", 1, 0)})
assert r["ok"] == {"dtype": "float32", "shape": [2], "data": [0.1, "NaN"]}, r
# int64 results: exact bytes
r, out = run(lambda a, d: {"path": np.array([2**62, -3], dtype=np.int64), "score": float("-inf")}, "float64", {"x": ref("float32", 1, 0)})
p = r["ok"]["path"]
assert p["dtype"] == "int64" and struct.unpack("<2q", out[p["offset"]:p["offset"] + 16]) == (2**62, -3), r
assert r["ok"]["score"] == {"dtype": "float64", "shape": [], "data": ["-Infinity"]}, r
# a malformed reference in a request fails that item only
r, out = run(lambda a, d: a["x"], "float32", {"x": dict(ref("float32", 3, 0), nbytes=11)})
assert "error" in r and "needs 12 bytes" in r["error"], r
# lists mode: Python floats, non-finite included
r, out = run(lambda a, d: [type(v).__name__ for v in a["x"]], "float32", {"x": ref("float32", len(f32), 0)}, arrays=False)
assert r["ok"] == ["float"] * len(f32), r
print("OK")
`;
    const r = spawnSync(PY, ['-c', script, fromRoot('clients', 'python')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('OK');
  });
});

describe('protocol version 2: hostile frames end in error, never in a pass', () => {
  // [behaviour, message pattern]; every item of the request must be an error
  const cases: [string, RegExp][] = [
    ['wrong-dtype', /tensor of float64 where the result has float32/],
    ['unknown-dtype', /unknown tensor dtype/],
    ['wrong-shape', /invalid result from nn\.softmax: result: expected shape/],
    ['short-nbytes', /needs \d+ bytes, nbytes says/],
    ['outside-blob', /outside the \d+-byte blob/],
    ['negative-offset', /non-negative integers/],
    ['fraction-offset', /non-negative integers/],
    ['extra-ref-field', /unexpected field "data"/],
    ['blob-short', /timed out/],
    ['hang-mid-blob', /timed out/],
    ['blob-long', /protocol violation: output after the reply to request 1/],
    ['duplicate-frame', /protocol violation: output after the reply to request 1/],
    ['eof-mid-blob', /crashed with exit code 5/],
    ['eof-mid-header', /crashed with exit code 6/],
    ['huge-blob', /reply exceeds 1048576 bytes \(frame header announces a 1073741824-byte blob\)/],
    ['garbage-header', /malformed reply \(frame header not JSON\)/],
    ['not-object-header', /protocol violation: reply is not a JSON object/],
    ['bad-blob-field', /"blob" must be a non-negative integer/],
    ['negative-blob', /"blob" must be a non-negative integer/],
  ];
  for (const [behaviour, pattern] of cases) {
    it(behaviour, async () => {
      const r = await call(behaviour, [{ x: [1, 2, 3] }, { x: [0.5, -0.25] }], 'float32', { timeoutMs: /timed out/.test(pattern.source) ? 300 : OPTS.timeoutMs });
      expect(r.protocol).toBe(2);
      for (const it of r.items) {
        expect(it, behaviour).toHaveProperty('error');
        expect((it as { error: string }).error).toMatch(pattern);
      }
    });
  }

  it('integers where the result has floats are an error even when the values are right', async () => {
    const r = await call('int-dtype', [{ x: [3] }, { x: [-1] }], 'float64');
    for (const it of r.items) expect((it as { error: string }).error).toMatch(/tensor of int32 where the result has float64/);
  });

  it('after a violation the program is restarted, speaks version 2 again and is judged normally', async () => {
    const impl = await connectLineProtocol(`${HOSTILE} garbage-header,ok,blob-long,ok`, OPTS);
    try {
      const batch = [{ x: [1, 2] }];
      const out = [];
      for (let i = 0; i < 4; i++) out.push((await impl.callBatch('nn.softmax', 'float32', batch))[0]);
      expect(out.map((o) => ('ok' in o ? 'ok' : 'error'))).toEqual(['error', 'ok', 'error', 'ok']);
      expect(impl.protocol).toBe(2);
      expect(impl.events.filter((e) => /restarted/.test(e)).length).toBe(2);
    } finally {
      await impl.close();
    }
  });

  it('a conformance run against a right-valued reply of the wrong dtype ends in error, not pass; the correct program passes', async () => {
    const run = async (plan: string) => {
      const impl = await connectLineProtocol(`${HOSTILE} ${plan}`, OPTS);
      try {
        return (await runConform(CLAIM_MODULES, impl, { seed: 1, runs: 8, dtype: 'float32', batchSize: 8, shard: null, implFlag: '--impl-cmd hostile-v2', opsFilter: (op) => op === 'nn.softmax' })).properties;
      } finally {
        await impl.close();
      }
    };
    const bad = await run('wrong-dtype');
    expect(bad.length).toBeGreaterThan(0);
    for (const p of bad) expect(p.status, p.id).toBe('error');
    const good = await run('ok');
    expect(good.some((p) => p.status === 'pass')).toBe(true);
  }, 30_000);
});
