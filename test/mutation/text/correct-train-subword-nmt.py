# Correct zoo: a subword-nmt-style learner in Python (learn_bpe.py's statistics: every adjacent position counted with the
# word's frequency, recomputed after each merge; replacement left to right without overlap), with the op's tie rules and
# no minimum frequency (learn_bpe's default --min-frequency 2 is another convention, see bug-train-min-frequency-2.mjs).
# lemmata-meta: {"op": "text.bpe-train", "kind": "correct", "class": "standard algorithm (Python)", "description": "subword-nmt-style statistics and replacement, tie rules of the op"}
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
from lemmata_protocol import serve


def byte_chars(w):
    # GPT-2 bytes_to_unicode: printable Latin-1 bytes as themselves, the 68 others from U+0100 in increasing order
    keep = lambda b: 33 <= b <= 126 or 161 <= b <= 172 or 174 <= b <= 255
    others = [b for b in range(256) if not keep(b)]
    return [chr(b) if keep(b) else chr(256 + others.index(b)) for b in w.encode("utf-8")]


def train(args, dtype):
    eow = args["endOfWord"]
    split = byte_chars if args.get("byteLevel") else list
    vocab = [(split(w) + ([eow] if eow else []), int(n)) for w, n in args["words"].items()]
    # HF BpeTrainer ids: the alphabet in code-point order (Python string order is code-point order), then new results
    ids = {c: i for i, c in enumerate(sorted({c for syms, _ in vocab for c in syms}))}
    out = []
    while len(out) < int(args["merges"]):
        stats, order = {}, []
        for syms, n in vocab:
            last = -2  # pairCount 'non-overlapping': a run pair right after a counted run pair is not counted
            for i, p in enumerate(zip(syms, syms[1:])):
                if args.get("pairCount") == "non-overlapping" and p[0] == p[1]:
                    if last == i - 1 and syms[i - 1] == syms[i]:
                        continue
                    last = i
                if p not in stats:
                    stats[p] = 0
                    order.append(p)
                stats[p] += n
        if not stats:
            break
        best = max(stats.values())
        tied = [p for p in order if stats[p] == best]
        # lexicographic: JS code-unit order; these strings are ASCII, where Python's order is the same
        if args["tieBreak"] == "lexicographic":
            pick = min(tied)
        elif args["tieBreak"] == "hf-smallest-id":
            pick = min(tied, key=lambda p: (ids[p[0]], ids[p[1]]))
        elif args["tieBreak"] == "sentencepiece":
            # SentencePiece's trainer: shortest merged string (code points), then code-point order, then the left symbol
            pick = min(tied, key=lambda p: (len(p[0] + p[1]), p[0] + p[1], p[0]))
        else:
            pick = tied[0]
        out.append(list(pick))
        a, b = pick
        ids.setdefault(a + b, len(ids))
        new = []
        for syms, n in vocab:
            res, i = [], 0
            while i < len(syms):
                if i + 1 < len(syms) and syms[i] == a and syms[i + 1] == b:
                    res.append(a + b)
                    i += 2
                else:
                    res.append(syms[i])
                    i += 1
            new.append((res, n))
        vocab = new
    return out


OPS = {"text.bpe-train": (train, ["float32"])}

if __name__ == "__main__":
    serve("zoo-bpe-train-subword-nmt", OPS)
