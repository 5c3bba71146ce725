# lemmata-meta: {"op": "reg.ridge-solve", "kind": "bug", "class": "λ dropped", "description": "np.linalg.lstsq(X, y): lambda ignored (minimum-norm least squares)"}
from _ridge import serve, arrays, np

def ridge(a, dt):
    X, y, lam, t = arrays(a, dt)
    return np.linalg.lstsq(X, y, rcond=None)[0].astype(t).tolist()

OPS = {"reg.ridge-solve": (ridge, ["float32", "float64"])}
if __name__ == "__main__":
    serve("bug-ridge-no-lambda", OPS)
