# lemmata-meta: {"op": "stats.variance", "kind": "correct", "class": "library", "description": "numpy.var(x, ddof=correction) in float32 and float64 (two-pass, pairwise sums)"}
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
from lemmata_protocol import serve  # noqa: E402
import numpy as np  # noqa: E402

DT = {"float32": np.float32, "float64": np.float64}


def variance(args, dtype):
    x = np.asarray(args["x"], dtype=DT[dtype])
    c = int(args["correction"])
    if x.size - c <= 0:
        return float("nan")
    return np.var(x, ddof=c, dtype=DT[dtype])


if __name__ == "__main__":
    serve("zoo-variance-numpy-" + np.__version__, {"stats.variance": (variance, ["float32", "float64"])})
