# lemmata-meta: {"op": "ssm.fft-conv", "kind": "bug", "class": "off-by-one output", "description": "returns y[1..L] of the full convolution instead of y[0..L-1] (numpy)"}
from _ssm import serve, np, NP


def conv(a, dt):
    k, u = np.asarray(a["k"], dtype=np.float64), np.asarray(a["u"], dtype=np.float64)
    L = len(u)
    N = 2 * L
    y = np.fft.irfft(np.fft.rfft(k, n=N) * np.fft.rfft(u, n=N), n=N)
    return y[1:L + 1].astype(NP[dt]).tolist()


OPS = {"ssm.fft-conv": (conv, ["float32", "float64"])}
if __name__ == "__main__":
    serve("bug-ssm-fft-off-by-one", OPS)
