# lemmata-meta: {"op": "ssm.fft-conv", "kind": "bug", "class": "precision", "description": "float64 requests computed with a float32 FFT (torch tensors created with the default dtype)"}
from _ssm import serve, torch


def conv(a, dt):
    L = len(a["u"])
    N = 1
    while N < 2 * L:
        N *= 2
    k = torch.tensor(a["k"])  # the bug: default dtype float32 whatever the request
    u = torch.tensor(a["u"])
    return torch.fft.irfft(torch.fft.rfft(k, n=N) * torch.fft.rfft(u, n=N), n=N)[:L].double().tolist()


OPS = {"ssm.fft-conv": (conv, ["float32", "float64"])}
if __name__ == "__main__":
    serve("bug-ssm-fft-float32-in-float64", OPS)
