# lemmata-meta: {"op": "cnn.pool2d-shape", "kind": "correct", "class": "real layers", "description": "torch.nn.functional.conv2d / max_pool2d (dilation, F.pad for asymmetric or SAME pads, ceil_mode) on a zero tensor of the given size, the output shape read back"}
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import torch  # noqa: E402
from lemmata_protocol import serve  # noqa: E402
from torch_window_shapes import conv2d_shape, pool2d_shape  # noqa: E402

torch.set_num_threads(1)
OPS = {"cnn.conv2d-shape": (lambda a, dt: conv2d_shape(a), ["float32"]), "cnn.pool2d-shape": (lambda a, dt: pool2d_shape(a), ["float32"])}
if __name__ == "__main__":
    serve("zoo-pool-torch", OPS)
