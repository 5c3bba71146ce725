# Correct zoo: GPT-2's encoder.py `bpe` loop (all occurrences of the lowest-ranked bigram at once via word.index), in
# Python; the ranks dict is built from the REVERSED list so that a repeated pair keeps its first rank (as subword-nmt does).
# lemmata-meta: {"op": "text.bpe-encode", "kind": "correct", "class": "standard algorithm (Python)", "description": "GPT-2 encoder.py bpe(): min-rank bigram, all occurrences left to right"}
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
from lemmata_protocol import serve


def bytes_to_unicode():
    # verbatim from openai/gpt-2 src/encoder.py
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(2**8):
        if b not in bs:
            bs.append(b)
            cs.append(2**8 + n)
            n += 1
    cs = [chr(n) for n in cs]
    return dict(zip(bs, cs))


BYTE_ENCODER = bytes_to_unicode()


def encode(args, dtype):
    # byteLevel: GPT-2's own byte_encoder over the UTF-8 bytes, as encoder.py does
    word = [BYTE_ENCODER[b] for b in args["word"].encode("utf-8")] if args.get("byteLevel") else list(args["word"])
    if args["endOfWord"]:
        word.append(args["endOfWord"])
    ranks = dict((tuple(m), i) for i, m in reversed(list(enumerate(args["merges"]))))
    word = tuple(word)
    while len(word) > 1:
        pairs = set(zip(word, word[1:]))
        bigram = min(pairs, key=lambda p: ranks.get(p, float("inf")))
        if bigram not in ranks:
            break
        first, second = bigram
        new_word, i = [], 0
        while i < len(word):
            try:
                j = word.index(first, i)
            except ValueError:
                new_word.extend(word[i:])
                break
            new_word.extend(word[i:j])
            i = j
            if word[i] == first and i < len(word) - 1 and word[i + 1] == second:
                new_word.append(first + second)
                i += 2
            else:
                new_word.append(word[i])
                i += 1
        word = tuple(new_word)
    return list(word)


OPS = {"text.bpe-encode": (encode, ["float32"])}

if __name__ == "__main__":
    serve("zoo-bpe-encode-gpt2", OPS)
