# lemmata-meta: {"op": "nn.softmax", "kind": "correct", "class": "library", "description": "torch.softmax (CPU) in float32 and float64"}
# Correct zoo: PyTorch's own softmax kernel, called on a tensor of the request dtype.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
from lemmata_protocol import serve  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(1)
DT = {"float32": torch.float32, "float64": torch.float64}


def softmax(args, dtype):
    x = torch.tensor(args["x"], dtype=DT[dtype])
    return torch.softmax(x, dim=0)


if __name__ == "__main__":
    serve("zoo-softmax-torch-" + torch.__version__, {"nn.softmax": (softmax, ["float32", "float64"])})
