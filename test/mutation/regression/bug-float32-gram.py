# lemmata-meta: {"op": "reg.ridge-solve", "kind": "bug", "class": "precision", "description": "float64 requests form X^T X and X^T y in float32 (a float32 weight buffer), then solve in float64"}
from _ridge import serve, arrays, np

def ridge(a, dt):
    X, y, lam, t = arrays(a, dt)
    X32, y32 = X.astype(np.float32), y.astype(np.float32)
    A = (X32.T @ X32).astype(t) + lam * np.eye(X.shape[1], dtype=t)
    b = (X32.T @ y32).astype(t)
    return np.linalg.solve(A, b).astype(t).tolist()

OPS = {"reg.ridge-solve": (ridge, ["float32", "float64"])}
if __name__ == "__main__":
    serve("bug-ridge-float32-gram", OPS)
