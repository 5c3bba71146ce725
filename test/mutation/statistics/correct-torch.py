# lemmata-meta: {"op": "stats.variance", "kind": "correct", "class": "library", "description": "torch.var(x, correction=c) on CPU in float32 and float64 (Welford, cascaded merges)"}
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
from lemmata_protocol import serve  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(1)
DT = {"float32": torch.float32, "float64": torch.float64}


def variance(args, dtype):
    x = torch.tensor(args["x"], dtype=DT[dtype])
    c = int(args["correction"])
    if x.numel() - c <= 0:
        return float("nan")
    return torch.var(x, unbiased=bool(c))


if __name__ == "__main__":
    serve("zoo-variance-torch-" + torch.__version__, {"stats.variance": (variance, ["float32", "float64"])})
