"""lemmata adapter for scikit-learn's TfidfVectorizer (text.tfidf), line protocol.

    node bin/lemmata.mjs conform --impl-cmd "/usr/bin/python3 clients/python/sklearn_adapter.py" --ops text.tfidf

Conventions (sklearn.feature_extraction.text.TfidfVectorizer): the documents are passed as token
lists with analyzer=identity (no lower-casing, no token pattern, no stop words) and
vocabulary = lemmata's vocab (columns in its order). tf: raw count (default), binary (binary=True),
sublinear 1 + ln(count) (sublinear_tf=True); idf: smooth ln((1 + N)/(1 + df)) + 1 (smooth_idf=True,
default), plain ln(N/df) + 1 (smooth_idf=False), none (use_idf=False); norm 'l2' or None; natural
logarithms only. lemmata's tf relative / log1p, idf ratio / natural and base 10 have no sklearn
option: such requests raise (an `error` item, by design). dtype: TfidfVectorizer(dtype=float32 or
float64).
"""
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import warnings  # noqa: E402

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

from lemmata_protocol import serve  # noqa: E402

NAME = "sklearn-%s" % sklearn.__version__
PROFILE = {"elementaryUlps": 4, "flushToZero": False}
BOTH = ["float32", "float64"]


def _identity(doc):
    return doc


def tfidf(args, dtype):
    tf, idf, base, norm = args["tf"], args["idf"], args["base"], args["norm"]
    if tf not in ("raw", "binary", "sublinear") or idf not in ("smooth", "plain", "none") or base != "e":
        raise ValueError("TfidfVectorizer has no option for tf %s / idf %s / base %s (it offers tf raw, binary, sublinear; idf smooth, plain, none; natural logs)" % (tf, idf, base))
    vec = TfidfVectorizer(
        analyzer=_identity,
        lowercase=False,
        vocabulary={v: j for j, v in enumerate(args["vocab"])},
        binary=(tf == "binary"),
        sublinear_tf=(tf == "sublinear"),
        use_idf=(idf != "none"),
        smooth_idf=(idf == "smooth"),
        norm=("l2" if norm == "l2" else None),
        dtype=np.float32 if dtype == "float32" else np.float64,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        X = vec.fit_transform([list(d) for d in args["docs"]]).toarray()
    return [[float(x) for x in row] for row in X]


OPS = {"text.tfidf": (tfidf, BOTH)}

if __name__ == "__main__":
    serve(NAME, OPS, PROFILE)
