# lemmata-meta: {"op": "reg.ridge-solve", "kind": "correct", "class": "normal equations, Cholesky", "description": "np.linalg.cholesky of X^T X + lambda I, then forward and back substitution, all in the request dtype"}
from _ridge import serve, arrays, normal, forward_sub, back_sub, np

def ridge(a, dt):
    X, y, lam, t = arrays(a, dt)
    A, b = normal(X, y, lam, t)
    L = np.linalg.cholesky(A).astype(t)
    return back_sub(L.T.copy(), forward_sub(L, b, t), t).tolist()

OPS = {"reg.ridge-solve": (ridge, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-ridge-numpy-cholesky", OPS)
