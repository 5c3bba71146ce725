# lemmata-meta: {"op": "opt.gd-steps", "kind": "correct", "class": "matrix form", "description": "numpy: S = diag(sigma) as a full matrix, w <- w + 2 eta S^T (y - S w) with matmuls, in the request dtype"}
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import numpy as np  # noqa: E402
from lemmata_protocol import serve  # noqa: E402

NP = {"float32": np.float32, "float64": np.float64}


def gd(a, dt):
    t = NP[dt]
    S = np.diag(np.asarray(a["sigma"], dtype=t)).astype(t)
    y = np.asarray(a["y"], dtype=t)
    w = np.asarray(a["w0"], dtype=t)
    c = t(2) * t(a["eta"])
    for _ in range(a["steps"]):
        w = (w + c * (S.T @ (y - S @ w))).astype(t)
    return w.tolist()


OPS = {"opt.gd-steps": (gd, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-gd-numpy-matrix", OPS)
