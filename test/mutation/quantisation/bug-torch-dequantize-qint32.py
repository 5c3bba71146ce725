# Real bug (PyTorch 1.13, Debian's python3-torch): Tensor.dequantize() of a per-tensor-affine qint32 tensor computes
# q − z in 32-bit integers, which wraps when |q − z| ≥ 2³¹ (e.g. q = 0, z = −2³¹, s = 1 gives −2147483648 instead of
# 2147483648). Other ranges use quint8 / qint8, which are exact. float32 only.
# lemmata-meta: {"op": "quant.dequantize", "kind": "bug", "class": "overflow (real library)", "description": "Tensor.dequantize() of a qint32 tensor: q − z wraps in int32"}
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import torch
import torch_adapter as ta
from lemmata_protocol import serve


def dequantize(args, dtype):
    q = [int(v) for v in args["q"]]
    if not q:
        return []
    zp = int(args["zeroPoint"])
    lo, hi = min(q + [zp]), max(q + [zp])
    if 0 <= lo and hi <= 255:
        it = torch.uint8
    elif -128 <= lo and hi <= 127:
        it = torch.int8
    else:
        it = torch.int32
    t = torch._make_per_tensor_quantized_tensor(torch.tensor(q, dtype=it), float(args["scale"]), zp)
    return t.dequantize().tolist()


OPS = {k: (v[0], ["float32"]) for k, v in ta.OPS.items() if k.startswith("quant.")}
OPS["quant.dequantize"] = (dequantize, ["float32"])

if __name__ == "__main__":
    serve("bug-torch-dequantize-qint32", OPS)
