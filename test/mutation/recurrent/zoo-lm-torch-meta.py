# lemmata-meta: {"op": "nn.window-lm-param-count", "kind": "correct", "class": "real layers", "description": "torch: nn.Embedding + Flatten + Linear + Linear (one-hot: Linear(n V, h) + Linear(h, V)) on the meta device, sum of p.numel()"}
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import torch  # noqa: E402
from lemmata_protocol import serve  # noqa: E402

nn = torch.nn


def count(a, dt):
    V, h, n, d = a["vocab"], a["hidden"], a["window"], a["embed"]
    dev = torch.device("meta")
    if d > 0:
        model = nn.Sequential(nn.Embedding(V, d, device=dev), nn.Flatten(), nn.Linear(n * d, h, device=dev), nn.Tanh(), nn.Linear(h, V, device=dev))
    else:
        model = nn.Sequential(nn.Linear(n * V, h, device=dev), nn.Tanh(), nn.Linear(h, V, device=dev))
    return sum(p.numel() for p in model.parameters())


OPS = {"nn.window-lm-param-count": (count, ["float32"])}
if __name__ == "__main__":
    serve("zoo-lm-torch-meta", OPS)
