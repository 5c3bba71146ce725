# Correct zoo: PyTorch tensor arithmetic for quantize (torch.round(x / s) + z, torch.clamp), float32 and float64.
# lemmata-meta: {"op": "quant.quantize", "kind": "correct", "class": "library (PyTorch)", "description": "PyTorch tensor arithmetic: torch.round(x/s) + z, torch.clamp"}
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
    serve("zoo-quantize-torch", OPS)
