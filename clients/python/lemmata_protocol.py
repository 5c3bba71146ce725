"""lemmata_protocol — write a lemmata line-protocol adapter in a few lines of Python.

Standard library only. The protocol itself (framing, handshake, values, verdicts) is
specified in spec/protocol.md; this module implements the adapter side of it.

The Python adapter API
======================

An adapter is a module that defines

    NAME = "mylib-1.2-cpu"                       # shown in the report
    OPS = {                                      # op id -> (function, dtypes)
        "nn.softmax": (softmax, ["float32", "float64"]),
        ...
    }
    PROFILE = {"elementaryUlps": 4, "flushToZero": False}   # optional

    if __name__ == "__main__":
        serve(NAME, OPS, PROFILE)

and is run as `lemmata conform --impl-cmd "/usr/bin/python3 path/to/adapter.py"`.

* Op ids, argument names and result shapes: `npx lemmata list --json` and
  src/ops/<domain>.ts.
* Every function is called as `fn(args, dtype)`:
  - `args` is the request's argument set (a dict) with every tensor object already decoded to
    plain nested Python lists in row-major order (float tensors -> floats, with the strings
    "NaN" / "Infinity" / "-Infinity" turned into float('nan') / float('inf') / float('-inf');
    int tensors -> ints; a shape-[] tensor -> a bare float or int; base64 data unpacked with
    `struct`). Scalars, booleans, strings, records and lists arrive as plain JSON values.
    Optional arguments that were not sent are absent from the dict.
  - `dtype` is the request's dtype, one of the dtypes the adapter declared for the op
    ("float32" or "float64"). Compute in that precision.
* A function returns its result as:
  - a number, a (nested) list, or a dict of such (records such as {"path": ..., "score": ...});
  - or `tensor(data, shape, dtype)` from this module;
  - objects with a `.tolist()` method (NumPy arrays and scalars, torch tensors) are converted
    with it, so `return y` for an ndarray or tensor works too.
  Non-finite floats are fine anywhere: they are sent as the strings "NaN" / "Infinity" /
  "-Infinity" inside a tensor object of the request's dtype (JSON has no literals for them;
  the reply is encoded with allow_nan=False).
* An exception raised by a function fails only that item: the reply carries
  {"error": "ExcType: message"} for it and the adapter goes on.
* `adapter_ops(module)` returns the module's OPS dict (validated), so a test harness can call
  `adapter_ops(mod)[op][0](args, dtype)` directly with `args` decoded exactly as `serve` does
  (`decode_args(request_item)`).

What `serve` does: answers the hello (name, ops -> dtypes, profile, encodings json+base64,
protocols [1, 2]), then for each request calls the op's function once per batch item and writes
one reply, flushed: a JSON line (protocol version 1), or — when the runner's hello offered version
2 — a binary frame (a JSON header line and a blob of little-endian tensor bytes; see "Version 2"
in spec/protocol.md). Version 2 changes nothing for op functions except speed: tensors still
arrive as lists (or as NumPy arrays with `arrays=True`), and a NumPy array returned in the
request's dtype (or an integer array) travels as raw bytes, bit for bit; any other result is sent
exactly as version 1 sends it.

`serve(name, ops, profile, arrays=True)` (NumPy required) hands every tensor argument to the op
functions as a NumPy array of its dtype (float32/float64/int32, the wire's shape; writable, not
shared between items) instead of nested lists; a shape-[] tensor is still a bare number. With
version 2 the arrays are views of the received bytes (no copy, no parsing). An unknown op or undeclared dtype gives a whole-request error; a line that is not
a JSON object, or has no id, is logged to stderr and ignored; a request with an id but a missing
or malformed field gets a whole-request error. stdout carries protocol lines only: while
`serve` runs, `sys.stdout` is redirected to stderr, so a stray print() cannot corrupt the
stream. EOF on stdin (or a closed stdout) ends `serve` normally.

Vectorised batches
------------------

`serve(name, ops, profile, arrays=True, vectorise={"nn.softmax": ["x"]})` declares that the
op's function maps a new leading axis of the named tensor arguments: called with those arguments
stacked into one array of shape [k, *shape] (and the other arguments as for one item), it returns
one array whose row i is — bit for bit — what it returns for item i alone (e.g. a softmax over the
last axis, an elementwise function). Under version 2 the helper then groups the items of a request
whose named arguments are tensor references of the same dtype and non-empty shape and whose other
arguments are equal (the same JSON, no tensor references among them), gathers each group's tensors
from the request's bytes with one NumPy indexing operation, calls the function once per group,
and writes the result's rows back as one block of bytes (one reference per item). Items that do
not fit (a lone shape, a shape-[] or empty tensor, a malformed reference) and every group whose
call raises or returns anything but an array of k rows in the request's dtype (or integers) go
through the per-item path, so errors stay per item. The environment variable
LEMMATA_VECTORISE=0 turns the grouping off (every item through the per-item path). The declaration is the adapter's promise; a
test should compare both paths on the op's inputs (test/conform/protocol-vectorise.test.ts does
so for the NumPy adapter's softmax).
"""

import array
import base64
import json
import math
import os
import struct
import sys
import traceback

try:  # optional: arrays=True and binary replies of ndarrays need it; the helper works without
    import numpy as _np
except ImportError:  # pragma: no cover - depends on the interpreter
    _np = None

__all__ = [
    "PROTOCOL_VERSION",
    "PROTOCOLS",
    "FLOAT_DTYPES",
    "INT_DTYPES",
    "tensor",
    "decode_value",
    "decode_args",
    "encode_value",
    "adapter_ops",
    "quant_layout",
    "serve",
]

PROTOCOL_VERSION = 1  # the "lemmata" field of the hello; the hello is always a version-1 line
PROTOCOLS = (1, 2)     # framings this helper speaks after the hello (offered in "protocols")
FLOAT_DTYPES = ("float32", "float64")
INT_DTYPES = ("int32", "int64")

# dtype -> (struct format character, bytes per element); little-endian.
_STRUCT = {"float32": ("f", 4), "float64": ("d", 8), "int32": ("i", 4), "int64": ("q", 8)}

_NONFINITE_IN = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def _nonfinite_out(v):
    if math.isnan(v):
        return "NaN"
    return "Infinity" if v > 0 else "-Infinity"


# --------------------------------------------------------------------------------------------
# Decoding requests
# --------------------------------------------------------------------------------------------

def _is_tensor_object(v):
    return (isinstance(v, dict) and v.get("dtype") in _STRUCT and isinstance(v.get("shape"), list)
            and ("data" in v or "b64" in v))


def _reshape(flat, shape):
    """Row-major flat list -> nested lists of `shape` (shape [] -> the single element)."""
    if not shape:
        return flat[0]
    if len(shape) == 1:
        return list(flat)
    step = 1
    for d in shape[1:]:
        step *= d
    return [_reshape(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


def _decode_tensor(obj):
    dtype, shape = obj["dtype"], obj["shape"]
    if not all(isinstance(d, int) and not isinstance(d, bool) and d >= 0 for d in shape):
        raise ValueError("tensor shape must be a list of non-negative integers, got %r" % (shape,))
    n = 1
    for d in shape:
        n *= d
    if "b64" in obj:
        fmt, size = _STRUCT[dtype]
        raw = base64.b64decode(obj["b64"], validate=True)
        if len(raw) != n * size:
            raise ValueError("tensor b64 holds %d bytes, shape %r of %s needs %d"
                             % (len(raw), shape, dtype, n * size))
        flat = list(struct.unpack("<%d%s" % (n, fmt), raw))
    else:
        data = obj["data"]
        if not isinstance(data, list):
            raise ValueError("tensor data must be a flat list")
        if len(data) != n:
            raise ValueError("tensor data has %d elements, shape %r needs %d" % (len(data), shape, n))
        if dtype in FLOAT_DTYPES:
            flat = [_decode_float(v) for v in data]
        else:
            flat = [_decode_int(v) for v in data]
    return _reshape(flat, shape)


def _decode_float(v):
    if isinstance(v, str):
        try:
            return _NONFINITE_IN[v]
        except KeyError:
            raise ValueError("bad float element %r" % (v,)) from None
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise ValueError("bad float element %r" % (v,))
    return float(v)


def _decode_int(v):
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v != int(v):
        raise ValueError("bad integer element %r" % (v,))
    return int(v)


def decode_value(v):
    """A request value -> plain Python: tensor objects become nested lists (or a bare number for
    shape []); dicts and lists are decoded recursively; everything else is returned as is."""
    if _is_tensor_object(v):
        return _decode_tensor(v)
    if isinstance(v, dict):
        return {k: decode_value(x) for k, x in v.items()}
    if isinstance(v, list):
        return [decode_value(x) for x in v]
    return v


def decode_args(item, blob=None, arrays=False):
    """One batch item (a dict of argument name -> value) -> the `args` dict an op function gets.
    `blob`: the bytes of a version-2 frame (tensor references are read from it); `arrays`: tensors
    as NumPy arrays instead of nested lists."""
    if not isinstance(item, dict):
        raise ValueError("a batch item must be a JSON object, got %s" % type(item).__name__)
    if blob is None and not arrays:
        return {k: decode_value(v) for k, v in item.items()}
    out = {}
    for k, v in item.items():
        out[k] = _read_ref(v, blob, arrays) if type(v) is dict and "offset" in v else _decode_any(v, blob, arrays)
    return out


# --------------------------------------------------------------------------------------------
# Version 2: tensor references {"dtype", "shape", "offset", "nbytes"} into the frame's blob
# --------------------------------------------------------------------------------------------

_LE = {"float32": "<f4", "float64": "<f8", "int32": "<i4", "int64": "<i8"}
_ARRAY_CODE = {"float32": "f", "float64": "d", "int32": "i" if array.array("i").itemsize == 4 else "l", "int64": "q"}
_ALIGN = 8


def _is_ref(v):
    return isinstance(v, dict) and "offset" in v and "nbytes" in v and "dtype" in v and "shape" in v


def _check_shape(shape):
    if type(shape) is not list:
        raise ValueError("tensor shape must be a list of non-negative integers, got %r" % (shape,))
    n = 1
    for d in shape:
        if type(d) is not int or d < 0:
            raise ValueError("tensor shape must be a list of non-negative integers, got %r" % (shape,))
        n *= d
    return n


def _read_ref(ref, blob, arrays):
    try:
        dtype, shape, off, nbytes = ref["dtype"], ref["shape"], ref["offset"], ref["nbytes"]
    except KeyError as exc:
        raise ValueError("tensor reference without %s" % exc) from None
    if dtype not in _STRUCT:
        raise ValueError("unknown tensor dtype %r" % (dtype,))
    n = _check_shape(shape)
    size = _STRUCT[dtype][1]
    if type(off) is not int or type(nbytes) is not int or off < 0 or nbytes < 0:
        raise ValueError("tensor offset and nbytes must be non-negative integers")
    if nbytes != n * size:
        raise ValueError("tensor of shape %r %s needs %d bytes, nbytes says %d" % (shape, dtype, n * size, nbytes))
    if blob is None or off + nbytes > len(blob):
        raise ValueError("tensor bytes [%d, %d) lie outside the blob" % (off, off + nbytes))
    if arrays:
        a = _np.frombuffer(blob, dtype=_LE[dtype], count=n, offset=off).reshape(shape)
        if not shape:
            return a[()].item()
        return a if a.dtype.isnative else a.astype(a.dtype.newbyteorder("="))
    flat = array.array(_ARRAY_CODE[dtype])
    flat.frombytes(bytes(blob[off:off + nbytes]))
    if sys.byteorder == "big":
        flat.byteswap()
    return _reshape(flat.tolist(), shape)


def _decode_any(v, blob, arrays):
    if _is_ref(v):
        return _read_ref(v, blob, arrays)
    if _is_tensor_object(v):
        t = _decode_tensor(v)
        if arrays and isinstance(t, list):
            return _np.array(t, dtype=_LE[v["dtype"]][1:])
        return t
    if isinstance(v, dict):
        return {k: _decode_any(x, blob, arrays) for k, x in v.items()}
    if isinstance(v, list):
        if v and isinstance(v[0], (dict, list)):
            return [_decode_any(x, blob, arrays) for x in v]
        return v
    return v


class _Blob:
    """The binary part of a reply frame being built: parts and their total size (8-aligned)."""

    __slots__ = ("parts", "size")

    def __init__(self):
        self.parts = []
        self.size = 0

    def add(self, data):
        off = self.size
        self.parts.append(data)
        n = len(data)
        pad = -n % _ALIGN
        if pad:
            self.parts.append(b"\0" * pad)
        self.size += n + pad
        return off


def _as_ndarray(v):
    """An ndarray for `v` when it is one (or converts to one: a torch tensor), else None."""
    if _np is None or isinstance(v, (list, tuple, dict, str, bytes, int, float, bool)) or v is None:
        return None
    if isinstance(v, _np.ndarray):
        return v
    if hasattr(v, "__array__") and hasattr(v, "shape"):
        try:
            return _np.asarray(v)
        except Exception:  # noqa: BLE001 — e.g. a tensor that needs grad: sent as version 1
            return None
    return None


_NDARRAY = _np.ndarray if _np is not None else ()
# dtype objects, not names: comparing a.dtype.name costs microseconds per call
_WIRE_DT = {k: _np.dtype(v) for k, v in _LE.items()} if _np is not None else {}


class _Ref(str):
    """The JSON text of a tensor reference (spliced into the reply as it is)."""

    __slots__ = ()


def _binary(v, dtype, blob):
    """A result with its ndarrays (in the request dtype, or integer) replaced by tensor references
    into `blob`; everything else is left for the version-1 encoding."""
    a = v if type(v) is _NDARRAY else _as_ndarray(v)
    if a is not None:
        if a.ndim == 0:
            return a.item()
        dt = a.dtype
        kind = dt.kind
        if kind == "f" and dt == _WIRE_DT[dtype]:
            wire = dtype
        elif kind == "i" and dt.itemsize <= 4:
            wire = "int32"
        elif kind == "i" or (kind == "u" and dt.itemsize <= 4):
            wire = "int64"
        else:
            return a.tolist()  # another float dtype, bool, uint64, ...: exactly as version 1 sends it
        want = _WIRE_DT[wire]
        data = a if dt == want and a.flags.c_contiguous else _np.ascontiguousarray(a, dtype=want)
        off = blob.add(data.data.cast("B") if data.ndim else data.tobytes())
        return _Ref('{"dtype":"%s","shape":[%s],"offset":%d,"nbytes":%d}' % (wire, ",".join(map(str, a.shape)), off, data.nbytes))
    if isinstance(v, dict) and not _is_tensor_object(v):
        return {k: _binary(x, dtype, blob) for k, x in v.items()}
    if isinstance(v, (list, tuple)) and v and not isinstance(v[0], (int, float, str, bool)):
        return [_binary(x, dtype, blob) for x in v]
    return v


# --------------------------------------------------------------------------------------------
# Encoding results
# --------------------------------------------------------------------------------------------

def _flatten(data):
    """Nested lists -> (flat list, shape). Raises ValueError when ragged."""
    if not isinstance(data, (list, tuple)):
        return [data], []
    if len(data) == 0:
        return [], [0]
    parts = [_flatten(x) for x in data]
    inner = parts[0][1]
    if any(p[1] != inner for p in parts):
        raise ValueError("ragged nested list cannot be a tensor")
    flat = []
    for p in parts:
        flat.extend(p[0])
    return flat, [len(data)] + inner


def tensor(data, shape=None, dtype="float64"):
    """A tensor object for a reply. `data` is nested lists (shape inferred when `shape` is None),
    a flat row-major list with an explicit `shape`, a number (shape []), or anything with
    `.tolist()`. Non-finite floats become "NaN" / "Infinity" / "-Infinity"."""
    if dtype not in _STRUCT:
        raise ValueError("unknown dtype %r" % (dtype,))
    if hasattr(data, "tolist"):
        data = data.tolist()
    flat, inferred = _flatten(data)
    if shape is None:
        shape = inferred
    shape = [int(d) for d in shape]
    n = 1
    for d in shape:
        n *= d
    if len(flat) != n:
        raise ValueError("%d elements do not fill shape %r" % (len(flat), shape))
    if dtype in FLOAT_DTYPES:
        out = []
        for v in flat:
            v = float(v)
            out.append(v if math.isfinite(v) else _nonfinite_out(v))
    else:
        out = [int(v) for v in flat]
    return {"dtype": dtype, "shape": shape, "data": out}


def _has_nonfinite(v):
    if isinstance(v, float):
        return not math.isfinite(v)
    if isinstance(v, (list, tuple)):
        return any(_has_nonfinite(x) for x in v)
    return False


def encode_value(v, dtype="float64"):
    """A function's result -> a JSON-safe value (no NaN/Infinity literals). Numbers and lists of
    finite numbers pass through; a number or rectangular list holding a non-finite float becomes a
    tensor object of `dtype`; dicts are encoded field by field."""
    if hasattr(v, "tolist") and not isinstance(v, (list, tuple, dict)):
        v = v.tolist()
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return v if math.isfinite(v) else tensor(v, [], dtype)
    if isinstance(v, dict):
        if _is_tensor_object(v):
            return v
        return {str(k): encode_value(x, dtype) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        items = [x.tolist() if hasattr(x, "tolist") else x for x in v]
        if _has_nonfinite(items):
            try:
                return tensor(items, None, dtype)
            except (ValueError, TypeError):
                pass  # ragged or mixed: fall through to element-wise strings
        return [_encode_nested(x, dtype) for x in items]
    raise TypeError("cannot encode a result of type %s" % type(v).__name__)


def _encode_nested(v, dtype):
    if isinstance(v, float) and not math.isfinite(v):
        return _nonfinite_out(v)
    if isinstance(v, (list, tuple)):
        return [_encode_nested(x, dtype) for x in v]
    return encode_value(v, dtype)


_ENCODER = json.JSONEncoder(allow_nan=False, separators=(",", ":"), ensure_ascii=False)


def _dumps(v):
    return _ENCODER.encode(v)  # one encoder: json.dumps with options builds a new one per call


# --------------------------------------------------------------------------------------------
# Adapter modules
# --------------------------------------------------------------------------------------------

def _validate_ops(ops):
    if not isinstance(ops, dict):
        raise TypeError("OPS must be a dict of op id -> (function, dtypes)")
    out = {}
    for op, spec in ops.items():
        if not isinstance(spec, (tuple, list)) or len(spec) != 2 or not callable(spec[0]):
            raise TypeError("OPS[%r] must be (function, [dtypes])" % (op,))
        dtypes = list(spec[1])
        bad = [d for d in dtypes if d not in FLOAT_DTYPES]
        if bad:
            raise ValueError("OPS[%r] declares unknown dtypes %r" % (op, bad))
        out[str(op)] = (spec[0], dtypes)
    return out


def adapter_ops(module):
    """The OPS dict of an adapter module (op id -> (fn, dtypes)), validated. Call
    `adapter_ops(mod)[op][0](decode_args(item), dtype)` to run an op without the protocol."""
    ops = getattr(module, "OPS", None)
    if ops is None:
        raise AttributeError("adapter module %r defines no OPS" % (getattr(module, "__name__", module),))
    return _validate_ops(ops)


# --------------------------------------------------------------------------------------------
# The serving loop
# --------------------------------------------------------------------------------------------

# quant.quantize / quant.dequantize arguments (shared by the shipped adapters)
def quant_layout(args, n):
    """Per-element (scale, zero point) lists of an ONNX opset-21 layout: per-tensor, per-axis
    (scales[i_axis]) or blocked (scale tensor of the input's shape with dim axis -> ceil(dim/B),
    index i_axis -> i_axis // B), row-major; None when per-tensor."""
    if args.get("axis") is None or args.get("scales") is None:
        return None
    shape = list(args.get("shape") or [n])
    r = len(shape)
    ax = int(args["axis"])
    ax = ax + r if ax < 0 else ax
    B = args.get("blockSize")
    scales = [float(v) for v in args["scales"]]
    zps = [int(v) for v in args["zeroPoints"]] if args.get("zeroPoints") is not None else [0] * len(scales)
    sshape = [(-(-d // B) if i == ax else d) for i, d in enumerate(shape)] if B else None
    ss, zz = [], []
    for i in range(n):
        idx, rest = [0] * r, i
        for d in range(r - 1, -1, -1):
            idx[d] = rest % shape[d]
            rest //= shape[d]
        if not B:
            k = idx[ax]
        else:
            k = 0
            for d in range(r):
                k = k * sshape[d] + (idx[d] // B if d == ax else idx[d])
        ss.append(scales[k])
        zz.append(zps[k])
    return ss, zz


# seq.crf-* arguments (shared by the shipped adapters)
def crf_check(args):
    """Checks a linear-chain CRF's argument shapes: transitions L×L with L ≥ 1, emissions T×L (T ≥ 0),
    start and end (when given) of L entries; raises ValueError naming the first that is wrong."""
    A_rows = args["transitions"]
    L = len(A_rows)
    if L < 1 or any(len(r) != L for r in A_rows):
        raise ValueError("crf: transitions must be L×L with L ≥ 1")
    if any(len(r) != L for r in args["emissions"]):
        raise ValueError("crf: emissions must be T×L")
    for nm in ("start", "end"):
        vec = args.get(nm)
        if vec is not None and len(vec) != L:
            raise ValueError("crf: %s must have L entries" % nm)


# float8 formats (ONNX FLOAT8E4M3FN, E4M3FNUZ, E5M2, E5M2FNUZ): exponent bits, mantissa bits, bias, special codes
FLOAT8 = {"E4M3FN": (4, 3, 7, "fn"), "E4M3FNUZ": (4, 3, 8, "uz"), "E5M2": (5, 2, 15, "ieee"), "E5M2FNUZ": (5, 2, 16, "uz")}


def float8_cast(t, fmt, saturate=True):
    """ONNX Cast of the float array t (float32 or float64 values, exact) to the float8 format `fmt`, as byte
    codes: |t| scaled to its binade by a power of two (exact), the mantissa rounded half to even (np.rint),
    rescaled; overflow decided on the rounded value (saturate: +-max; else +-inf for E5M2, NaN otherwise);
    +-0 kept (UZ formats: 0). Neither torch 1.13 nor numpy 1.24 has a float8 dtype: this is lemmata's own
    helper for the adapters' float8 QuantizeLinear (the division before it is the library's)."""
    import numpy as np
    e_bits, m_bits, bias, special = FLOAT8[fmt]
    t = np.asarray(t, dtype=np.float64).ravel()
    sb, allb = 1 << (e_bits + m_bits), (1 << (e_bits + m_bits)) - 1
    K = allb - 1 if special == "fn" else allb - (1 << m_bits) if special == "ieee" else allb
    nan = sb if special == "uz" else allb
    Emax = K >> m_bits
    top = ((1 << m_bits) + (K & ((1 << m_bits) - 1))) * 2.0 ** (Emax - bias - m_bits)
    out = np.zeros(t.shape, dtype=np.int64)
    emin = 1 - bias
    with np.errstate(all="ignore"):
        a = np.abs(t)
        fin = np.isfinite(a) & (a > 0)
        e = np.where(fin, np.floor(np.log2(np.where(fin, a, 1.0))), emin).astype(np.int64)
        # fix log2 off-by-one at binade edges
        e = np.where(fin & (np.ldexp(1.0, e) > a), e - 1, e)
        e = np.where(fin & (np.ldexp(1.0, e + 1) <= a), e + 1, e)
        e = np.maximum(e, emin)
        m = np.rint(np.ldexp(np.where(fin, a, 0.0), -(e - m_bits)))
        v = np.ldexp(m, e - m_bits)
    for i in range(t.size):
        x = t[i]
        neg = bool(np.signbit(x))
        def sign(c):
            return (sb | c) if neg and not (special == "uz" and c == 0) else c
        if np.isnan(x):
            out[i] = nan
            continue
        if not np.isfinite(x) or v[i] > top:
            out[i] = sign(K) if saturate else (sign(K + 1) if special == "ieee" else nan)
            continue
        if not fin[i] or v[i] == 0:
            out[i] = sign(0)
            continue
        vv = float(v[i])
        E = int(np.floor(np.log2(vv))) + bias
        if vv < 2.0 ** emin:
            E = 0
            M = int(round(vv / 2.0 ** (emin - m_bits)))
        else:
            M = int(round(vv / 2.0 ** (E - bias - m_bits))) - (1 << m_bits)
        out[i] = sign((E << m_bits) | M)
    return out


def float8_value(codes, fmt):
    """Values of finite float8 byte codes (exact as float64)."""
    e_bits, m_bits, bias, special = FLOAT8[fmt]
    sb = 1 << (e_bits + m_bits)
    out = []
    for c in codes:
        c = int(c)
        mag = c & (sb - 1)
        E, M = mag >> m_bits, mag & ((1 << m_bits) - 1)
        v = M * 2.0 ** (1 - bias - m_bits) if E == 0 else ((1 << m_bits) + M) * 2.0 ** (E - bias - m_bits)
        out.append(-v if c & sb else v)
    return out


def _log(msg):
    try:
        sys.stderr.write("[lemmata adapter] %s\n" % msg)
        sys.stderr.flush()
    except Exception:
        pass


def _error_text(exc):
    msg = str(exc)
    return "%s: %s" % (type(exc).__name__, msg) if msg else type(exc).__name__


def _hello(name, ops, profile):
    h = {"lemmata": PROTOCOL_VERSION, "type": "hello", "name": str(name),
         "ops": {op: list(dtypes) for op, (_, dtypes) in ops.items()}}
    if profile is not None:
        h["profile"] = dict(profile)
    h["encodings"] = ["json", "base64"]
    h["protocols"] = list(PROTOCOLS)
    return _dumps(h)


def _run_item(fn, item, dtype, blob=None, arrays=False, out_blob=None):
    """One batch item -> the JSON text of {"ok": ...} or {"error": ...}. `blob`: the request
    frame's bytes (version 2); `out_blob`: a _Blob collecting the reply's tensor bytes (version 2)."""
    mark = (len(out_blob.parts), out_blob.size) if out_blob is not None else None
    try:
        result = fn(decode_args(item, blob, arrays), dtype)
        if out_blob is not None:
            result = _binary(result, dtype, out_blob)
            if type(result) is _Ref:
                return '{"ok":%s}' % result
            if _has_ref(result):
                return '{"ok":%s}' % _splice(encode_value(result, dtype))
        elif hasattr(result, "tolist") and not isinstance(result, (list, tuple, dict)):
            result = result.tolist()
        try:
            text = _dumps(result)  # fast path: plain JSON with finite numbers only
        except (TypeError, ValueError):
            text = _dumps(encode_value(result, dtype))
        return '{"ok":%s}' % text
    except Exception as exc:  # noqa: BLE001 — every failure is reported per item
        if mark is not None:
            del out_blob.parts[mark[0]:]  # drop the bytes of a result that could not be encoded
            out_blob.size = mark[1]
        return _dumps({"error": _error_text(exc)})


def _has_ref(v):
    if type(v) is _Ref:
        return True
    if isinstance(v, dict):
        return any(_has_ref(x) for x in v.values())
    if isinstance(v, list) and v and isinstance(v[0], (list, dict, _Ref)):
        return any(_has_ref(x) for x in v)
    return False


def _splice(v):
    """JSON text of an encoded value whose tensor references are _Ref texts."""
    if type(v) is _Ref:
        return str(v)
    if isinstance(v, dict):
        return "{%s}" % ",".join("%s:%s" % (_dumps(str(k)), _splice(x)) for k, x in v.items())
    if isinstance(v, list) and v and isinstance(v[0], (list, dict, _Ref)):
        return "[%s]" % ",".join(_splice(x) for x in v)
    return _dumps(v)


class _State:
    """Per connection: the framing agreed in the hello."""

    __slots__ = ("v2",)

    def __init__(self):
        self.v2 = False


def _handle(line, ops, hello_line, state=None, blob=None, arrays=False, vectorise=None):
    """One request (a line, or a version-2 frame's header line and `blob`) -> the reply: a line
    (str, without newline), a (header line, parts) pair for a version-2 frame, or None to ignore."""
    try:
        req = json.loads(line)
    except ValueError as exc:
        _log("ignored a line that is not JSON (%s): %.200r" % (exc, line))
        return None
    return _handle_request(req, line, ops, hello_line, state, blob, arrays, vectorise)


def _handle_request(req, line, ops, hello_line, state, blob, arrays, vectorise=None):
    if not isinstance(req, dict):
        _log("ignored a line that is not a JSON object: %.200r" % (line,))
        return None
    if req.get("type") == "hello":
        if req.get("lemmata") != PROTOCOL_VERSION:
            _log("hello for protocol version %r; this adapter speaks %d" % (req.get("lemmata"), PROTOCOL_VERSION))
        if state is not None:
            offered = req.get("protocols")
            state.v2 = isinstance(offered, list) and 2 in offered
        return hello_line
    if "id" not in req:
        _log("ignored a request without an id: %.200r" % (line,))
        return None
    rid = req["id"]
    try:
        id_text = _dumps(rid)
    except (TypeError, ValueError):
        _log("ignored a request whose id is not JSON-encodable: %.200r" % (line,))
        return None

    def whole_error(msg):
        return '{"id":%s,"error":%s}' % (id_text, _dumps(msg))

    op, dtype, batch = req.get("op"), req.get("dtype"), req.get("batch")
    if not isinstance(op, str):
        return whole_error("malformed request: 'op' must be a string")
    if op not in ops:
        return whole_error("unknown op %r" % (op,))
    fn, dtypes = ops[op]
    if dtype not in dtypes:
        return whole_error("op %r does not support dtype %r (supported: %s)" % (op, dtype, ", ".join(dtypes)))
    if not isinstance(batch, list):
        return whole_error("malformed request: 'batch' must be a list")
    if state is None or not state.v2:
        return '{"id":%s,"results":[%s]}' % (id_text, ",".join(_run_item(fn, it, dtype, None, arrays) for it in batch))
    out = _Blob()
    names = vectorise.get(op) if vectorise and arrays else None
    if names and len(batch) > 1:
        results = _run_batch_vectorised(fn, batch, dtype, blob, out, names)
    else:
        results = ",".join(_run_item(fn, it, dtype, blob, arrays, out) for it in batch)
    return ('{"id":%s,"results":[%s],"blob":%d}' % (id_text, results, out.size), out.parts)


# --------------------------------------------------------------------------------------------
# Vectorised batches (version 2, arrays=True, ops the adapter declares in `vectorise`)
# --------------------------------------------------------------------------------------------

def _group_key(item, names):
    """The stacking key of a batch item: its vectorised arguments' (dtype, shape) and the JSON text
    of its other arguments; None when the item must go through the per-item path (an argument
    missing or not a tensor reference, another argument that holds a reference). Shapes and dtypes
    are checked once per group (_run_group)."""
    key = []
    for name in names:
        r = item[name]
        if type(r) is not dict or "offset" not in r:
            return None
        key.append(r["dtype"])
        key.append(tuple(r["shape"]))
    if len(item) != len(names):
        others = {k: v for k, v in item.items() if k not in names}
        if len(others) != len(item) - len(names):
            return None
        text = _dumps(others)
        if '"offset"' in text:
            return None  # a reference among the shared arguments: each item gets its own array
        key.append(text)
    return tuple(key)


def _stackable(dt, shape):
    """Whether tensors of this dtype and shape may be stacked: a known dtype and a non-empty shape
    of positive integers (shape [] and empty tensors go item by item)."""
    if type(dt) is not str or dt not in _STRUCT or type(shape) is not list or not shape:
        return False
    for d in shape:
        if type(d) is not int or d <= 0:
            return False
    return True


def _gather(blob, refs, dt, shape):
    """The tensors `refs` (all of `dt` and `shape`) stacked along a new leading axis: one NumPy
    gather from the blob (a copy: writable, its own memory); None when a reference is malformed
    or unaligned (the per-item path then reports it item by item)."""
    size = _STRUCT[dt][1]
    n = 1
    for d in shape:
        n *= d
    nbytes, limit = n * size, len(blob)
    offs = []
    for r in refs:
        off = r.get("offset")
        if type(off) is not int or off < 0 or off % size or r.get("nbytes") != nbytes or off + nbytes > limit:
            return None
        offs.append(off // size)
    base = _np.frombuffer(blob, dtype=_LE[dt], count=limit // size)
    a = base[_np.asarray(offs, dtype=_np.intp)[:, None] + _np.arange(n, dtype=_np.intp)]
    a = a.reshape((len(refs),) + tuple(shape))
    return a if a.dtype.isnative else a.astype(a.dtype.newbyteorder("="))


def _run_group(fn, batch, idx, dtype, blob, out, names, texts):
    """One call of `fn` for the items `idx` (same key): their vectorised arguments stacked, the
    result split along its leading axis into one tensor reference per item, written to `texts`.
    Leaves `texts` untouched (the per-item path takes over) when anything does not fit: a
    malformed reference, an exception, a result that is not an array of len(idx) rows of the
    request's dtype (or integers)."""
    first = batch[idx[0]]
    args = {}
    for k, v in first.items():
        if k not in names:
            args[k] = _decode_any(v, blob, True)
    for name in names:
        r0 = first[name]
        if not _stackable(r0["dtype"], r0["shape"]):
            return
        a = _gather(blob, [batch[i][name] for i in idx], r0["dtype"], r0["shape"])
        if a is None:
            return
        args[name] = a
    try:
        res = fn(args, dtype)
    except Exception:  # noqa: BLE001 — item by item, each item reports its own error
        return
    a = res if type(res) is _NDARRAY else _as_ndarray(res)
    if a is None or a.ndim < 2 or a.shape[0] != len(idx):
        return
    dt = a.dtype
    if dt.kind == "f" and dt == _WIRE_DT[dtype]:
        wire = dtype
    elif dt.kind == "i" and dt.itemsize <= 4:
        wire = "int32"
    elif dt.kind == "i" or (dt.kind == "u" and dt.itemsize <= 4):
        wire = "int64"
    else:
        return
    data = _np.ascontiguousarray(a, dtype=_WIRE_DT[wire])
    row = data.nbytes // len(idx)
    off = out.add(data.data.cast("B"))
    head = '{"ok":{"dtype":"%s","shape":[%s],"offset":' % (wire, ",".join(map(str, a.shape[1:])))
    tail = ',"nbytes":%d}}' % row
    for j, i in enumerate(idx):
        texts[i] = "%s%d%s" % (head, off + j * row, tail)


def _run_batch_vectorised(fn, batch, dtype, blob, out, names):
    """The results of a version-2 batch (JSON texts joined by commas): items whose vectorised
    arguments have the same dtype and shape (and whose other arguments are equal) go through one
    call per group; every other item, and every group that does not fit, item by item."""
    groups = {}
    for i, item in enumerate(batch):
        try:
            key = _group_key(item, names) if type(item) is dict else None
            g = groups.get(key) if key is not None else None  # hashing may fail too
        except (KeyError, TypeError, ValueError):
            key = None
        if key is not None:
            if g is None:
                groups[key] = [i]
            else:
                g.append(i)
    texts = [None] * len(batch)
    for idx in groups.values():
        if len(idx) > 1:
            _run_group(fn, batch, idx, dtype, blob, out, names, texts)
    for i, t in enumerate(texts):
        if t is None:
            texts[i] = _run_item(fn, batch[i], dtype, blob, True, out)
    return ",".join(texts)


def _read_exact(inp, n):
    """n bytes from `inp` into a fresh bytearray (writable, so NumPy views of it are writable), or
    None at EOF."""
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = inp.readinto(view[got:])
        if not k:
            return None
        got += k
    return buf


def _blob_length(req):
    """The "blob" field of a version-2 frame header (0 when absent or malformed)."""
    b = req.get("blob", 0) if isinstance(req, dict) else 0
    return b if isinstance(b, int) and not isinstance(b, bool) and b >= 0 else 0


def _validate_vectorise(vectorise, ops):
    if vectorise is None:
        return None
    if not isinstance(vectorise, dict):
        raise TypeError("vectorise must be a dict of op id -> argument names")
    out = {}
    for op, names in vectorise.items():
        if op not in ops:
            raise ValueError("vectorise names op %r, which OPS does not define" % (op,))
        names = tuple(names) if isinstance(names, (list, tuple)) else (names,)
        if not names or not all(isinstance(n, str) for n in names):
            raise TypeError("vectorise[%r] must name at least one tensor argument" % (op,))
        out[op] = names
    return out


def serve(name, ops, profile=None, arrays=False, vectorise=None):
    """Speak the lemmata line protocol on stdin/stdout until EOF. `ops`: op id -> (fn, dtypes).
    `arrays=True`: tensor arguments arrive as NumPy arrays (needs NumPy). `vectorise`: op id ->
    names of tensor arguments over which the op's function maps a new leading axis (see the
    module docstring, "Vectorised batches"); used with arrays=True under version 2."""
    ops = _validate_ops(ops)
    if arrays and _np is None:
        raise ImportError("serve(..., arrays=True) needs NumPy")
    vectorise = _validate_vectorise(vectorise, ops)
    if os.environ.get("LEMMATA_VECTORISE") == "0":
        vectorise = None  # every item through the per-item path (for comparisons: bench:protocol)
    hello_line = _hello(name, ops, profile)
    out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else sys.stdout
    inp = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin
    saved_stdout = sys.stdout
    sys.stdout = sys.stderr  # protocol lines only on the real stdout
    state = _State()
    try:
        while True:
            raw = inp.readline()
            if not raw:
                break  # EOF: the runner closed stdin
            try:
                line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            except UnicodeDecodeError:
                _log("ignored a line that is not UTF-8")
                continue
            if not line.strip():
                continue
            try:
                if state.v2:
                    # a frame: its header line, then exactly "blob" bytes
                    try:
                        req = json.loads(line)
                    except ValueError as exc:
                        _log("ignored a frame header that is not JSON (%s): %.200r" % (exc, line))
                        continue
                    n = _blob_length(req)
                    blob = _read_exact(inp, n) if n else bytearray()
                    if blob is None:
                        break  # EOF inside a frame
                    reply = _handle_request(req, line, ops, hello_line, state, blob, arrays, vectorise)
                else:
                    reply = _handle(line, ops, hello_line, state, None, arrays, vectorise)
            except Exception:  # noqa: BLE001 — never die on one bad line
                _log("internal error on a line, ignored:\n" + traceback.format_exc())
                continue
            if reply is None:
                continue
            try:
                if isinstance(reply, tuple):
                    reply[1].insert(0, (reply[0] + "\n").encode("utf-8"))
                    out.write(b"".join(reply[1]))  # one write: header and blob
                else:
                    out.write((reply + "\n").encode("utf-8"))
                out.flush()
            except BrokenPipeError:
                break  # the runner went away
    except KeyboardInterrupt:
        pass
    finally:
        sys.stdout = saved_stdout
