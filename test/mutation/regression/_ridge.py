"""Shared helpers of the regression corpus entries (not an entry: the name starts with _)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))

import numpy as np  # noqa: E402
from lemmata_protocol import serve  # noqa: E402,F401

NP = {"float32": np.float32, "float64": np.float64}


def arrays(a, dt):
    t = NP[dt]
    X = np.asarray(a["X"], dtype=t)
    if X.ndim == 1:
        X = X.reshape(len(a["X"]), -1)
    y = np.asarray(a["y"], dtype=t)
    lam = t(a["lambda"])
    return X, y, lam, t


def normal(X, y, lam, t, scale=1):
    n = X.shape[1]
    A = (X.T @ X + (lam * t(scale)) * np.eye(n, dtype=t)).astype(t)
    b = (X.T @ y).astype(t)
    return A, b


def forward_sub(L, b, t):
    x = np.zeros(len(b), dtype=t)
    for i in range(len(b)):
        x[i] = (b[i] - L[i, :i] @ x[:i]) / L[i, i]
    return x


def back_sub(U, b, t):
    n = len(b)
    x = np.zeros(n, dtype=t)
    for i in range(n - 1, -1, -1):
        x[i] = (b[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]
    return x


def augmented(X, y, lam, t, root=True):
    n = X.shape[1]
    r = np.sqrt(lam) if root else lam
    Xa = np.concatenate([X, (r * np.eye(n, dtype=t)).astype(t)]).astype(t)
    ya = np.concatenate([y, np.zeros(n, dtype=t)]).astype(t)
    return Xa, ya
