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

from lemmata_protocol import crf_check, quant_layout, serve, float8_cast, float8_value  # noqa: E402
import torch_window_shapes as _window_shapes  # noqa: E402
import torch_transpose_shapes as _transpose_shapes  # noqa: E402

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



def linear_attention(args, dtype):
    """attn.linear: kernelised attention with sim(q, k) = (q·k + 1)², the quadratic algorithm in torch:
    W = (QKᵀ + 1)², lower triangle when causal, then (W V) / (W 1)."""
    q_rows, k_rows, v_rows = args["q"], args["k"], args["v"]
    T, S = len(q_rows), len(k_rows)
    if T == 0:
        return []
    q, k, v = _t(q_rows, dtype), _t(k_rows, dtype), _t(v_rows, dtype)
    w = torch.square(torch.matmul(q, k.transpose(0, 1)) + 1)
    if args.get("causal"):
        if T != S:
            raise ValueError("causal attention needs T = S (got T=%d, S=%d)" % (T, S))
        w = torch.tril(w)
    return torch.matmul(w, v) / w.sum(dim=-1, keepdim=True)

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
# torch's own torch.quantize_per_tensor / quantize_per_channel are used where they express the request
# (_torch_quantizer below: float32, the quint8 / qint8 / qint32 ranges, per tensor or per axis); they
# (fbgemm, and ATen's fallback) compute q = z + nearbyint(x · fl(1/s)) — multiplication by the float32
# reciprocal of the scale, an algorithm the quant.quantize bound admits (either neighbour of a near-tie).
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


# torch's own quantisers where they express the request: float32 input, the ranges of torch.quint8 [0, 255],
# torch.qint8 [-128, 127] and torch.qint32, per tensor (torch.quantize_per_tensor) or per axis
# (torch.quantize_per_channel; scales as float64, zero points as int64, the input reshaped to `shape`).
# Everything else is declared and computed by the tensor arithmetic below: float64 requests (the kernels refuse
# float64 input), other integer ranges (int4, uint4, int16, uint16, int2, uint2 and the narrow ones: torch 1.13
# has no such quantized dtypes) and blocked layouts (no blocked quantizer in torch 1.13). float8 formats are refused:
# torch 1.13 has no float8 dtype, so nothing of torch's would be tested (the mutation corpus' zoo composes torch's
# quotient with lemmata_protocol.float8_cast through quantize_arith / dequantize_arith; that is not a peer result).
_TORCH_QTYPES = {(0, 255): torch.quint8, (-128, 127): torch.qint8, (-2 ** 31, 2 ** 31 - 1): torch.qint32}


def _torch_quantizer(args, dtype, n):
    qd = _TORCH_QTYPES.get((int(args["qmin"]), int(args["qmax"])))
    if dtype != "float32" or qd is None or args.get("format") or args.get("blockSize"):
        return None
    x = torch.tensor([float(v) for v in args["x"]], dtype=torch.float32)
    if args.get("axis") is None or args.get("scales") is None:
        q = torch.quantize_per_tensor(x, float(args["scale"]), int(args["zeroPoint"]), qd)
        return q.int_repr().to(torch.int64).reshape(-1)
    shape = [int(d) for d in (args.get("shape") or [n])]
    ax = int(args["axis"])
    ax = ax + len(shape) if ax < 0 else ax
    zps = args.get("zeroPoints") or [0] * len(args["scales"])
    q = torch.quantize_per_channel(x.reshape(shape), torch.tensor([float(v) for v in args["scales"]], dtype=torch.float64),
                                   torch.tensor([int(v) for v in zps], dtype=torch.int64), ax, qd)
    return q.int_repr().to(torch.int64).reshape(-1)


_NO_FLOAT8 = "torch 1.13 has no float8 dtype: float8 formats are not served by this peer (exclude quant.type-table)"


def quantize(args, dtype):
    if args.get("format"):
        raise ValueError(_NO_FLOAT8)
    if not len(args["x"]):
        return []
    own = _torch_quantizer(args, dtype, len(args["x"]))
    return own if own is not None else quantize_arith(args, dtype)


def quantize_arith(args, dtype):
    """clamp(torch.round(x/s) + z) in tensor arithmetic (the declared fallback; also the mutation corpus' zoo form)."""
    x = _t(args["x"], dtype)
    if x.numel() == 0:
        return []
    lay = quant_layout(args, x.numel())
    if args.get("format"):
        # float8 output (ONNX QuantizeLinear), zoo form only: torch's quotient in the dtype, then
        # lemmata_protocol.float8_cast (torch 1.13 has no float8 dtype; the peer's quantize refuses formats)
        t = x / (_t(lay[0], dtype) if lay is not None else _scalar(args["scale"], dtype))
        return float8_cast(t.numpy(), args["format"], args.get("saturate", True) is not False)
    if lay is not None:
        q = torch.round(x / _t(lay[0], dtype)) + _t(lay[1], dtype)
    else:
        q = torch.round(x / _scalar(args["scale"], dtype)) + _scalar(int(args["zeroPoint"]), dtype)
    q = torch.clamp(q, int(args["qmin"]), int(args["qmax"]))
    if torch.isnan(q).any():
        raise ValueError("quantize: x/scale is NaN, no integer to return")
    return q.to(torch.int64)


def dequantize(args, dtype):
    if args.get("format"):
        raise ValueError(_NO_FLOAT8)
    return dequantize_arith(args, dtype)


def dequantize_arith(args, dtype):
    """(q − z)·s in tensor arithmetic; float8 codes decoded by lemmata_protocol.float8_value (zoo form only)."""
    q = _t(args["q"], dtype)
    if q.numel() == 0:
        return []
    lay = quant_layout(args, q.numel())
    if args.get("format"):
        v = _t(float8_value(args["q"], args["format"]), dtype)
        return v * (_t(lay[0], dtype) if lay is not None else _scalar(args["scale"], dtype))
    if lay is not None:
        return (q - _t(lay[1], dtype)) * _t(lay[0], dtype)
    return (q - _scalar(int(args["zeroPoint"]), dtype)) * _scalar(args["scale"], dtype)


def int_gemm(args, dtype):
    # exact int64 matmul of the zero-point-shifted codes
    X = torch.tensor(args["X"], dtype=torch.int64)
    W = torch.tensor(args["W"], dtype=torch.int64)
    return torch.matmul(X - int(args["zx"]), W - int(args["zw"]))


def ste_grad(args, dtype):
    # torch.fake_quantize_per_tensor_affine's autograd backward: the clipped straight-through mask
    x = torch.tensor(args["x"], dtype=torch.float32, requires_grad=True)
    if x.numel() == 0:
        return []
    y = torch.fake_quantize_per_tensor_affine(x, float(args["scale"]), int(args["zeroPoint"]), int(args["qmin"]), int(args["qmax"]))
    y.sum().backward()
    return x.grad.to(torch.float64)


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
    crf_check(args)
    A_rows, E_rows, start, end = args["transitions"], args["emissions"], args.get("start"), args.get("end")
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


# fourier.*: complex values travel as [re, im] pairs (torch.view_as_real layout); torch.fft computes in
# complex64 for float32 and complex128 for float64 (pocketfft on the CPU), normalisation "backward".
def fourier_dft(args, dtype):
    x = _t(args["x"], dtype).reshape(-1, 2)
    if x.shape[0] == 0:
        return []
    return torch.view_as_real(torch.fft.fft(torch.view_as_complex(x.contiguous())))


def fourier_rfft(args, dtype):
    x = _t(args["x"], dtype).reshape(-1)
    if x.numel() == 0:
        return []
    return torch.view_as_real(torch.fft.rfft(x))


def fourier_stft(args, dtype):
    """torch.stft with the declared conventions: periodic Hann (torch.hann_window default), center=False
    (torch's default center=True would pad by nFft/2 with reflection), onesided, return_complex; [K, T] → [T, K, 2]."""
    x = _t(args["x"], dtype).reshape(-1)
    n_fft, hop = int(args["nFft"]), int(args["hop"])
    if x.numel() < n_fft:
        return []
    w = torch.hann_window(n_fft, periodic=True, dtype=_DTYPES[dtype])
    s = torch.stft(x, n_fft, hop_length=hop, win_length=n_fft, window=w, center=False, onesided=True, return_complex=True)
    return torch.view_as_real(s.transpose(0, 1).contiguous())


# --- attn.attention, attn.rope, attn.sinusoidal-pe ---------------

def attention(args, dtype):
    """The general form the way PyTorch 2's scaled_dot_product_attention computes it (torch 1.13 has
    none): keys [past; new], K/V repeated per group with repeat_interleave, Q·Kᵀ·scale, softcap
    c·tanh(s/c), + bias, boolean and causal masks as −∞ (top-left: tril; bottom-right: tril with
    offset N − T), softmax over the keys, ·V."""
    q, k, v = _t(args["q"], dtype), _t(args["k"], dtype), _t(args["v"], dtype)
    if "pastK" in args and args["pastK"] is not None:
        k = torch.cat([_t(args["pastK"], dtype), k], dim=1)
        v = torch.cat([_t(args["pastV"], dtype), v], dim=1)
    output = args.get("output") or "y"
    if output == "present-key":  # the cache followed by the new keys (torch.cat above)
        return k
    if output == "present-value":
        return v
    hq, t_len, d = q.shape
    hkv, n = k.shape[0], k.shape[1]
    k = k.repeat_interleave(hq // hkv, dim=0)
    v = v.repeat_interleave(hq // hkv, dim=0)
    scale = args.get("scale")
    s = torch.matmul(q, k.transpose(1, 2))
    s = s * _scalar(scale, dtype) if scale is not None else s / torch.sqrt(_scalar(d, dtype))
    if output == "scores":
        return s
    cap = args.get("softcap") or 0
    if cap > 0:
        c = _scalar(cap, dtype)
        s = c * torch.tanh(s / c)
    if output == "softcapped-scores":
        return s
    if args.get("bias") is not None:
        s = s + _t(args["bias"], dtype)
    allowed = torch.ones(t_len, n, dtype=torch.bool)
    if args.get("keep") is not None:
        allowed = allowed & (torch.tensor(args["keep"]) != 0)
    if args["causal"] == "top-left":
        allowed = allowed & torch.ones(t_len, n, dtype=torch.bool).tril(diagonal=0)
    elif args["causal"] == "bottom-right":
        allowed = allowed & torch.ones(t_len, n, dtype=torch.bool).tril(diagonal=n - t_len)
    s = s.masked_fill(~allowed, float("-inf"))
    if output == "masked-scores":
        return s
    y = torch.matmul(torch.softmax(s, dim=-1), v)
    # a row with no allowed key: softmax of all −∞ is NaN in PyTorch (fullyMasked "nan" as computed);
    # "zero" is ONNX's convention, mapped here with torch.where
    if args.get("fullyMasked") == "zero":
        y = torch.where(allowed.any(dim=-1, keepdim=True), y, torch.zeros((), dtype=y.dtype))
    return y


def _inv_freq(d, base, dtype):
    # Hugging Face / Meta Llama: 1 / base^(arange(0, d, 2)/d), in the request's dtype
    return 1.0 / (_scalar(base, dtype) ** (torch.arange(0, d, 2, dtype=_DTYPES[dtype]) / d))


def rope(args, dtype):
    """Interleaved: Meta Llama's complex form (view_as_complex · polar); rotate-half: Hugging Face's
    x·cos + rotate_half(x)·sin with the frequencies repeated over both halves."""
    x = _t(args["x"], dtype)
    t_len, d = x.shape
    pos = torch.tensor(args["positions"], dtype=_DTYPES[dtype])
    ang = torch.outer(pos, _inv_freq(d, args["base"], dtype))
    if args["pairing"] == "interleaved":
        z = torch.view_as_complex(x.reshape(t_len, d // 2, 2).contiguous())
        w = torch.polar(torch.ones_like(ang), ang)
        return torch.view_as_real(z * w).reshape(t_len, d)
    emb = torch.cat([ang, ang], dim=-1)
    half = d // 2
    rot = torch.cat([-x[:, half:], x[:, :half]], dim=-1)
    return x * emb.cos() + rot * emb.sin()


def rope_apply(args, dtype):
    """attn.rope-apply (rope block): the given tables [T, h] on the first r = 2h coordinates, the rest copied.
    Interleaved: the complex form (view_as_complex times cos + j·sin); rotate-half: Hugging Face's
    x·cat(cos, cos) + rotate_half(x)·cat(sin, sin) on the rotated part (GPT-NeoX partial rotary: rotary_pct)."""
    x = _t(args["x"], dtype)
    c, s = _t(args["cos"], dtype), _t(args["sin"], dtype)
    t_len, d = x.shape
    h = c.shape[1]
    xr, rest = x[:, : 2 * h], x[:, 2 * h:]
    if args["pairing"] == "interleaved":
        z = torch.view_as_complex(xr.reshape(t_len, h, 2).contiguous())
        out = torch.view_as_real(z * torch.complex(c, s)).reshape(t_len, 2 * h)
    else:
        rot = torch.cat([-xr[:, h:], xr[:, :h]], dim=-1)
        out = xr * torch.cat([c, c], dim=-1) + rot * torch.cat([s, s], dim=-1)
    return torch.cat([out, rest], dim=-1)


def sinusoidal_pe(args, dtype):
    """The annotated-Transformer form: div_term = exp(arange(0, d, 2)·(−ln base/d)), pe[:, 0::2] = sin, pe[:, 1::2] = cos."""
    d = int(args["d"])
    pos = torch.tensor(args["positions"], dtype=_DTYPES[dtype]).unsqueeze(1)
    div = torch.exp(torch.arange(0, d, 2, dtype=_DTYPES[dtype]) * (-math.log(args["base"]) / d))
    pe = torch.zeros(pos.shape[0], d, dtype=_DTYPES[dtype])
    pe[:, 0::2] = torch.sin(pos * div)
    pe[:, 1::2] = torch.cos(pos * div)
    return pe


def top_k_filter(args, dtype):
    # HF transformers TopKLogitsWarper: indices_to_remove = scores < torch.topk(scores, top_k)[0][..., -1, None]
    # (ties with the k-th value are kept); top_k = min(top_k, vocab). Returns the keep mask.
    scores = _t(args["logits"], dtype)
    top_k = min(int(args["k"]), scores.shape[-1])
    indices_to_remove = scores < torch.topk(scores, top_k)[0][..., -1, None]
    return (~indices_to_remove).to(torch.int32)


def top_p_filter(args, dtype):
    # HF transformers TopPLogitsWarper, on probabilities (the op's input) instead of softmax(logits):
    # sort ascending, cumulative sum, remove where cumsum <= 1 - top_p, keep min_tokens_to_keep = 1
    # (threshold tie behaviour: a cumulative mass exactly 1 - p is removed, so mass exactly p is kept).
    # In float32 this is NOT the exact nucleus at thresholds: the ascending float32 sums, fl32(1 - p) and a
    # vector whose float32 entries do not sum to exactly 1 decide. Counterexample (float32 probs
    # [0.3967750668525696, 0.5592350959777832, 0.0439898855984211], p = 0.5592350959777832): the exact
    # nucleus is 1 word (its mass is exactly p), this keeps 2 (tail sum 0.44076496 > fl32(1 - p) = 0.44076490,
    # the entries sum to 1 + 4.8e-8). lemmata accepts it: the nucleus size lies within [m(p - delta), m(p + delta)],
    # delta = gamma_V S + u + |S - 1| (src/numerics/bounds-topp.ts), so it is a declared float convention, not a
    # failure; the generator reaches such inputs in ~15 % of draws (test/power/dec.top-p-filter-generators.test.ts).
    probs = _t(args["probs"], dtype)
    top_p = float(args["p"])
    sorted_probs, sorted_indices = torch.sort(probs, descending=False)
    cumulative_probs = sorted_probs.cumsum(dim=-1)
    sorted_indices_to_remove = cumulative_probs <= (1 - top_p)
    sorted_indices_to_remove[..., -1:] = 0
    indices_to_remove = sorted_indices_to_remove.scatter(0, sorted_indices, sorted_indices_to_remove)
    return (~indices_to_remove).to(torch.int32)


def squad_best_span(args, dtype):
    # The HF run_qa post-processing as one masked matrix: start[:, None] + end[None, :], pairs with
    # j < i or j - i >= max_len set to -inf (triu / tril), argmax of the flattened matrix.
    start = _t(args["start"], dtype)
    end = _t(args["end"], dtype)
    n = start.shape[0]
    scores = start[:, None] + end[None, :]
    ones = torch.ones(n, n, dtype=torch.bool)
    legal = torch.triu(ones) & torch.tril(ones, diagonal=int(args["maxLen"]) - 1)
    scores = scores.masked_fill(~legal, float("-inf"))
    k = int(torch.argmax(scores.reshape(-1)))
    return {"start": k // n, "end": k % n}


def maxsim(args, dtype):
    # ColBERT: (Q @ D.T).max(dim=1).values.sum()
    Q, D = _t(args["Q"], dtype), _t(args["D"], dtype)
    if Q.numel() == 0 or Q.shape[0] == 0:
        return 0.0
    return (Q @ D.T).max(dim=1).values.sum().item()


def kl(args, dtype):
    # KL(p‖q) as torch.nn.functional.kl_div writes it: the INPUT is the log of the model (student)
    # distribution q, the TARGET the probabilities p (log_target=False), reduction="sum" (not the
    # default "mean", which divides by the number of entries). Entries with p = 0 contribute 0.
    p, q = _t(args["p"], dtype), _t(args["q"], dtype)
    if p.numel() == 0:
        return 0.0
    return F.kl_div(q.log(), p, reduction="sum", log_target=False).item()


def reward_pairwise(args, dtype):
    # −mean log σ(r_w − r_l), as reward-model trainers (TRL RewardTrainer) write it
    c, r = _t(args["chosen"], dtype), _t(args["rejected"], dtype)
    return (-F.logsigmoid(c - r)).mean().item()


def dpo(args, dtype):
    # TRL DPOTrainer, loss_type="sigmoid": logits = (π_w − π_l) − (ρ_w − ρ_l), losses = −logsigmoid(β·logits),
    # mean; the gradient with respect to the policy log-probabilities by autograd.
    pc = _t(args["policyChosen"], dtype).requires_grad_(True)
    pr = _t(args["policyRejected"], dtype).requires_grad_(True)
    rc, rr = _t(args["refChosen"], dtype), _t(args["refRejected"], dtype)
    beta = _scalar(args["beta"], dtype)
    logits = (pc - pr) - (rc - rr)
    loss = (-F.logsigmoid(beta * logits)).mean()
    loss.backward()
    return {"loss": loss.item(), "gradChosen": pc.grad.detach(), "gradRejected": pr.grad.detach()}


# --- attn.mha ------------------------------------------------------------

def mha(args, dtype):
    """attn.mha through torch 1.13's F.multi_head_attention_forward (what nn.MultiheadAttention with
    batch_first=True calls after transposing to [L, B, E]): the packed in_proj_weight = [Wq; Wk; Wv]
    when kdim = vdim = E (self-attention takes its single-matmul path), the separate q/k/v_proj_weight
    otherwise; in_proj_bias = [bq; bk; bv] (zeros for an absent one); attn_mask = the additive bias
    with −inf where keep = 0 or s > t (causal), or the bool mask ¬allowed without a bias; eval mode."""
    q, k, v = _t(args["query"], dtype), _t(args["key"], dtype), _t(args["value"], dtype)
    # self-attention (equal tensors): share the tensor so torch takes its single-matmul in-projection
    if k.shape == q.shape and torch.equal(k, q):
        k = q
    if v.shape == q.shape and torch.equal(v, q):
        v = q
    wq, wk, wv, wo = (_t(args[n], dtype) for n in ("wq", "wk", "wv", "wo"))
    e = wq.shape[0]
    t_len, s_len = q.shape[1], k.shape[1]
    biases = [args.get(n) for n in ("bq", "bk", "bv")]
    in_bias = None
    if any(b is not None for b in biases):
        in_bias = torch.cat([_t(b, dtype) if b is not None else torch.zeros(e, dtype=_DTYPES[dtype]) for b in biases])
    out_bias = _t(args["bo"], dtype) if args.get("bo") is not None else None
    allowed = torch.ones(t_len, s_len, dtype=torch.bool)
    if args.get("keep") is not None:
        allowed = allowed & (torch.tensor(args["keep"]) != 0)
    if args["causal"]:
        allowed = allowed & torch.ones(t_len, s_len, dtype=torch.bool).tril(diagonal=0)
    mask = None
    if args.get("bias") is not None:
        mask = _t(args["bias"], dtype).masked_fill(~allowed, float("-inf"))
    elif not bool(allowed.all()):
        mask = ~allowed
    packed = wk.shape[1] == e and wv.shape[1] == e
    qt, kt, vt = q.transpose(0, 1), k.transpose(0, 1), v.transpose(0, 1)
    if k is q:
        kt = qt
    if v is q:
        vt = qt
    out, _ = F.multi_head_attention_forward(
        qt, kt, vt, e, int(args["numHeads"]),
        torch.cat([wq, wk, wv]) if packed else None, in_bias, None, None, False, 0.0, wo, out_bias,
        training=False, need_weights=False, attn_mask=mask,
        use_separate_proj_weight=not packed, q_proj_weight=wq, k_proj_weight=wk, v_proj_weight=wv)
    return out.transpose(0, 1)


OPS = {
    "nn.softmax": (softmax, BOTH),
    "attn.sdpa": (sdpa, BOTH),
    "attn.linear": (linear_attention, BOTH),
    "norm.layernorm": (layernorm, BOTH),
    "stats.variance": (variance, BOTH),
    "reg.ridge-solve": (ridge_solve, BOTH),
    "quant.affine-params": (affine_params, BOTH),
    "quant.quantize": (quantize, BOTH),
    "quant.dequantize": (dequantize, BOTH),
    "quant.int-gemm": (int_gemm, BOTH),
    "quant.ste-grad": (ste_grad, ["float32"]),
    "ret.maxsim": (maxsim, BOTH),
    "loss.kl": (kl, BOTH),
    "loss.reward-pairwise": (reward_pairwise, BOTH),
    "loss.dpo": (dpo, BOTH),
    "cnn.conv2d-shape": (conv2d_shape, BOTH),
    # F.conv_transpose2d / F.max_unpool2d on zeros (ONNX pads by cropping): clients/python/torch_transpose_shapes.py
    "cnn.conv-transpose2d-shape": (lambda a, dt: _transpose_shapes.conv_transpose2d_shape(a), BOTH),
    "cnn.max-unpool2d-shape": (lambda a, dt: _transpose_shapes.max_unpool2d_shape(a), BOTH),
    "cnn.pool2d-shape": (pool2d_shape, BOTH),
    "peft.lora-merge": (lora_merge, BOTH),
    "seq.crf-viterbi": (crf_viterbi, BOTH),
    "dec.top-k-filter": (top_k_filter, BOTH),
    "dec.top-p-filter": (top_p_filter, BOTH),
    "pre.squad-best-span": (squad_best_span, BOTH),
    "seq.crf-logz": (crf_logz, BOTH),
    "fourier.dft": (fourier_dft, BOTH),
    "fourier.rfft": (fourier_rfft, BOTH),
    "fourier.stft": (fourier_stft, BOTH),
    "attn.attention": (attention, BOTH),
    "attn.rope": (rope, BOTH),
    "attn.rope-apply": (rope_apply, BOTH),
    "attn.sinusoidal-pe": (sinusoidal_pe, BOTH),
    "attn.mha": (mha, BOTH),
}

if __name__ == "__main__":
    serve(NAME, OPS, PROFILE, arrays=True)
