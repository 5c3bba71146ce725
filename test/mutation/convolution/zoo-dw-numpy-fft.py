# lemmata-meta: {"op": "cnn.conv2d-filter-grad", "kind": "correct", "class": "FFT cross-correlation (declared algorithm)", "description": "numpy: dW as the 2-D cross-correlation of the padded, stride-dilated input with dy by np.fft.rfft2 (float64, cast to the request dtype); declares profile algorithms {cnn.conv2d-filter-grad: fft}"}
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
    x = np.asarray(a["x"], dtype=np.float64)
    H, W = x.shape
    kh, kw = a["kernel"]
    s = a["stride"]
    pt, pb, ho = pads(H, kh, s, a["padding"])
    pl, pr, wo = pads(W, kw, s, a["padding"])
    xp = np.pad(x, ((pt, pb), (pl, pr)))
    # dW[h, l] = sum_{i,j} xp[i s + h, j s + l] dy[i, j]: correlate xp with dy dilated by the stride
    dyd = np.zeros(((ho - 1) * s + 1, (wo - 1) * s + 1))
    dyd[::s, ::s] = np.asarray(a["dy"], dtype=np.float64)
    Hp, Wp = xp.shape
    Nh, Nw = Hp + dyd.shape[0], Wp + dyd.shape[1]
    F = np.fft.rfft2(xp, (Nh, Nw)) * np.conj(np.fft.rfft2(dyd, (Nh, Nw)))
    c = np.fft.irfft2(F, (Nh, Nw))
    return c[:kh, :kw].astype(NP[dt]).tolist()


OPS = {"cnn.conv2d-filter-grad": (grad, ["float32", "float64"])}
PROFILE = {"algorithms": {"cnn.conv2d-filter-grad": "fft"}}
if __name__ == "__main__":
    serve("zoo-dw-numpy-fft", OPS, PROFILE)
