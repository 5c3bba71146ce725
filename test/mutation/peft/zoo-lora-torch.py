# lemmata-meta: {"op": "peft.lora-merge", "kind": "correct", "class": "real library", "description": "torch.addmm(W0, B, A, alpha=lora_alpha/r) in the request dtype (the fused merge of a GEMM)"}
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import torch  # noqa: E402
from lemmata_protocol import serve  # noqa: E402

torch.set_num_threads(1)
T = {"float32": torch.float32, "float64": torch.float64}


def merge(a, dt):
    t = T[dt]
    w0, b, A = (torch.tensor(a[k], dtype=t) for k in ("w0", "b", "a"))
    return torch.addmm(w0, b, A, alpha=a["alpha"] / A.shape[0]).tolist()


OPS = {"peft.lora-merge": (merge, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-lora-torch", OPS)
