# lemmata-meta: {"op": "ssm.fft-conv", "kind": "bug", "class": "transform length", "description": "N = 2L - 1 (odd) but irfft called without n: it inverts as length N - 1"}
from _ssm import serve, torch, TORCH


def conv(a, dt):
    L = len(a["u"])
    N = 2 * L - 1
    k = torch.tensor(a["k"], dtype=TORCH[dt])
    u = torch.tensor(a["u"], dtype=TORCH[dt])
    y = torch.fft.irfft(torch.fft.rfft(k, n=N) * torch.fft.rfft(u, n=N))  # the bug: no n=N
    y = torch.nn.functional.pad(y, (0, max(0, L - y.numel())))
    return y[:L].tolist()


OPS = {"ssm.fft-conv": (conv, ["float32", "float64"])}
if __name__ == "__main__":
    serve("bug-ssm-fft-irfft-no-n", OPS)
