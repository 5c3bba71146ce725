"""A deliberately WRONG adapter: softmax scaled by 1.001 (and an unweighted BPE learner).

The fixture checker must FAIL it (test/fixtures/fixtures.test.ts):

    /usr/bin/python3 clients/python/check_fixtures.py --adapter clients/python/examples/wrong_softmax_adapter.py --dtype float64
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pure_python_adapter as good  # noqa: E402

NAME = "wrong-softmax"
F64 = ["float64"]


def softmax(args, dtype):
    return [1.001 * p for p in good.softmax(args, dtype)]


def bpe_train_unweighted(args, dtype):
    # ignores word counts: every word counts once
    return good.bpe_train(dict(args, words={w: 1 for w in args["words"]}), dtype)


OPS = {
    "nn.softmax": (softmax, F64),
    "text.bpe-train": (bpe_train_unweighted, F64),
}

if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    from lemmata_protocol import serve
    serve(NAME, OPS, {"elementaryUlps": 4, "flushToZero": False})
