"""lemmata adapter for nltk.lm (text.ngram-prob), line protocol.

    node bin/lemmata.mjs conform --impl-cmd "/usr/bin/python3 clients/python/nltk_adapter.py" --ops text.ngram-prob

Conventions (nltk.lm 3.8): k = 0 is MLE, k = 1 Laplace, other k Lidstone(gamma = k); the n-grams
are nltk.util.everygrams(sentence, max_len = n) of each sentence, no padding (lemmata: no
boundary symbols, no cross-sentence n-grams); the history count is counts[context].N(), i.e.
Σ_w Count(history, w) (lemmata historyCount "history"; "ngram" raises: nltk has no such option);
an unseen history under MLE gives 0 (FreqDist.freq of an empty distribution), as in lemmata.
nltk's vocabulary size len(vocab) always counts its <UNK> label: the adapter builds the vocabulary
from the training tokens plus V − 1 − (distinct tokens) placeholder words, so len(vocab) = V;
V = (distinct tokens) cannot be expressed and raises. Computation in float64 (Python floats).
"""
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import nltk  # noqa: E402
from nltk.lm import MLE, Laplace, Lidstone  # noqa: E402
from nltk.util import everygrams  # noqa: E402

from lemmata_protocol import serve  # noqa: E402

NAME = "nltk-%s" % nltk.__version__
PROFILE = {"elementaryUlps": 1, "flushToZero": False}


def ngram_prob(args, dtype):
    if args["historyCount"] != "history":
        raise ValueError("nltk.lm divides by counts[context].N() (historyCount 'history') only")
    sents = [list(s) for s in args["sentences"]]
    history = list(args["history"])
    n = len(history) + 1
    k = float(args["k"])
    V = int(args["vocabSize"])
    distinct = sorted({t for s in sents for t in s})
    extra = V - 1 - len(distinct)
    if extra < 0:
        raise ValueError("nltk's len(vocab) counts <UNK>: V = %d cannot be below distinct tokens + 1 = %d" % (V, len(distinct) + 1))
    lm = MLE(n) if k == 0 else Laplace(n) if k == 1 else Lidstone(k, n)
    vocab_text = [t for s in sents for t in s] + ["\u0000placeholder%d" % i for i in range(extra)]
    lm.fit([list(everygrams(s, max_len=n)) for s in sents], vocabulary_text=vocab_text)
    if len(lm.vocab) != V:
        raise RuntimeError("vocabulary size %d, expected %d" % (len(lm.vocab), V))
    return float(lm.score(args["word"], history if history else None))


OPS = {"text.ngram-prob": (ngram_prob, ["float64"])}

if __name__ == "__main__":
    serve(NAME, OPS, PROFILE)
