# lemmata-meta: {"op": "ssm.fft-conv", "kind": "bug", "class": "insufficient padding", "description": "padded to N = 2L - 2, one short of 2L - 1: k_{L-1} u_{L-1} wraps onto y_0 (numpy)"}
from _ssm import serve, np, NP


def conv(a, dt):
    k, u = np.asarray(a["k"], dtype=np.float64), np.asarray(a["u"], dtype=np.float64)
    L = len(u)
    N = max(1, 2 * L - 2)
    y = np.fft.irfft(np.fft.rfft(k, n=N) * np.fft.rfft(u, n=N), n=N)
    return y[:L].astype(NP[dt]).tolist() if N >= L else []


OPS = {"ssm.fft-conv": (conv, ["float32", "float64"])}
if __name__ == "__main__":
    serve("bug-ssm-fft-short-padding", OPS)
