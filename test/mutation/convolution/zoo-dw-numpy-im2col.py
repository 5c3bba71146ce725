# lemmata-meta: {"op": "cnn.conv2d-filter-grad", "kind": "correct", "class": "im2col + GEMM", "description": "numpy: the padded input unfolded into a (kh kw) x (Ho Wo) patch matrix, dW = patches @ vec(dy) (one GEMV), in the request dtype"}
import math
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import numpy as np  # noqa: E402
from lemmata_protocol import serve  # noqa: E402

NP = {"float32": np.float32, "float64": np.float64}


def pads(n, k, s, padding):
    if padding == "valid":
        return 0, 0, (n - k) // s + 1
    out = math.ceil(n / s)
    total = max((out - 1) * s + k - n, 0)
    return total // 2, total - total // 2, out


def grad(a, dt):
    t = NP[dt]
    x = np.asarray(a["x"], dtype=t)
    H, W = x.shape
    kh, kw = a["kernel"]
    s = a["stride"]
    pt, pb, ho = pads(H, kh, s, a["padding"])
    pl, pr, wo = pads(W, kw, s, a["padding"])
    xp = np.pad(x, ((pt, pb), (pl, pr))).astype(t)
    cols = np.empty((kh * kw, ho * wo), dtype=t)
    for h in range(kh):
        for l in range(kw):
            cols[h * kw + l] = xp[h:h + s * (ho - 1) + 1:s, l:l + s * (wo - 1) + 1:s].reshape(-1)
    dy = np.asarray(a["dy"], dtype=t).reshape(-1)
    return (cols @ dy).astype(t).reshape(kh, kw).tolist()


OPS = {"cnn.conv2d-filter-grad": (grad, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-dw-numpy-im2col", OPS)
