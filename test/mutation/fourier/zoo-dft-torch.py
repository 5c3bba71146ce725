# lemmata-meta: {"op": "fourier.dft", "kind": "correct", "class": "library FFT in the dtype", "description": "torch 1.13: the clients/python/torch_adapter.py fourier.dft (torch.fft / torch.stft in the request dtype, periodic Hann, center=False)"}
import os
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
from lemmata_protocol import serve  # noqa: E402
import torch_adapter as adapter  # noqa: E402

OPS = {"fourier.dft": (adapter.fourier_dft, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-dft-torch", OPS, adapter.PROFILE, arrays=True)
