"""An "implementation" of nn.softmax that returns its argument unchanged, for the bit-exactness
tests of protocol version 2 (test/conform/protocol-v2.test.ts).

    python3 echo_v2.py [arrays|lists]

arrays (default): served with arrays=True, the argument arrives as an ndarray (a view of the
request's bytes) and is returned as it is, so it travels back as the same bytes. lists: the
argument arrives as a list of Python floats and is returned as one (sent as JSON, as version 1)."""
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))

from lemmata_protocol import serve  # noqa: E402


def echo(args, dtype):
    return args["x"]


if __name__ == "__main__":
    arrays = (sys.argv[1] if len(sys.argv) > 1 else "arrays") == "arrays"
    serve("echo-v2", {"nn.softmax": (echo, ["float32", "float64"])}, None, arrays=arrays)
