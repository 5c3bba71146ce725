# Correct zoo: the NumPy adapter's quantisation (clients/python/numpy_adapter.py): np.rint (half to even), np.clip,
# dequantize converting q and z to the dtype first; float32 and float64.
# lemmata-meta: {"op": "quant.quantize", "kind": "correct", "class": "library (NumPy)", "description": "NumPy: widen, divide, np.rint, np.clip; dequantize in the dtype"}
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import numpy_adapter as na
from lemmata_protocol import serve

from _numpy_float8 import with_float8

# float8 formats composed from NumPy's quotient and lemmata_protocol.float8_cast (_numpy_float8.py; the peer adapter refuses them)
OPS = with_float8({k: v for k, v in na.OPS.items() if k.startswith("quant.")})

if __name__ == "__main__":
    serve("zoo-quant-numpy", OPS)
