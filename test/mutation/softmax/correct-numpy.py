# lemmata-meta: {"op": "nn.softmax", "kind": "correct", "class": "library", "description": "NumPy: exp(x − max) / sum (pairwise sum) in float32 and float64"}
# Correct zoo: the NumPy idiom, in the request dtype (np.sum is pairwise).
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
from lemmata_protocol import serve  # noqa: E402
import numpy as np  # noqa: E402

DT = {"float32": np.float32, "float64": np.float64}


def softmax(args, dtype):
    x = np.asarray(args["x"], dtype=DT[dtype])
    if x.size == 0:
        return x
    e = np.exp(x - x.max())
    return e / e.sum()


if __name__ == "__main__":
    serve("zoo-softmax-numpy-" + np.__version__, {"nn.softmax": (softmax, ["float32", "float64"])})
