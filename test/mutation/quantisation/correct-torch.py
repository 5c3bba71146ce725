# Correct zoo: PyTorch tensor arithmetic (clients/python/torch_adapter.py): torch.minimum/maximum widening, torch.round
# (half to even), torch.clamp; dequantize (q − z)·s with q and z converted to the dtype; float32 and float64.
# The quantized-tensor kernels are NOT here: see bug-torch-quantize-per-tensor.py and bug-torch-dequantize-qint32.py.
# PyTorch's MinMaxObserver is not used for the parameters: it clamps s ≥ 1.19e-7 (float32 eps), a convention of its own.
# lemmata-meta: {"op": "quant.dequantize", "kind": "correct", "class": "library (PyTorch)", "description": "PyTorch tensor arithmetic: parameters, quantize, dequantize"}
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import torch_adapter as ta
from lemmata_protocol import serve

OPS = {k: v for k, v in ta.OPS.items() if k.startswith("quant.")}
# the tensor-arithmetic quantize (the adapter itself uses torch.quantize_per_tensor / per_channel where they apply)
OPS["quant.quantize"] = (ta.quantize_arith, OPS["quant.quantize"][1])
# float8 formats through lemmata_protocol.float8_cast / float8_value (torch 1.13 has none; the peer adapter refuses them)
OPS["quant.dequantize"] = (ta.dequantize_arith, OPS["quant.dequantize"][1])

if __name__ == "__main__":
    serve("zoo-quant-torch", OPS)
