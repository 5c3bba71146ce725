# The NumPy zoo entries' float8 forms (ONNX QuantizeLinear / DequantizeLinear with `format`): NumPy has no float8
# dtype, so the NumPy peer adapter refuses float8 formats; as correct algorithms of the mutation corpus the zoo
# composes NumPy's quotient (in the dtype) with lemmata_protocol.float8_cast, and dequantizes through float8_value.
import numpy_adapter as na
from lemmata_protocol import quant_layout, float8_cast, float8_value


def _scale(args, lay, dtype):
    return na._arr(lay[0], dtype) if lay is not None else na._num(args["scale"], dtype)


def quantize(args, dtype):
    if not args.get("format"):
        return na.quantize(args, dtype)
    x = na._arr(args["x"], dtype)
    if x.size == 0:
        return []
    return float8_cast(x / _scale(args, quant_layout(args, x.size), dtype), args["format"], args.get("saturate", True) is not False)


def dequantize(args, dtype):
    if not args.get("format"):
        return na.dequantize(args, dtype)
    if not len(args["q"]):
        return []
    v = na._arr(float8_value(args["q"], args["format"]), dtype)
    return v * _scale(args, quant_layout(args, len(args["q"])), dtype)


def with_float8(ops):
    """The NumPy adapter's quant ops with the float8 forms above."""
    out = dict(ops)
    out["quant.quantize"] = (quantize, ops["quant.quantize"][1])
    out["quant.dequantize"] = (dequantize, ops["quant.dequantize"][1])
    return out
