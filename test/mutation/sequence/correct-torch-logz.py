# Correct zoo: the torch adapter's CRF (clients/python/torch_adapter.py), float32 and float64.
# lemmata-meta: {"op": "seq.crf-logz", "kind": "correct", "class": "library (torch)", "description": "torch adapter: max-plus DP / forward algorithm with a max-shifted logsumexp"}
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import torch_adapter as ad
from lemmata_protocol import serve

OPS = {k: v for k, v in ad.OPS.items() if k.startswith("seq.")}

if __name__ == "__main__":
    serve("zoo-crf-torch-logz", OPS)
