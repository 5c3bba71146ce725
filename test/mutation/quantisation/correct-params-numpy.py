# Correct zoo: the NumPy adapter's affine parameters (np.minimum/np.maximum widening, np.rint), float32 and float64.
# lemmata-meta: {"op": "quant.affine-params", "kind": "correct", "class": "library (NumPy)", "description": "NumPy: widen, divide, np.rint, np.clip"}
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import numpy_adapter as na
from lemmata_protocol import serve

OPS = {k: v for k, v in na.OPS.items() if k.startswith("quant.")}

if __name__ == "__main__":
    serve("zoo-params-numpy", OPS)
