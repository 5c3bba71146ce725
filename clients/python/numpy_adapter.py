"""NumPy implementation of the lemmata ops, spoken over the line protocol.

    npx lemmata conform --impl-cmd "/usr/bin/python3 clients/python/numpy_adapter.py"

Arrays are kept in the request's dtype (np.float32 or np.float64) throughout. NumPy 1.x upcasts
silently in mixed expressions: `np.float32(x) + 1e-5`, `np.float32(x) / 3` and even
`np.minimum(np.float32(x), 0)` are float64 when every operand is a scalar (value-based casting
only keeps float32 when an ndarray takes part). So every scalar here is made in the dtype
(`_num(args["eps"], dtype)`, `ft(0)`, `np.sqrt(ft(d))`, ...) and NumPy scalars are never mixed
with Python numbers.

Exception, documented rather than hidden: np.linalg.solve always runs LAPACK in float64
(numpy.linalg's `_commonType` picks double as the computation type) and rounds the solution back
to float32 — see ridge_solve. The text.bpe-* ops are not offered (no BPE in NumPy).

Served with `arrays=True`: tensor arguments arrive as ndarrays (views of the request's bytes under
protocol version 2) and array results are returned as they are, so under version 2 no number is
printed or parsed on either side; every function also accepts nested lists (clients/python/
check_fixtures.py calls them that way).
"""

import math
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ beside the adapter
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# One BLAS/OpenMP thread: reproducible reductions (set before the library loads its BLAS).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
from numpy.lib.stride_tricks import sliding_window_view  # noqa: E402

from lemmata_protocol import crf_check, quant_layout, serve  # noqa: E402

NAME = "numpy-%s" % np.__version__
# NumPy's SIMD float32 exp/log (AVX2/AVX512F) are documented within a few ulp; float64 uses libm or
# SVML (AVX512_SKX, ≤ 4 ulp). NumPy leaves the FPU's FTZ/DAZ flags alone, so subnormals are kept.
PROFILE = {"elementaryUlps": 4, "flushToZero": False}

_DTYPES = {"float32": np.float32, "float64": np.float64}
BOTH = ["float32", "float64"]


def _arr(values, dtype):
    return np.asarray(values, dtype=_DTYPES[dtype])


def _num(value, dtype):
    """A scalar argument as a NumPy scalar of the dtype (float() first: np.float32(None) is nan)."""
    return _DTYPES[dtype](float(value))


def _softmax_rows(s):
    """softmax over the last axis, max-shifted; stays in s.dtype."""
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax(args, dtype):
    x = _arr(args["x"], dtype)
    if x.size == 0:
        return []
    return _softmax_rows(x)


def sdpa(args, dtype):
    ft = _DTYPES[dtype]
    q_rows, k_rows, v_rows = args["q"], args["k"], args["v"]
    T, S = len(q_rows), len(k_rows)
    if T == 0:
        return []
    if S == 0:
        return [[] for _ in range(T)]
    q, k, v = _arr(q_rows, dtype), _arr(k_rows, dtype), _arr(v_rows, dtype)
    d = q.shape[1]
    scores = (q @ k.T) / np.sqrt(ft(d))  # ft(d): √d in the dtype, not a float64 math.sqrt
    if args.get("causal"):
        if T != S:
            raise ValueError("causal attention needs T = S (got T=%d, S=%d)" % (T, S))
        above = np.triu(np.ones((T, S), dtype=bool), k=1)
        scores = np.where(above, ft(-np.inf), scores)
    return _softmax_rows(scores) @ v



def _poly_features(x):
    """The degree-2 feature map of 002:737, φ(x) = [1, √2x_i, x_i², √2x_ix_j (i < j)], row-wise, in x.dtype."""
    n, d = x.shape
    r2 = np.sqrt(x.dtype.type(2))
    i, j = np.triu_indices(d, k=1)
    return np.concatenate([np.ones((n, 1), dtype=x.dtype), r2 * x, x * x, r2 * (x[:, i] * x[:, j])], axis=1)


def linear_attention(args, dtype):
    """attn.linear by the notes' rearrangement: U = Σ_j φ(k_j)v_jᵀ, z = Σ_j φ(k_j) (np.cumsum prefix sums
    when causal), then φ(q_i)ᵀU / φ(q_i)ᵀz."""
    q, k, v = _arr(args["q"], dtype), _arr(args["k"], dtype), _arr(args["v"], dtype)
    T, S = q.shape[0], k.shape[0]
    if T == 0:
        return []
    pq, pk = _poly_features(q), _poly_features(k)
    if args.get("causal"):
        if T != S:
            raise ValueError("causal attention needs T = S (got T=%d, S=%d)" % (T, S))
        U = np.cumsum(pk[:, :, None] * v[:, None, :], axis=0)  # [S, F, M]
        z = np.cumsum(pk, axis=0)  # [S, F]
        num = np.einsum("tf,tfm->tm", pq, U)
        den = np.einsum("tf,tf->t", pq, z)[:, None]
    else:
        num = pq @ (pk.T @ v)
        den = (pq @ pk.sum(axis=0))[:, None]
    return num / den

def layernorm(args, dtype):
    ft = _DTYPES[dtype]
    rows = args["x"]
    if len(rows) == 0:
        return []
    x = _arr(rows, dtype)
    mu = x.mean(axis=-1, keepdims=True)
    xc = x - mu
    var = (xc * xc).mean(axis=-1, keepdims=True)  # biased 1/D variance (two-pass, like np.var)
    y = xc / np.sqrt(var + _num(args["eps"], dtype))       # ε inside the root
    return y * _arr(args["gamma"], dtype) + _arr(args["beta"], dtype)


def variance(args, dtype):
    x = _arr(args["x"], dtype)
    correction = int(args["correction"])
    if correction not in (0, 1):
        raise ValueError("correction must be 0 or 1")
    if x.size - correction <= 0:
        return math.nan  # np.var would warn and give nan/inf
    # np.var's default is ddof=0 (biased), the opposite of torch.var; pass ddof explicitly.
    # Two passes (mean, then Σ(x − x̄)²) accumulated pairwise in x.dtype.
    return float(np.var(x, ddof=correction))


def ridge_solve(args, dtype):
    ft = _DTYPES[dtype]
    rows = args["X"]
    m = len(rows)
    n = len(rows[0]) if m > 0 else 0
    if n == 0:
        return []
    X = _arr(rows, dtype)
    y = _arr(args["y"], dtype)
    A = X.T @ X + _num(args["lambda"], dtype) * np.eye(n, dtype=ft)  # formed in the dtype (BLAS gemm)
    b = X.T @ y
    # np.linalg.solve (LAPACK gesv, LU with partial pivoting) computes in float64 even for float32
    # A and b and casts the solution back to float32: float32 requests get a solve that is more
    # accurate than a float32 one. Raises LinAlgError on a singular A.
    return np.linalg.solve(A, b).astype(ft)


# Affine quantisation. np.rint (which np.round uses for 0 decimals) rounds half to even.

def affine_params(args, dtype):
    ft = _DTYPES[dtype]
    qmin, qmax = int(args["qmin"]), int(args["qmax"])
    if qmax <= qmin:
        raise ValueError("need qmin < qmax")
    lo = np.minimum(_num(args["xmin"], dtype), ft(0))  # ft(0), not 0: np.minimum(float32, 0) is float64
    hi = np.maximum(_num(args["xmax"], dtype), ft(0))
    s = (hi - lo) / ft(qmax - qmin)
    if s == 0:
        return {"scale": 1.0, "zeroPoint": 0}
    z = np.clip(ft(qmin) - np.rint(lo / s), ft(qmin), ft(qmax))
    return {"scale": float(s), "zeroPoint": int(z)}


# NumPy has no float8 dtype: float8 formats are refused rather than computed by lemmata's own helper
_NO_FLOAT8 = "NumPy has no float8 dtype: float8 formats are not served by this peer (exclude quant.type-table)"


def quantize(args, dtype):
    ft = _DTYPES[dtype]
    x = _arr(args["x"], dtype)
    if x.size == 0:
        return []
    if args.get("format"):
        raise ValueError(_NO_FLOAT8)
    lay = quant_layout(args, x.size)
    if lay is not None:
        q = np.rint(x / _arr(lay[0], dtype)) + _arr(lay[1], dtype)
    else:
        q = np.rint(x / _num(args["scale"], dtype)) + ft(int(args["zeroPoint"]))
    q = np.clip(q, ft(int(args["qmin"])), ft(int(args["qmax"])))
    if np.isnan(q).any():
        raise ValueError("quantize: x/scale is NaN, no integer to return")
    return q.astype(np.int64)


def dequantize(args, dtype):
    ft = _DTYPES[dtype]
    q = _arr(args["q"], dtype)
    if q.size == 0:
        return []
    if args.get("format"):
        raise ValueError(_NO_FLOAT8)
    lay = quant_layout(args, q.size)
    if lay is not None:
        return (q - _arr(lay[1], dtype)) * _arr(lay[0], dtype)
    return (q - ft(int(args["zeroPoint"]))) * _num(args["scale"], dtype)


def conv2d_shape(args, dtype):
    """A real 2-D cross-correlation in NumPy: pad (explicit [top, left, bottom, right] pads, symmetric
    padding, or ONNX auto_pad), take every dilated kh×kw window, keep every stride-th one, contract
    with the kernel; the result's shape is the answer."""
    ft = _DTYPES[dtype]
    kh, kw = (int(v) for v in args["kernel"])
    sh, sw = (int(v) for v in args["stride"])
    dh, dw = (int(v) for v in (args.get("dilation") or (1, 1)))
    H, W = int(args["height"]), int(args["width"])
    ph, pw = (int(v) for v in (args.get("padding") or (0, 0)))
    top, left, bottom, right = (int(v) for v in (args.get("pads") or (ph, pw, ph, pw)))
    auto = args.get("autoPad")
    if auto == "valid":
        top = left = bottom = right = 0
    elif auto in ("same-upper", "same-lower"):
        def same(n, k, s, d):
            out = -(-n // s)
            total = max((out - 1) * s + d * (k - 1) + 1 - n, 0)
            small = total // 2
            return (small, total - small) if auto == "same-upper" else (total - small, small)
        top, bottom = same(H, kh, sh, dh)
        left, right = same(W, kw, sw, dw)
    x = np.pad(np.zeros((H, W), dtype=ft), ((top, bottom), (left, right)))
    ekh, ekw = dh * (kh - 1) + 1, dw * (kw - 1) + 1
    windows = sliding_window_view(x, (ekh, ekw))[::sh, ::sw, ::dh, ::dw]
    y = np.einsum("ijkl,kl->ij", windows, np.zeros((kh, kw), dtype=ft))
    return [int(y.shape[0]), int(y.shape[1])]


def _crf_arrays(args, dtype):
    crf_check(args)
    A_rows, E_rows, start, end = args["transitions"], args["emissions"], args.get("start"), args.get("end")
    E = _arr(E_rows, dtype).reshape(len(E_rows), len(A_rows))
    return (E, _arr(A_rows, dtype), None if start is None else _arr(start, dtype),
            None if end is None else _arr(end, dtype))


def crf_viterbi(args, dtype):
    E, A, start, end = _crf_arrays(args, dtype)
    T = E.shape[0]
    if T == 0:
        return {"path": [], "score": 0.0}
    delta = E[0] if start is None else start + E[0]
    backpointers = []
    for t in range(1, T):
        cand = delta[:, None] + A  # cand[i][j] = δ[i] + A[i][j]
        arg = cand.argmax(axis=0)
        backpointers.append(arg)
        delta = cand[arg, np.arange(cand.shape[1])] + E[t]
    if end is not None:
        delta = delta + end
    last = int(delta.argmax())
    path = [last]
    for bp in reversed(backpointers):
        path.append(int(bp[path[-1]]))
    path.reverse()
    return {"path": path, "score": float(delta[last])}


def _logsumexp(a, axis):
    """log Σ exp over `axis` with the max subtracted first; an all −∞ slice gives −∞."""
    m = a.max(axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, np.zeros_like(m))
    with np.errstate(divide="ignore"):  # log(0) = −∞ is the right answer for an all −∞ slice
        s = np.log(np.exp(a - m).sum(axis=axis, keepdims=True)) + m
    return np.squeeze(s, axis=axis)


def crf_logz(args, dtype):
    E, A, start, end = _crf_arrays(args, dtype)
    T = E.shape[0]
    if T == 0:
        return 0.0
    alpha = E[0] if start is None else start + E[0]
    for t in range(1, T):
        alpha = _logsumexp(alpha[:, None] + A, axis=0) + E[t]
    if end is not None:
        alpha = alpha + end
    return float(_logsumexp(alpha, axis=0))


# fourier.*: NumPy's FFT (pocketfft) always computes in complex128, so float32 requests are transformed
# in float64 and rounded to float32 (the op's "wider-precision" algorithm, declared rather than hidden).
# Complex values travel as [re, im] pairs.
def _pairs(z, dtype):
    return np.stack([z.real, z.imag], axis=-1).astype(_DTYPES[dtype])


def fourier_dft(args, dtype):
    x = _arr(args["x"], dtype).reshape(-1, 2)
    if x.shape[0] == 0:
        return []
    return _pairs(np.fft.fft(x[:, 0] + 1j * x[:, 1]), dtype)


def fourier_rfft(args, dtype):
    x = _arr(args["x"], dtype).reshape(-1)
    if x.size == 0:
        return []
    return _pairs(np.fft.rfft(x), dtype)


def fourier_stft(args, dtype):
    """Frames without centring or padding, the periodic Hann window 0.5 − 0.5·cos(2πm/M) (scipy's
    get_window("hann") default; numpy.hanning is the symmetric one and is NOT used), np.fft.rfft per frame."""
    x = _arr(args["x"], dtype).reshape(-1)
    m, hop = int(args["nFft"]), int(args["hop"])
    if x.size < m:
        return []
    w = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(m) / m)).astype(_DTYPES[dtype]) if m > 1 else np.ones(1, _DTYPES[dtype])
    frames = sliding_window_view(x, m)[::hop] * w
    return _pairs(np.fft.rfft(frames, axis=-1), dtype)


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
    "cnn.conv2d-shape": (conv2d_shape, BOTH),
    "seq.crf-viterbi": (crf_viterbi, BOTH),
    "seq.crf-logz": (crf_logz, BOTH),
    "fourier.dft": (fourier_dft, BOTH),
    "fourier.rfft": (fourier_rfft, BOTH),
    "fourier.stft": (fourier_stft, BOTH),
}

# Ops whose function maps a new leading axis of these arguments, row for row bit-identically
# (lemmata_protocol "Vectorised batches"; test/conform/protocol-vectorise.test.ts checks it):
# under protocol version 2 a request's same-shape items go through one call.
VECTORISE = {"nn.softmax": ["x"]}

if __name__ == "__main__":
    serve(NAME, OPS, PROFILE, arrays=True, vectorise=VECTORISE)
