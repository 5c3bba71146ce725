"""Shared helpers of the state-space corpus entries (not an entry: the name starts with _)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))

import numpy as np  # noqa: E402
import torch  # noqa: E402
from lemmata_protocol import serve  # noqa: E402,F401

torch.set_num_threads(1)

NP = {"float32": np.float32, "float64": np.float64}
TORCH = {"float32": torch.float32, "float64": torch.float64}


def next_pow2(n):
    N = 1
    while N < n:
        N *= 2
    return N


def torch_fft_conv(k, u, dtype, N=None):
    """Causal convolution via torch.fft.rfft/irfft in the request dtype, zero-padded to N (default: power of two >= 2L)."""
    L = len(u)
    if L == 0:
        return []
    N = N or next_pow2(2 * L)
    kt = torch.tensor(k, dtype=TORCH[dtype])
    ut = torch.tensor(u, dtype=TORCH[dtype])
    y = torch.fft.irfft(torch.fft.rfft(kt, n=N) * torch.fft.rfft(ut, n=N), n=N)
    return y[:L].tolist()


def torch_recurrence(a, dtype):
    """x_{k+1} = A x_k + B u_k, y_k = C x_k + D u_k in the request dtype (torch matmul)."""
    t = TORCH[dtype]
    A = torch.tensor(a["A"], dtype=t)
    B = torch.tensor(a["B"], dtype=t)
    C = torch.tensor(a["C"], dtype=t)
    D = torch.tensor(a["D"], dtype=t)
    x = torch.zeros(len(a["B"]), dtype=t)
    ys = []
    for uk in a["u"]:
        uk = torch.tensor(uk, dtype=t)
        ys.append(float(C @ x + D * uk))
        x = A @ x + B * uk
    return ys
