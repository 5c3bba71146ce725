"""A lemmata adapter in plain Python (standard library only, float64 arithmetic).

It exists to exercise the tooling without any numerical library: the fixture checker
(clients/python/check_fixtures.py, used by test/fixtures/fixtures.test.ts) and the line protocol

    /usr/bin/python3 clients/python/check_fixtures.py --adapter clients/python/examples/pure_python_adapter.py --dtype float64
    npx lemmata conform --impl-cmd "/usr/bin/python3 clients/python/examples/pure_python_adapter.py"

Python floats are IEEE float64, so every float op declares only "float64".
"""

import math

NAME = "pure-python-float64"
PROFILE = {"elementaryUlps": 4, "flushToZero": False}
F64 = ["float64"]


def softmax(args, dtype):
    x = args["x"]
    if not x:
        return []
    m = max(x)
    e = [math.exp(v - m) for v in x]
    s = sum(e)
    return [v / s for v in e]


def _moments(row):
    n = len(row)
    mean = sum(row) / n
    return mean, sum((v - mean) ** 2 for v in row)


def layernorm(args, dtype):
    out = []
    for row in args["x"]:
        mean, ss = _moments(row)
        sd = math.sqrt(ss / len(row) + args["eps"])
        out.append([g * ((v - mean) / sd) + b for v, g, b in zip(row, args["gamma"], args["beta"])])
    return out


def variance(args, dtype):
    x = args["x"]
    _, ss = _moments(x)
    return ss / (len(x) - args["correction"])


def conv2d_shape(args, dtype):
    # ONNX Conv shape inference per axis: dilation, explicit pads [top, left, bottom, right], auto_pad
    dil = args.get("dilation") or [1, 1]
    ph, pw = args["padding"]
    pads = args.get("pads") or [ph, pw, ph, pw]
    out = []
    for i, n in enumerate((args["height"], args["width"])):
        k, s, d = args["kernel"][i], args["stride"][i], dil[i]
        ke = d * (k - 1) + 1
        ap = args.get("autoPad")
        if ap in ("same-upper", "same-lower"):
            out.append(-(-n // s))
        elif ap == "valid":
            out.append((n - ke) // s + 1)
        else:
            out.append((n + pads[i] + pads[i + 2] - ke) // s + 1)
    return out


def crf_viterbi(args, dtype):
    E, A = args["emissions"], args["transitions"]
    L = len(A)
    start, end = args.get("start") or [0.0] * L, args.get("end") or [0.0] * L
    if not E:
        return {"path": [], "score": 0.0}
    delta = [start[j] + E[0][j] for j in range(L)]
    back = []
    for t in range(1, len(E)):
        bp, nd = [], []
        for j in range(L):
            i = max(range(L), key=lambda i: delta[i] + A[i][j])
            bp.append(i)
            nd.append(delta[i] + A[i][j] + E[t][j])
        back.append(bp)
        delta = nd
    last = max(range(L), key=lambda j: delta[j] + end[j])
    score = delta[last] + end[last]
    path = [last]
    for bp in reversed(back):
        path.append(bp[path[-1]])
    return {"path": path[::-1], "score": score}


def _symbols(word, eow):
    return list(word) + ([eow] if eow else [])


def _byte_symbols(word, eow):
    # GPT-2 bytes_to_unicode: printable Latin-1 bytes as themselves, the 68 others from U+0100 in increasing order
    keep = lambda b: 33 <= b <= 126 or 161 <= b <= 172 or 174 <= b <= 255
    others = [b for b in range(256) if not keep(b)]
    return [chr(b) if keep(b) else chr(256 + others.index(b)) for b in word.encode("utf-8")] + ([eow] if eow else [])


def _merge(sy, a, b):
    out, i = [], 0
    while i < len(sy):
        if i + 1 < len(sy) and sy[i] == a and sy[i + 1] == b:
            out.append(a + b)
            i += 2
        else:
            out.append(sy[i])
            i += 1
    return out


def bpe_train(args, dtype):
    split = _byte_symbols if args.get("byteLevel") else _symbols
    words = [(split(w, args["endOfWord"]), c) for w, c in args["words"].items()]
    ids = {c: i for i, c in enumerate(sorted({c for sy, _ in words for c in sy}))}  # HF ids: code-point order, then new results
    merges = []
    for _ in range(args["merges"]):
        counts = {}  # insertion order = first occurrence in corpus order
        for sy, c in words:
            for i in range(len(sy) - 1):
                counts[(sy[i], sy[i + 1])] = counts.get((sy[i], sy[i + 1]), 0) + c
        if not counts:
            break
        best = max(counts.values())
        tied = [p for p, c in counts.items() if c == best]
        if args["tieBreak"] == "lexicographic":
            pair = min(tied)
        elif args["tieBreak"] == "hf-smallest-id":
            pair = min(tied, key=lambda p: (ids[p[0]], ids[p[1]]))
        else:
            pair = tied[0]
        ids.setdefault(pair[0] + pair[1], len(ids))
        merges.append(list(pair))
        words = [(_merge(sy, *pair), c) for sy, c in words]
    return merges


def bpe_encode(args, dtype):
    rank = {}
    for i, (a, b) in enumerate(args["merges"]):
        rank.setdefault((a, b), i)
    sy = (_byte_symbols if args.get("byteLevel") else _symbols)(args["word"], args["endOfWord"])
    while True:
        best, at = None, -1
        for i in range(len(sy) - 1):
            r = rank.get((sy[i], sy[i + 1]))
            if r is not None and (best is None or r < best):
                best, at = r, i
        if at < 0:
            return sy
        sy[at:at + 2] = [sy[at] + sy[at + 1]]


OPS = {
    "nn.softmax": (softmax, F64),
    "norm.layernorm": (layernorm, F64),
    "stats.variance": (variance, F64),
    "cnn.conv2d-shape": (conv2d_shape, F64),
    "seq.crf-viterbi": (crf_viterbi, F64),
    "text.bpe-train": (bpe_train, F64),
    "text.bpe-encode": (bpe_encode, F64),
}

if __name__ == "__main__":
    import os
    import sys
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    from lemmata_protocol import serve
    serve(NAME, OPS, PROFILE)
