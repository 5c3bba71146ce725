# lemmata-meta: {"op": "cnn.max-unpool2d-shape", "kind": "correct", "class": "real layers", "description": "torch.nn.functional.max_unpool2d on a zero tensor (padding, output_size; asymmetric ONNX pads by cropping), the output shape read back"}
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import torch  # noqa: E402
from lemmata_protocol import serve  # noqa: E402
from torch_transpose_shapes import conv_transpose2d_shape, max_unpool2d_shape  # noqa: E402

torch.set_num_threads(1)
OPS = {"cnn.conv-transpose2d-shape": (lambda a, dt: conv_transpose2d_shape(a), ["float32"]), "cnn.max-unpool2d-shape": (lambda a, dt: max_unpool2d_shape(a), ["float32"])}
if __name__ == "__main__":
    serve("zoo-unpool-torch", OPS)
