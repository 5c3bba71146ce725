# lemmata-meta: {"op": "ssm.kernel-conv", "kind": "correct", "class": "recurrence", "description": "the recurrence with numpy arrays in the request dtype ([A B] @ [x; u] as one matrix-vector product), fft-conv by numpy in float64"}
from _ssm import serve, np, NP


def rec(a, dt):
    t = NP[dt]
    n = len(a["B"])
    AB = np.concatenate([np.asarray(a["A"], dtype=t).reshape(n, n), np.asarray(a["B"], dtype=t).reshape(n, 1)], axis=1)
    CD = np.asarray(list(a["C"]) + [a["D"]], dtype=t)
    x = np.zeros(n, dtype=t)
    ys = []
    for uk in np.asarray(a["u"], dtype=t):
        xu = np.append(x, uk).astype(t)
        ys.append(CD @ xu)
        x = AB @ xu
    return np.asarray(ys, dtype=t).tolist()


def fftc(a, dt):
    k, u = np.asarray(a["k"], dtype=np.float64), np.asarray(a["u"], dtype=np.float64)
    L = len(u)
    if L == 0:
        return []
    N = 2 * L
    return np.fft.irfft(np.fft.rfft(k, n=N) * np.fft.rfft(u, n=N), n=N)[:L].astype(NP[dt]).tolist()


OPS = {"ssm.kernel-conv": (rec, ["float32", "float64"]), "ssm.fft-conv": (fftc, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-ssm-recurrence-numpy", OPS)
