"""PyTorch (CPU) implementation of the lemmata ops, spoken over the line protocol.

    npx lemmata conform --impl-cmd "/usr/bin/python3 clients/python/torch_adapter.py"

Every op computes with torch tensors of the request's dtype (torch.float32 or torch.float64) on
the CPU, single-threaded for reproducibility, and returns the result tensor: the helper sends its
bytes under protocol version 2 (np.asarray of the tensor, bit for bit) and `tensor.tolist()` under
version 1 (a float32 tensor's tolist() gives the exact float32 values as Python floats). Served
with `arrays=True`: tensor arguments arrive as ndarrays (nested lists from check_fixtures.py). The text.bpe-* ops are not offered:
torch has no BPE. Written for torch 1.13 (no F.scaled_dot_product_attention yet).
"""

import math
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the adapter
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# One BLAS/OpenMP thread: reproducible reductions (set before the library loads its BLAS).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from lemmata_protocol import serve  # noqa: E402
import torch_window_shapes as _window_shapes  # noqa: E402

torch.set_num_threads(1)

NAME = "torch-%s-cpu" % torch.__version__.split("+")[0]
# Sleef-vectorised exp/log on the CPU are within 1 ulp; 4 is the protocol default and what we claim.
# CPU kernels keep subnormals (PyTorch does not set FTZ/DAZ unless torch.set_flush_denormal(True)).
PROFILE = {"elementaryUlps": 4, "flushToZero": False}

_DTYPES = {"float32": torch.float32, "float64": torch.float64}
BOTH = ["float32", "float64"]


def _t(values, dtype):
    # values: an ndarray (serve(..., arrays=True)) or nested lists (check_fixtures.py); copied
    return torch.tensor(values, dtype=_DTYPES[dtype])


def _scalar(value, dtype):
    """A 0-d tensor of the request's dtype, so scalar arithmetic happens in that dtype."""
    return torch.tensor(float(value), dtype=_DTYPES[dtype])


def softmax(args, dtype):
    x = _t(args["x"], dtype)
    if x.numel() == 0:
        return []
    return torch.softmax(x, dim=0)


def sdpa(args, dtype):
    q_rows, k_rows, v_rows = args["q"], args["k"], args["v"]
    T, S = len(q_rows), len(k_rows)
    if T == 0:
        return []
    if S == 0:
        return [[] for _ in range(T)]
    q, k, v = _t(q_rows, dtype), _t(k_rows, dtype), _t(v_rows, dtype)
    d = q.shape[1]
    # Divide by √d (as written in the formula, like the reference) rather than multiply by 1/√d.
    scores = torch.matmul(q, k.transpose(0, 1)) / torch.sqrt(_scalar(d, dtype))
    if args.get("causal"):
        if T != S:
            raise ValueError("causal attention needs T = S (got T=%d, S=%d)" % (T, S))
        # −∞ above the diagonal, as nn.MultiheadAttention's float masks do; the tfjs reference
        # uses the lowest finite float32 instead, which gives the same softmax (exp underflows to 0,
        # and every row keeps its diagonal).
        above = torch.ones(T, S, dtype=torch.bool).triu(diagonal=1)
        scores = scores.masked_fill(above, float("-inf"))
    return torch.matmul(torch.softmax(scores, dim=-1), v)


def layernorm(args, dtype):
    rows = args["x"]
    if len(rows) == 0:
        return []
    x = _t(rows, dtype)
    D = x.shape[-1]
    # F.layer_norm: biased (1/D) variance, ε inside the square root — the convention A of the spec.
    # Its CPU kernel computes rstd = 1/√(σ² + ε) and then y = (x·rstd − μ·rstd)·γ + β (fused),
    # not (x − μ)/√(σ² + ε); the difference is rounding only.
    return F.layer_norm(x, (D,), weight=_t(args["gamma"], dtype), bias=_t(args["beta"], dtype),
                        eps=float(args["eps"]))


def variance(args, dtype):
    x = _t(args["x"], dtype)
    correction = int(args["correction"])
    if correction not in (0, 1):
        raise ValueError("correction must be 0 or 1")
    if x.numel() - correction <= 0:
        return math.nan  # torch.var gives nan here too, with a warning
    # torch.var's default is unbiased=True (1/(n−1)); pass the correction explicitly.
    return torch.var(x, unbiased=bool(correction)).item()


def ridge_solve(args, dtype):
    rows = args["X"]
    m = len(rows)
    n = len(rows[0]) if m > 0 else 0
    if n == 0:
        return []
    X = _t(rows, dtype)
    y = _t(args["y"], dtype)
    A = torch.matmul(X.transpose(0, 1), X) + _scalar(args["lambda"], dtype) * torch.eye(n, dtype=_DTYPES[dtype])
    b = torch.matmul(X.transpose(0, 1), y)
    # LAPACK getrf/getrs (LU with partial pivoting) in the request's dtype; raises on singular A.
    return torch.linalg.solve(A, b)


# Affine quantisation. torch.round rounds half to even, like the reference.
#
# torch's own torch.quantize_per_tensor(x, scale, zero_point, torch.qint8 / torch.quint8) is not
# used: it only takes float32 input and the fixed ranges [−128, 127] / [0, 255] (qmin/qmax here are
# arbitrary), and it (fbgemm, and ATen's fallback) computes q = z + nearbyint(x · fl(1/s)) —
# multiplication by the float32 reciprocal of the scale instead of division by the scale, which can
# land on the other side of a .5 tie and give a q one off from clamp(round(x/s) + z).
# torch.dequantize likewise computes in its own way (vectorised: fma(q, s, −z·s) with z·s
# pre-multiplied), not s·(q − z).

def affine_params(args, dtype):
    qmin, qmax = int(args["qmin"]), int(args["qmax"])
    if qmax <= qmin:
        raise ValueError("need qmin < qmax")
    zero = _scalar(0.0, dtype)
    lo = torch.minimum(_scalar(args["xmin"], dtype), zero)
    hi = torch.maximum(_scalar(args["xmax"], dtype), zero)
    s = (hi - lo) / _scalar(qmax - qmin, dtype)
    if s.item() == 0:
        return {"scale": 1.0, "zeroPoint": 0}
    z = torch.clamp(_scalar(qmin, dtype) - torch.round(lo / s), qmin, qmax)
    return {"scale": s.item(), "zeroPoint": int(z.item())}


def quantize(args, dtype):
    x = _t(args["x"], dtype)
    if x.numel() == 0:
        return []
    q = torch.round(x / _scalar(args["scale"], dtype)) + _scalar(int(args["zeroPoint"]), dtype)
    q = torch.clamp(q, int(args["qmin"]), int(args["qmax"]))
    if torch.isnan(q).any():
        raise ValueError("quantize: x/scale is NaN, no integer to return")
    return q.to(torch.int64)


def dequantize(args, dtype):
    q = _t(args["q"], dtype)
    if q.numel() == 0:
        return []
    return (q - _scalar(int(args["zeroPoint"]), dtype)) * _scalar(args["scale"], dtype)


def conv2d_shape(args, dtype):
    # dilation, explicit asymmetric pads, ONNX auto_pad: clients/python/torch_window_shapes.py (real F.conv2d)
    return _window_shapes.conv2d_shape(args, _DTYPES[dtype])


def pool2d_shape(args, dtype):
    # F.max_pool2d with dilation, padding / F.pad, ceil_mode: clients/python/torch_window_shapes.py
    return _window_shapes.pool2d_shape(args, _DTYPES[dtype])


def lora_merge(args, dtype):
    # PEFT-style merge as one GEMM accumulating onto W0: addmm(W0, B, A, alpha = lora_alpha / r)
    t = _DTYPES[dtype]
    w0, b, a = (torch.tensor(args[k], dtype=t) for k in ("w0", "b", "a"))
    return torch.addmm(w0, b, a, alpha=float(args["alpha"]) / a.shape[0]).tolist()


def _crf_tensors(args, dtype):
    A_rows = args["transitions"]
    L = len(A_rows)
    if L < 1 or any(len(r) != L for r in A_rows):
        raise ValueError("crf: transitions must be L×L with L ≥ 1")
    E_rows = args["emissions"]
    if any(len(r) != L for r in E_rows):
        raise ValueError("crf: emissions must be T×L")
    start, end = args.get("start"), args.get("end")
    for nm, vec in (("start", start), ("end", end)):
        if vec is not None and len(vec) != L:
            raise ValueError("crf: %s must have L entries" % nm)
    E = _t(E_rows, dtype) if len(E_rows) else None  # len(): E_rows may be an ndarray
    return (E, _t(A_rows, dtype), None if start is None else _t(start, dtype),
            None if end is None else _t(end, dtype))


def crf_viterbi(args, dtype):
    E, A, start, end = _crf_tensors(args, dtype)
    if E is None:
        return {"path": [], "score": 0.0}
    T = E.shape[0]
    delta = E[0] if start is None else start + E[0]
    backpointers = []
    for t in range(1, T):
        cand = delta.unsqueeze(1) + A  # cand[i][j] = δ[i] + A[i][j]
        best, arg = torch.max(cand, dim=0)
        backpointers.append(arg)
        delta = best + E[t]
    if end is not None:
        delta = delta + end
    score, last = torch.max(delta, dim=0)
    path = [int(last)]
    for bp in reversed(backpointers):
        path.append(int(bp[path[-1]]))
    path.reverse()
    return {"path": path, "score": score.item()}


def crf_logz(args, dtype):
    E, A, start, end = _crf_tensors(args, dtype)
    if E is None:
        return 0.0
    alpha = E[0] if start is None else start + E[0]
    for t in range(1, E.shape[0]):
        # torch.logsumexp subtracts the max internally (and copes with −∞ maxima).
        alpha = torch.logsumexp(alpha.unsqueeze(1) + A, dim=0) + E[t]
    if end is not None:
        alpha = alpha + end
    return torch.logsumexp(alpha, dim=0).item()


OPS = {
    "nn.softmax": (softmax, BOTH),
    "attn.sdpa": (sdpa, BOTH),
    "norm.layernorm": (layernorm, BOTH),
    "stats.variance": (variance, BOTH),
    "reg.ridge-solve": (ridge_solve, BOTH),
    "quant.affine-params": (affine_params, BOTH),
    "quant.quantize": (quantize, BOTH),
    "quant.dequantize": (dequantize, BOTH),
    "cnn.conv2d-shape": (conv2d_shape, BOTH),
    "cnn.pool2d-shape": (pool2d_shape, BOTH),
    "peft.lora-merge": (lora_merge, BOTH),
    "seq.crf-viterbi": (crf_viterbi, BOTH),
    "seq.crf-logz": (crf_logz, BOTH),
}

if __name__ == "__main__":
    serve(NAME, OPS, PROFILE, arrays=True)
