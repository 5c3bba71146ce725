#!/usr/bin/python3
"""Generate ONNX backend node test data for Attention, RotaryEmbedding and the float8 QuantizeLinear /
DequantizeLinear tests from an ONNX checkout.

Usage:  /usr/bin/python3 scripts/gen-onnx-node-cases.py ONNX_REPO [OUT_DIR]

ONNX_REPO is a checkout (or a bare git directory: files are then read with `git show HEAD:path`) of
https://github.com/onnx/onnx; OUT_DIR defaults to test/data/onnx-node/generated. The case
generators (onnx/backend/test/case/node/attention.py, rotaryembedding.py, quantizelinear.py and
dequantizelinear.py: their float8 export functions only) and the reference
implementations they call (onnx/reference/ops/op_attention.py, op_rotary_embedding.py) are loaded
from ONNX_REPO at run time; nothing of ONNX is copied into lemmata. What this script supplies are
shims, so that the code runs with numpy 1.24 and Debian's onnx 1.12 (which has no onnx.reference):

  - `onnx.reference.op_run.OpRun`: an empty base class (the reference ops only subclass it);
  - `onnx.helper.tensor_dtype_to_np_dtype` when onnx lacks it (onnx.mapping's table);
  - `onnx.backend.test.case.node.expect(node, inputs, outputs, name, **kwargs)`: writes ONNX's
    standard layout `<name>/model.onnx` (one node, graph inputs/outputs named after the node's
    non-empty inputs/outputs, typed from the arrays) and `<name>/test_data_set_0/input_K.pb`,
    `output_K.pb` with onnx 1.12's helper and numpy_helper;
  - `onnx.backend.test.case.base.Base`: a plain base class.

It also writes two Attention cases of its own, `test_lemmata_attention_*` (GQA with a per-head mask;
causal with a cache and S != T), and four RotaryEmbedding cases, `test_lemmata_rope_*` (genuine cos/sin tables, computed in
float32 the way Hugging Face does; output by ONNX's reference op), since ONNX's RotaryEmbedding test
tables are random numbers that no rotary embedding produces.

Every `export_*` function runs after `np.random.seed(crc32(<module>.<function>))`, so the data is
reproducible (a function that seeds itself overrides that). A case that cannot be generated is
reported on stderr and listed in OUT_DIR/not-generated.txt with the reason.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import types
import zlib

import numpy as np
import onnx
from onnx import helper, numpy_helper

REAL_TENSOR_PROTO = onnx.TensorProto

SOURCES = {
    "attention": "onnx/backend/test/case/node/attention.py",
    "rotaryembedding": "onnx/backend/test/case/node/rotaryembedding.py",
    "quantizelinear": "onnx/backend/test/case/node/quantizelinear.py",
    "dequantizelinear": "onnx/backend/test/case/node/dequantizelinear.py",
}
# Only these export functions of a source run (the float8 QuantizeLinear / DequantizeLinear tests; the integer
# ones are in Debian's ONNX 1.12 test data already). A source not listed runs every export function.
ONLY = {
    "quantizelinear": lambda fn: "e4m3" in fn or "e5m2" in fn,
    "dequantizelinear": lambda fn: "e4m3" in fn or "e5m2" in fn,
}
# ONNX float8 data types (onnx >= 1.14; Debian's onnx 1.12 does not know them)
FLOAT8_TYPES = {"FLOAT8E4M3FN": 17, "FLOAT8E4M3FNUZ": 18, "FLOAT8E5M2": 19, "FLOAT8E5M2FNUZ": 20}
REFERENCE = {
    "onnx.reference.ops.op_attention": "onnx/reference/ops/op_attention.py",
    "onnx.reference.ops.op_rotary_embedding": "onnx/reference/ops/op_rotary_embedding.py",
}
# The opset an `expect` call without opset_imports records (ONNX uses the schema's since_version,
# which onnx 1.12 does not know for these operators).
SINCE_VERSION = {"Attention": 23, "RotaryEmbedding": 23, "QuantizeLinear": 19, "DequantizeLinear": 19}


def read_source(repo: str, rel: str) -> str:
    path = os.path.join(repo, rel)
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            return f.read()
    return subprocess.run(["git", "-C", repo, "show", f"HEAD:{rel}"], check=True, capture_output=True, text=True).stdout


def module(name: str, **attrs) -> types.ModuleType:
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    sys.modules[name] = m
    return m


def load(repo: str, name: str, rel: str) -> types.ModuleType:
    m = module(name)
    m.__file__ = os.path.join(repo, rel)
    exec(compile(read_source(repo, rel), m.__file__, "exec"), m.__dict__)
    return m


class Writer:
    def __init__(self, out: str) -> None:
        self.out = out
        self.names: set[str] = set()
        self.written: list[str] = []

    def expect(self, node, inputs, outputs, name, **kwargs) -> None:
        if name in self.names:
            raise ValueError(f"duplicate case name {name}")
        self.names.add(name)
        present_in = [x for x in node.input if x != ""]
        present_out = [x for x in node.output if x != ""]
        if len(present_in) != len(inputs) or len(present_out) != len(outputs):
            raise ValueError(f"{name}: {len(inputs)} inputs / {len(outputs)} outputs for node inputs {list(node.input)}, outputs {list(node.output)}")

        def tensor(arr, nm):
            if isinstance(arr, REAL_TENSOR_PROTO):  # a float8 tensor made by the make_tensor shim
                t = REAL_TENSOR_PROTO()
                t.CopyFrom(arr)
                t.name = nm
                return t
            a = np.asarray(arr)
            return numpy_helper.from_array(a, nm)

        def vi(arr, nm):
            t = tensor(arr, nm)
            return helper.make_tensor_value_info(nm, t.data_type, list(t.dims))

        graph = helper.make_graph([node], name, [vi(a, n) for a, n in zip(inputs, present_in)], [vi(a, n) for a, n in zip(outputs, present_out)])
        opsets = kwargs.get("opset_imports") or [helper.make_operatorsetid(node.domain, SINCE_VERSION[node.op_type])]
        model = helper.make_model(graph, producer_name="backend-test", opset_imports=opsets)
        top = max(o.version for o in opsets)
        model.ir_version = 10 if top >= 23 else 9 if top >= 19 else 8  # IR 9: float8 types
        d = os.path.join(self.out, name)
        if os.path.exists(d):
            shutil.rmtree(d)
        os.makedirs(os.path.join(d, "test_data_set_0"))
        with open(os.path.join(d, "model.onnx"), "wb") as f:
            f.write(model.SerializeToString())
        for k, (a, n) in enumerate(zip(inputs, present_in)):
            with open(os.path.join(d, "test_data_set_0", f"input_{k}.pb"), "wb") as f:
                f.write(tensor(a, n).SerializeToString())
        for k, (a, n) in enumerate(zip(outputs, present_out)):
            with open(os.path.join(d, "test_data_set_0", f"output_{k}.pb"), "wb") as f:
                f.write(tensor(a, n).SerializeToString())
        self.written.append(name)


def lemmata_rope_cases(writer: Writer, rotary_embedding) -> None:
    """lemmata's own RotaryEmbedding cases (names test_lemmata_rope_*): ONNX's test tables are random
    numbers, so these use genuine tables, computed in float32 as Hugging Face does (inv_freq =
    1 / base^(2i/r), freqs = pos * inv_freq, cos/sin of freqs), and ONNX's reference op for the output."""
    def tables(max_pos: int, r: int, base: float):
        inv_freq = (1.0 / (np.float32(base) ** (np.arange(0, r, 2, dtype=np.float32) / np.float32(r)))).astype(np.float32)
        freqs = np.outer(np.arange(max_pos, dtype=np.float32), inv_freq).astype(np.float32)
        return np.cos(freqs).astype(np.float32), np.sin(freqs).astype(np.float32)

    specs = [
        # name, x shape, num_heads (3-D), interleaved, rotary_embedding_dim, base, max_pos
        ("test_lemmata_rope_4d", (2, 3, 5, 8), None, 0, 0, 10000.0, 64),
        ("test_lemmata_rope_4d_interleaved", (2, 3, 5, 8), None, 1, 0, 10000.0, 64),
        ("test_lemmata_rope_3d_partial_dim", (2, 4, 2 * 16), 2, 0, 8, 500000.0, 128),
        ("test_lemmata_rope_head64_long_positions", (1, 2, 6, 64), None, 0, 0, 10000.0, 1024),
    ]
    for name, shape, heads, interleaved, rdim, base, max_pos in specs:
        np.random.seed(zlib.crc32(name.encode()))
        x = np.random.uniform(-2, 2, shape).astype(np.float32)
        B, S = shape[0], (shape[1] if len(shape) == 3 else shape[2])
        hd = shape[-1] if len(shape) == 4 else shape[-1] // heads
        r = rdim or hd
        pos = np.random.randint(0, max_pos, (B, S)).astype(np.int64)
        cos, sin = tables(max_pos, r, base)
        attrs = {"interleaved": interleaved}
        if rdim:
            attrs["rotary_embedding_dim"] = rdim
        if heads:
            attrs["num_heads"] = heads
        node = helper.make_node("RotaryEmbedding", inputs=["input", "cos_cache", "sin_cache", "position_ids"], outputs=["output"], **attrs)
        y = rotary_embedding(x, cos, sin, position_ids=pos, interleaved=interleaved, rotary_embedding_dim=rdim, num_heads=heads or 0)
        writer.expect(node, [x, cos, sin, pos], [y.astype(np.float32)], name)


def lemmata_attention_cases(writer: Writer, compute_attention) -> None:
    """lemmata's own Attention cases (names test_lemmata_attention_*) for mapper paths ONNX's tests leave
    out: grouped-query heads with a mask that differs per head (one case per query head, kv head
    floor(h * Hkv / Hq)), and is_causal with a cache and S != T (ONNX's offset s <= t + P). Output by
    ONNX's reference op."""
    name = "test_lemmata_attention_gqa_per_head_bool_mask"
    np.random.seed(zlib.crc32(name.encode()))
    B, Hq, Hkv, T, S, d = 2, 6, 2, 3, 5, 4
    Q = np.random.uniform(-1, 1, (B, Hq, T, d)).astype(np.float32)
    K = np.random.uniform(-1, 1, (B, Hkv, S, d)).astype(np.float32)
    V = np.random.uniform(-1, 1, (B, Hkv, S, d)).astype(np.float32)
    mask = np.random.rand(Hq, T, S) < 0.6
    mask[:, :, 0] = True  # every query keeps a key
    node = helper.make_node("Attention", inputs=["Q", "K", "V", "attn_mask"], outputs=["Y"])
    Y = compute_attention(Q, K, V, attn_mask=mask)[0]
    writer.expect(node, [Q, K, V, mask], [Y], name, opset_imports=[helper.make_opsetid("", 23)])

    name = "test_lemmata_attention_3d_causal_past_s_ne_t"
    np.random.seed(zlib.crc32(name.encode()))
    B, H, T, S, P, d = 1, 2, 2, 3, 4, 4
    Q = np.random.uniform(-1, 1, (B, T, H * d)).astype(np.float32)
    K = np.random.uniform(-1, 1, (B, S, H * d)).astype(np.float32)
    V = np.random.uniform(-1, 1, (B, S, H * d)).astype(np.float32)
    pk = np.random.uniform(-1, 1, (B, H, P, d)).astype(np.float32)
    pv = np.random.uniform(-1, 1, (B, H, P, d)).astype(np.float32)
    node = helper.make_node("Attention", inputs=["Q", "K", "V", "", "past_key", "past_value"], outputs=["Y"], is_causal=1, q_num_heads=H, kv_num_heads=H)
    Y = compute_attention(Q, K, V, past_key=pk, past_value=pv, is_causal=1, q_num_heads=H, kv_num_heads=H)[0]
    writer.expect(node, [Q, K, V, pk, pv], [Y], name, opset_imports=[helper.make_opsetid("", 23)])


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    repo = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "data", "onnx-node", "generated")
    os.makedirs(out, exist_ok=True)
    writer = Writer(out)

    # --- shims -------------------------------------------------------------------------------
    if not hasattr(helper, "tensor_dtype_to_np_dtype"):
        from onnx import mapping
        helper.tensor_dtype_to_np_dtype = lambda t: mapping.TENSOR_TYPE_TO_NP_TYPE[t]
    class OpRun:  # noqa: D401 - the reference ops only subclass it
        pass
    module("onnx.reference")
    module("onnx.reference.ops")
    module("onnx.reference.op_run", OpRun=OpRun)
    for name, rel in REFERENCE.items():
        load(repo, name, rel)
    class Base:
        pass
    module("onnx.backend.test.case.base", Base=Base)
    module("onnx.backend.test.case.node", expect=writer.expect)
    # float8: a TensorProto namespace with the FLOAT8* codes, and make_tensor for them (values -> byte codes,
    # ONNX's make_tensor default saturate = True; the test values are exact float8 values). The codes are
    # computed by the adapters' float8 helper (clients/python/lemmata_protocol.float8_cast), not by an oracle.
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clients", "python"))
    from lemmata_protocol import float8_cast
    real_tp, real_make_tensor = onnx.TensorProto, helper.make_tensor
    if not hasattr(real_tp, "FLOAT8E4M3FN"):
        tp = type("TensorProto", (), {k: getattr(real_tp, k) for k in dir(real_tp) if k.isupper()})
        for k, v in FLOAT8_TYPES.items():
            setattr(tp, k, v)
        fmt_of = {17: "E4M3FN", 18: "E4M3FNUZ", 19: "E5M2", 20: "E5M2FNUZ"}

        def make_tensor(name, data_type, dims, vals, raw=False):
            if data_type not in fmt_of:
                return real_make_tensor(name, data_type, dims, vals, raw)
            t = real_tp()
            t.name = name
            t.data_type = data_type
            t.dims.extend(dims)
            t.raw_data = bytes(int(c) for c in float8_cast(np.asarray(vals, dtype=np.float64).ravel(), fmt_of[data_type], True))
            return t
        onnx.TensorProto = tp
        helper.make_tensor = make_tensor

    failures: list[tuple[str, str]] = []
    for short, rel in SOURCES.items():
        m = load(repo, f"lemmata_onnx_cases.{short}", rel)
        classes = [c for c in vars(m).values() if isinstance(c, type) and issubclass(c, Base) and c is not Base]
        for cls in classes:
            for fn in sorted(k for k in vars(cls) if k.startswith("export") and ONLY.get(short, lambda _: True)(k)):
                np.random.seed(zlib.crc32(f"{short}.{fn}".encode()))
                try:
                    getattr(cls, fn)()
                except Exception as e:  # noqa: BLE001 - reported, not hidden
                    failures.append((f"{short}.{fn}", f"{type(e).__name__}: {e}"))
                    print(f"not generated: {short}.{fn}: {type(e).__name__}: {e}", file=sys.stderr)
    lemmata_rope_cases(writer, sys.modules["onnx.reference.ops.op_rotary_embedding"].rotary_embedding)
    lemmata_attention_cases(writer, sys.modules["onnx.reference.ops.op_attention"]._compute_attention)
    with open(os.path.join(out, "not-generated.txt"), "w", encoding="utf-8") as f:
        for fn, why in failures:
            f.write(f"{fn}\t{why}\n")
    print(f"wrote {len(writer.written)} cases to {out}; {len(failures)} export functions failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
