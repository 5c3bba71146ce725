# lemmata-meta: {"op": "bn.backward", "kind": "correct", "class": "library", "description": "torch autograd of F.batch_norm(training=True) on CPU in float32 and float64"}
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
from lemmata_protocol import serve  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(1)
DT = {"float32": torch.float32, "float64": torch.float64}


def bn_backward(args, dtype):
    t = DT[dtype]
    x = torch.tensor(args["x"], dtype=t, requires_grad=True)
    g = torch.tensor(args["gamma"], dtype=t, requires_grad=True)
    b = torch.tensor(args["beta"], dtype=t, requires_grad=True)
    dy = torch.tensor(args["dy"], dtype=t)
    y = torch.nn.functional.batch_norm(x, None, None, g, b, training=True, momentum=0.0, eps=float(args["eps"]))
    dx, dg, db = torch.autograd.grad(y, (x, g, b), dy)
    return {"dx": dx, "dgamma": dg, "dbeta": db}


if __name__ == "__main__":
    serve("zoo-bn-backward-torch-" + torch.__version__, {"bn.backward": (bn_backward, ["float32", "float64"])})
