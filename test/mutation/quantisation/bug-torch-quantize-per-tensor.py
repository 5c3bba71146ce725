# Real bug (PyTorch 1.13, Debian's python3-torch): torch.quantize_per_tensor converts zero_point + nearbyint(x·(1/s)) to
# int64 BEFORE clamping; for |x/s| ≥ 2⁶³ (or ±∞) the conversion is undefined and x86 yields INT64_MIN, so huge positive
# values quantise to q_min instead of q_max (e.g. x = 3.4e38, s = 0.5, quint8: 0 instead of 255). Narrower ranges are
# clamped after the library call (clamp ∘ clamp = clamp). float32 only (the kernel refuses float64).
# lemmata-meta: {"op": "quant.quantize", "kind": "bug", "class": "overflow (real library)", "description": "torch.quantize_per_tensor: float → int64 conversion before the clamp, +huge → q_min"}
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import torch
import torch_adapter as ta
from lemmata_protocol import serve


def quantize(args, dtype):
    x = [float(v) for v in args["x"]]
    if not x:
        return []
    qmin, qmax, zp = int(args["qmin"]), int(args["qmax"]), int(args["zeroPoint"])
    if 0 <= qmin and qmax <= 255:
        qd = torch.quint8
    elif -128 <= qmin and qmax <= 127:
        qd = torch.qint8
    else:
        qd = torch.qint32
    q = torch.quantize_per_tensor(torch.tensor(x, dtype=torch.float32), float(args["scale"]), zp, qd)
    return torch.clamp(q.int_repr().to(torch.int64), qmin, qmax).tolist()


OPS = {k: (v[0], ["float32"]) for k, v in ta.OPS.items() if k.startswith("quant.")}
OPS["quant.quantize"] = (quantize, ["float32"])

if __name__ == "__main__":
    serve("bug-torch-quantize-per-tensor", OPS)
