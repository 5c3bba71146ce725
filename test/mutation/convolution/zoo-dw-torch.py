# lemmata-meta: {"op": "cnn.conv2d-filter-grad", "kind": "correct", "class": "autograd backward kernel", "description": "torch: conv2d on the TensorFlow-padded input (explicit F.pad), autograd w.r.t. the weight with grad_output dy, in the request dtype"}
import math
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import torch  # noqa: E402
from lemmata_protocol import serve  # noqa: E402

torch.set_num_threads(1)
T = {"float32": torch.float32, "float64": torch.float64}


def pads(n, k, s, padding):
    if padding == "valid":
        return 0, 0
    out = math.ceil(n / s)
    total = max((out - 1) * s + k - n, 0)
    return total // 2, total - total // 2


def grad(a, dt):
    t = T[dt]
    H, W = len(a["x"]), len(a["x"][0])
    kh, kw = a["kernel"]
    s = a["stride"]
    (pt, pb), (pl, pr) = pads(H, kh, s, a["padding"]), pads(W, kw, s, a["padding"])
    x = torch.nn.functional.pad(torch.tensor(a["x"], dtype=t).view(1, 1, H, W), (pl, pr, pt, pb))
    w = torch.zeros(1, 1, kh, kw, dtype=t, requires_grad=True)
    y = torch.nn.functional.conv2d(x, w, stride=s)
    dy = torch.tensor(a["dy"], dtype=t).view(y.shape)
    y.backward(dy)
    return w.grad.view(kh, kw).tolist()


OPS = {"cnn.conv2d-filter-grad": (grad, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-dw-torch", OPS)
