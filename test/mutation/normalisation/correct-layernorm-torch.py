# lemmata-meta: {"op": "norm.layernorm", "kind": "correct", "class": "library", "description": "torch.nn.functional.layer_norm (CPU) in float32 and float64"}
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
from lemmata_protocol import serve  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(1)
DT = {"float32": torch.float32, "float64": torch.float64}


def layernorm(args, dtype):
    t = DT[dtype]
    x = torch.tensor(args["x"], dtype=t)
    g = torch.tensor(args["gamma"], dtype=t)
    b = torch.tensor(args["beta"], dtype=t)
    return torch.nn.functional.layer_norm(x, (x.shape[-1],), g, b, float(args["eps"]))


if __name__ == "__main__":
    serve("zoo-layernorm-torch-" + torch.__version__, {"norm.layernorm": (layernorm, ["float32", "float64"])})
