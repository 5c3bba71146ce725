# lemmata-meta: {"op": "lstm.cell", "kind": "correct", "class": "one fused gate matmul", "description": "numpy: the four W_g stacked into one 4m x (m+n) matrix times [h; x] plus the stacked bias; sigma by the sign-split stable form, np.tanh; in the request dtype"}
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import numpy as np  # noqa: E402
from lemmata_protocol import serve  # noqa: E402

NP = {"float32": np.float32, "float64": np.float64}


def sigmoid(a, t):
    with np.errstate(over="ignore"):
        e = np.exp(-np.abs(a)).astype(t)
        return np.where(a >= 0, t(1) / (t(1) + e), e / (t(1) + e)).astype(t)


def cell(a, dt):
    t = NP[dt]
    m, n = len(a["h"]), len(a["x"])
    W = np.concatenate([np.asarray(a["W" + g], dtype=t).reshape(m, m + n) for g in "fico"]).astype(t)
    b = np.concatenate([np.asarray(a["b" + g], dtype=t) for g in "fico"]).astype(t)
    z = np.concatenate([np.asarray(a["h"], dtype=t), np.asarray(a["x"], dtype=t)]).astype(t)
    pre = (W @ z + b).astype(t)
    f, i, g, o = sigmoid(pre[:m], t), sigmoid(pre[m:2 * m], t), np.tanh(pre[2 * m:3 * m]).astype(t), sigmoid(pre[3 * m:], t)
    c = (f * np.asarray(a["c"], dtype=t) + i * g).astype(t)
    h = (o * np.tanh(c)).astype(t)
    return {"h": h.tolist(), "c": c.tolist()}


OPS = {"lstm.cell": (cell, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-lstm-numpy-fused", OPS)
