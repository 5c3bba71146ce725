/**
 * Vectorised batches in the Python helper (clients/python/lemmata_protocol.py, "Vectorised
 * batches"): under protocol version 2 an adapter that declares `vectorise` has the same-shape items
 * of a request stacked and computed in one call. The results must be those of the per-item path bit
 * for bit (the NumPy adapter's softmax on the property's own inputs and on special values), errors
 * must stay per item, and a false declaration must be caught by the same comparison.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { connectLineProtocol, type LineOptions } from '../../src/conform/line-protocol.js';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { castFloats } from '../../src/properties/gen-helpers.js';
import { fromRoot } from '../../src/util/paths.js';
import type { Dtype } from '../../src/registry/types.js';
import type { BatchItem } from '../../src/conform/async-impl.js';

const PY = '/usr/bin/python3';
const NUMPY = `${PY} ${fromRoot('clients', 'python', 'numpy_adapter.py')}`;
const OPTS: LineOptions = { timeoutMs: 20_000, helloTimeoutMs: 20_000, maxReplyBytes: 1 << 26, maxRestarts: 2, base64: false };
// NumPy is required: without it the adapter's handshake fails and so does this test (never skipped)

const f32 = (bits: number) => new Float32Array(new Uint32Array([bits]).buffer)[0]!;
const SPECIAL32 = [0, -0, f32(0x00000001), f32(0x007fffff), f32(0x7f7fffff), -f32(0x7f7fffff), Infinity, -Infinity, NaN, 1, Math.fround(0.1), -104.5];

async function results(command: string, dtype: Dtype, batches: Record<string, unknown>[][]): Promise<BatchItem[]> {
  const impl = await connectLineProtocol(command, OPTS);
  try {
    expect(impl.protocol).toBe(2);
    const out: BatchItem[] = [];
    for (const b of batches) out.push(...await impl.callBatch('nn.softmax', dtype, b));
    return out;
  } finally {
    await impl.close();
  }
}

/** Indices where two result lists differ (element-wise Object.is: −0 and NaN count). */
function differing(a: BatchItem[], b: BatchItem[]): number[] {
  const bad: number[] = [];
  a.forEach((x, i) => {
    const y = b[i]!;
    const xs = 'ok' in x ? x.ok as number[] : null, ys = 'ok' in y ? y.ok as number[] : null;
    if (!xs || !ys || xs.length !== ys.length || xs.some((v, j) => !Object.is(v, ys[j]))) bad.push(i);
  });
  return bad;
}

const prop = CLAIM_MODULES.find((m) => m.id === 'ret.teacher-softmax')!.properties.find((p) => p.name === 'conformance')!;
function generated(dtype: Dtype, n: number, seed: number): Record<string, unknown>[][] {
  const xs = (fc.sample(prop.arbitrary, { seed, numRuns: n }) as { x: number[] }[]).map(({ x }) => ({ x: castFloats(x, dtype) }));
  // the special values in same-shape groups: all of them, and each alone in a row of ones
  for (let r = 0; r < 3; r++) xs.push({ x: [...SPECIAL32] });
  for (const v of SPECIAL32) xs.push({ x: [v, 1, 1, 1] });
  const out: Record<string, unknown>[][] = [];
  for (let i = 0; i < xs.length; i += 256) out.push(xs.slice(i, i + 256));
  return out;
}

describe('vectorised batches (Python helper, protocol version 2)', () => {
  it('the NumPy adapter\'s grouped softmax equals its per-item softmax bit for bit (generated inputs and special values, float32 and float64)', async () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const batches = generated(dtype, 600, 7);
      const vec = await results(NUMPY, dtype, batches);
      const item = await results(`env LEMMATA_VECTORISE=0 ${NUMPY}`, dtype, batches);
      expect(vec.every((r) => 'ok' in r), `${dtype}: ${JSON.stringify(vec.find((r) => !('ok' in r)))}`).toBe(true);
      expect(differing(vec, item), dtype).toEqual([]);
    }
  }, 60_000);

  it('a false vectorise declaration is caught by the same comparison (the test can fail)', async () => {
    const batches = generated('float32', 200, 8);
    const wrong = await results(`${PY} ${fromRoot('test', 'conform', 'adapters', 'wrong_vectorise.py')}`, 'float32', batches);
    const item = await results(`env LEMMATA_VECTORISE=0 ${PY} ${fromRoot('test', 'conform', 'adapters', 'wrong_vectorise.py')}`, 'float32', batches);
    expect(differing(wrong, item).length).toBeGreaterThan(10);
  }, 60_000);

  it('grouping: one call per same-shape group with equal other arguments; NaN payloads kept; errors, odd results and malformed references fall back to the per-item path', () => {
    const script = String.raw`
import json, struct, sys
sys.path.insert(0, sys.argv[1])
import numpy as np
import lemmata_protocol as lp
state = lp._State(); state.v2 = True
calls = []
def ref(dt, n, off, size=4):
    return {"dtype": dt, "shape": [n], "offset": off, "nbytes": n * size}
def run(fn, batch, blob, vec={"nn.softmax": ("x",)}, dtype="float32"):
    req = {"id": 1, "op": "nn.softmax", "dtype": dtype, "batch": batch, "blob": len(blob)}
    head, parts = lp._handle_request(req, "", {"nn.softmax": (fn, ["float32", "float64"])}, "", state, blob, True, vec)
    return json.loads(head)["results"], b"".join(parts)
def got(r, out):
    o = r["ok"]
    return out[o["offset"]:o["offset"] + o["nbytes"]] if isinstance(o, dict) else o
# eight float32 tensors: four of length 3, three of length 2, one of length 5; NaN payloads in them
vals = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [0, -1, 2], [1, 1], [2, 2], [3, 3], [1, 2, 3, 4, 5]]
bits = []
blob = bytearray()
refs = []
for v in vals:
    refs.append(ref("float32", len(v), len(blob)))
    raw = struct.pack("<%df" % len(v), *v)
    blob += raw + b"\0" * (-len(raw) % 8)
struct.pack_into("<I", blob, refs[1]["offset"] + 4, 0x7fc12345)  # a NaN payload
def echo(a, d):
    calls.append(np.shape(a["x"]))
    return a["x"] * 1  # a copy: the bits as they are
batch = [{"x": r} for r in refs]
res, out = run(echo, batch, blob)
assert sorted(calls) == sorted([(4, 3), (3, 2), (5,)]), calls
for r, ref_ in zip(res, refs):
    assert got(r, out) == bytes(blob[ref_["offset"]:ref_["offset"] + ref_["nbytes"]]), (r, ref_)
# other arguments split groups; an argument that differs gives its own call
calls.clear()
res, out = run(echo, [{"x": refs[0], "t": 1}, {"x": refs[1], "t": 1}, {"x": refs[2], "t": 2}, {"x": refs[3], "t": 2}], blob)
assert sorted(calls) == [(2, 3), (2, 3)], calls
# the group's call raises: every item goes through the per-item path and reports its own result or error
calls.clear()
def picky(a, d):
    calls.append(np.shape(a["x"]))
    if np.ndim(a["x"]) > 1:
        raise ValueError("no stacks")
    if a["x"][0] == 4:
        raise ValueError("not this one")
    return a["x"] * 1
res, out = run(picky, batch[:4], blob)
assert calls == [(4, 3), (3,), (3,), (3,), (3,)], calls
assert [("error" in r) for r in res] == [False, True, False, False], res
assert "not this one" in res[1]["error"]
# results that are not k rows of the request's dtype: per item
for bad in (lambda a, d: a["x"][0], lambda a, d: a["x"].astype(np.float64), lambda a, d: [1.0, 2.0]):
    res, out = run(bad, batch[:2], blob)
    assert all("ok" in r for r in res), res
# a malformed reference in a group: that item fails, the others are computed (per item)
res, out = run(echo, [{"x": refs[0]}, {"x": dict(refs[1], nbytes=11)}, {"x": refs[2]}], blob)
assert "ok" in res[0] and "error" in res[1] and "ok" in res[2], res
assert got(res[2], out) == bytes(blob[refs[2]["offset"]:refs[2]["offset"] + 12])
# an unaligned offset: per item, still right
ub = bytearray(4) + blob
res, out = run(echo, [{"x": dict(refs[0], offset=refs[0]["offset"] + 4)}, {"x": dict(refs[1], offset=refs[1]["offset"] + 4)}], ub)
assert got(res[0], out) == bytes(blob[refs[0]["offset"]:refs[0]["offset"] + 12])
# shape [] and hashing-hostile items go item by item
res, out = run(lambda a, d: np.float32(2) * a["x"], [{"x": {"dtype": "float32", "shape": [], "offset": 0, "nbytes": 4}}] * 2 + [{"x": {"dtype": ["x"], "shape": [[1]], "offset": 0, "nbytes": 4}}, 5], blob)
assert res[0] == {"ok": 2.0} and res[1] == {"ok": 2.0} and "error" in res[2] and "error" in res[3], res
# without the declaration (or with LEMMATA_VECTORISE=0 in serve): one call per item
calls.clear()
run(echo, batch, blob, vec=None)
assert len(calls) == len(batch), calls
# serve rejects a declaration for an op it does not define
try:
    lp._validate_vectorise({"nn.gelu": ["x"]}, {"nn.softmax": (echo, ["float32"])})
    raise SystemExit("accepted an undefined op")
except ValueError:
    pass
print("OK")
`;
    const r = spawnSync(PY, ['-c', script, fromRoot('clients', 'python')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('OK');
  });
});
