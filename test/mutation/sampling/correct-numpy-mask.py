# Correct: NumPy's default_rng uniforms compared with p, through the line protocol.
# lemmata-meta: {"op": "random.bernoulli-mask", "kind": "correct", "class": "NumPy default_rng", "description": "numpy.random.default_rng(seed).random(n) < p (53-bit uniforms), as 0.0/1.0"}
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import numpy as np  # noqa: E402
from lemmata_protocol import serve  # noqa: E402

NAME = "numpy-" + np.__version__ + "-default-rng-mask"


def mask(args, dtype):
    dt = np.float32 if dtype == "float32" else np.float64
    rng = np.random.default_rng(int(args["seed"]))
    return (rng.random(int(args["n"])) < float(args["p"])).astype(dt)


OPS = {"random.bernoulli-mask": (mask, ["float32", "float64"])}

if __name__ == "__main__":
    serve(NAME, OPS)
