# lemmata-meta: {"op": "reg.ridge-solve", "kind": "correct", "class": "normal equations, LU with partial pivoting", "description": "np.linalg.solve(X^T X + lambda I, X^T y) in the request dtype (LAPACK gesv)"}
from _ridge import serve, arrays, normal, np

def ridge(a, dt):
    X, y, lam, t = arrays(a, dt)
    A, b = normal(X, y, lam, t)
    return np.linalg.solve(A, b).astype(t).tolist()

OPS = {"reg.ridge-solve": (ridge, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-ridge-numpy-solve", OPS)
