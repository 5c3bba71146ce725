# lemmata-meta: {"op": "fourier.stft", "kind": "correct", "class": "FFT in a wider precision", "description": "numpy: the clients/python/numpy_adapter.py fourier.stft (pocketfft in complex128, rounded to the request dtype)"}
import os
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
from lemmata_protocol import serve  # noqa: E402
import numpy_adapter as adapter  # noqa: E402

OPS = {"fourier.stft": (adapter.fourier_stft, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-stft-numpy", OPS, adapter.PROFILE, arrays=True)
