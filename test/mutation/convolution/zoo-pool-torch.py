# lemmata-meta: {"op": "cnn.pool2d-shape", "kind": "correct", "class": "real layers", "description": "torch.nn.functional.conv2d / max_pool2d (floor mode) on a zero tensor of the given size, the output shape read back"}
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import torch  # noqa: E402
from lemmata_protocol import serve  # noqa: E402

torch.set_num_threads(1)


def conv(a, dt):
    x = torch.zeros(1, 1, a["height"], a["width"])
    w = torch.zeros(1, 1, *a["kernel"])
    return list(torch.nn.functional.conv2d(x, w, stride=tuple(a["stride"]), padding=tuple(a["padding"])).shape[2:])


def pool(a, dt):
    x = torch.zeros(1, 1, a["height"], a["width"])
    return list(torch.nn.functional.max_pool2d(x, tuple(a["kernel"]), stride=tuple(a["stride"])).shape[2:])


OPS = {"cnn.conv2d-shape": (conv, ["float32"]), "cnn.pool2d-shape": (pool, ["float32"])}
if __name__ == "__main__":
    serve("zoo-pool-torch", OPS)
