# lemmata-meta: {"op": "attn.sdpa", "kind": "correct", "class": "library", "description": "PyTorch (CPU) math path: softmax(q @ k.T / sqrt(d) + causal mask) @ v in float32 and float64"}
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
from lemmata_protocol import serve  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(1)
DT = {"float32": torch.float32, "float64": torch.float64}


def sdpa(args, dtype):
    t = DT[dtype]
    q = torch.tensor(args["q"], dtype=t)
    k = torch.tensor(args["k"], dtype=t)
    v = torch.tensor(args["v"], dtype=t)
    s = (q @ k.T) / math.sqrt(q.shape[-1])
    if args["causal"]:
        T, S = s.shape
        s = s.masked_fill(torch.ones(T, S, dtype=torch.bool).triu(1), float("-inf"))
    return torch.softmax(s, dim=-1) @ v


if __name__ == "__main__":
    serve("zoo-sdpa-torch-" + torch.__version__, {"attn.sdpa": (sdpa, ["float32", "float64"])})
