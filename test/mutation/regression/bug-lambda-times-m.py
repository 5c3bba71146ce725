# lemmata-meta: {"op": "reg.ridge-solve", "kind": "bug", "class": "λ scaling", "description": "X^T X + m lambda I (penalty scaled by the number of samples, a mean-loss convention mixed in)"}
from _ridge import serve, arrays, normal, np

def ridge(a, dt):
    X, y, lam, t = arrays(a, dt)
    A, b = normal(X, y, lam, t, scale=X.shape[0])
    return np.linalg.solve(A, b).astype(t).tolist()

OPS = {"reg.ridge-solve": (ridge, ["float32", "float64"])}
if __name__ == "__main__":
    serve("bug-ridge-lambda-times-m", OPS)
