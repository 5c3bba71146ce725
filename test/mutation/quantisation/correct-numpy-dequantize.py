# Correct zoo: NumPy dequantize (q and z converted to the dtype, subtracted, multiplied), int32 ranges included.
# lemmata-meta: {"op": "quant.dequantize", "kind": "correct", "class": "library (NumPy)", "description": "NumPy: (q − z)·s in the dtype"}
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import numpy_adapter as na
from lemmata_protocol import serve

from _numpy_float8 import with_float8

# float8 formats composed from NumPy's quotient and lemmata_protocol.float8_cast (_numpy_float8.py; the peer adapter refuses them)
OPS = with_float8({k: v for k, v in na.OPS.items() if k.startswith("quant.")})

if __name__ == "__main__":
    serve("zoo-dequant-numpy", OPS)
