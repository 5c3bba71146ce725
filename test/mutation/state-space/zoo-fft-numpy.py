# lemmata-meta: {"op": "ssm.fft-conv", "kind": "correct", "class": "FFT in a wider precision, rounded", "description": "numpy.fft.rfft/irfft (pocketfft in float64) with N = 2L - 1, cast to the request dtype"}
from _ssm import serve, np, NP


def conv(a, dt):
    k, u = np.asarray(a["k"], dtype=np.float64), np.asarray(a["u"], dtype=np.float64)
    L = len(u)
    if L == 0:
        return []
    N = 2 * L - 1
    y = np.fft.irfft(np.fft.rfft(k, n=N) * np.fft.rfft(u, n=N), n=N)
    return y[:L].astype(NP[dt]).tolist()


OPS = {"ssm.fft-conv": (conv, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-ssm-fft-numpy", OPS)
