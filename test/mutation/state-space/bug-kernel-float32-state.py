# lemmata-meta: {"op": "ssm.kernel-conv", "kind": "bug", "class": "precision", "description": "float64 requests keep the state in a float32 buffer (numpy), silently losing precision"}
from _ssm import serve, np


def rec(a, dt):
    n = len(a["B"])
    A = np.asarray(a["A"], dtype=np.float64).reshape(n, n)
    B = np.asarray(a["B"], dtype=np.float64)
    C = np.asarray(a["C"], dtype=np.float64)
    x = np.zeros(n, dtype=np.float32)  # the bug: the state buffer is float32
    ys = []
    for uk in a["u"]:
        ys.append(float(C @ x + a["D"] * uk))
        x[:] = A @ x + B * uk
    return np.asarray(ys, dtype=np.float32 if dt == "float32" else np.float64).tolist()


OPS = {"ssm.kernel-conv": (rec, ["float32", "float64"])}
if __name__ == "__main__":
    serve("bug-ssm-float32-state", OPS)
