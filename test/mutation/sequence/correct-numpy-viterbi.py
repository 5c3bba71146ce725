# Correct zoo: the numpy adapter's CRF (clients/python/numpy_adapter.py), float32 and float64.
# lemmata-meta: {"op": "seq.crf-viterbi", "kind": "correct", "class": "library (numpy)", "description": "numpy adapter: max-plus DP / forward algorithm with a max-shifted logsumexp"}
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import numpy_adapter as ad
from lemmata_protocol import serve

OPS = {k: v for k, v in ad.OPS.items() if k.startswith("seq.")}

if __name__ == "__main__":
    serve("zoo-crf-numpy-viterbi", OPS)
