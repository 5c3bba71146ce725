# Correct: NumPy's default_rng (PCG64, ziggurat normals) through the line protocol.
# lemmata-meta: {"op": "random.normal", "kind": "correct", "class": "NumPy default_rng", "description": "numpy.random.default_rng(seed): standard_normal(n, dtype) * std + mean in the request's dtype (ziggurat)"}
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import numpy as np  # noqa: E402
from lemmata_protocol import serve  # noqa: E402

NAME = "numpy-" + np.__version__ + "-default-rng"


def normal(args, dtype):
    dt = np.float32 if dtype == "float32" else np.float64
    rng = np.random.default_rng(int(args["seed"]))
    z = rng.standard_normal(int(args["n"]), dtype=dt)
    return z * dt(args["std"]) + dt(args["mean"])


OPS = {"random.normal": (normal, ["float32", "float64"])}

if __name__ == "__main__":
    serve(NAME, OPS)
