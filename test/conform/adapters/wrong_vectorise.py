"""A NumPy softmax adapter whose `vectorise` declaration is false: its function normalises over the
whole array it is given (every axis), which is right for one item and wrong for a stack of them.
test/conform/protocol-vectorise.test.ts shows that comparing the grouped and per-item paths catches
such a declaration.

    python3 wrong_vectorise.py"""
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))

import numpy as np  # noqa: E402

from lemmata_protocol import serve  # noqa: E402


def softmax(args, dtype):
    x = np.asarray(args["x"], dtype=np.float32 if dtype == "float32" else np.float64)
    e = np.exp(x - x.max())
    return e / e.sum()


if __name__ == "__main__":
    serve("wrong-vectorise", {"nn.softmax": (softmax, ["float32", "float64"])}, None, arrays=True,
          vectorise={"nn.softmax": ["x"]})
