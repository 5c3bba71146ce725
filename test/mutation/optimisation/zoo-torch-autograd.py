# lemmata-meta: {"op": "opt.gd-steps", "kind": "correct", "class": "gradient form (autograd + SGD)", "description": "torch: loss = ((y - sigma*w)**2).sum(), loss.backward(), torch.optim.SGD(lr=eta).step(), in the request dtype"}
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import torch  # noqa: E402
from lemmata_protocol import serve  # noqa: E402

torch.set_num_threads(1)
T = {"float32": torch.float32, "float64": torch.float64}


def gd(a, dt):
    t = T[dt]
    sigma = torch.tensor(a["sigma"], dtype=t)
    y = torch.tensor(a["y"], dtype=t)
    w = torch.tensor(a["w0"], dtype=t, requires_grad=True)
    opt = torch.optim.SGD([w], lr=a["eta"])
    for _ in range(a["steps"]):
        opt.zero_grad()
        loss = ((y - sigma * w) ** 2).sum()
        loss.backward()
        opt.step()
    return w.detach().tolist()


OPS = {"opt.gd-steps": (gd, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-gd-torch-autograd", OPS)
