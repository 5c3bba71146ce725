# lemmata-meta: {"op": "reg.ridge-solve", "kind": "correct", "class": "SVD filter factors", "description": "X = U S V^T (np.linalg.svd in the request dtype), w = V diag(s/(s^2 + lambda)) U^T y"}
from _ridge import serve, arrays, np

def ridge(a, dt):
    X, y, lam, t = arrays(a, dt)
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    f = (s / (s * s + lam)).astype(t)
    return (Vt.T @ (f * (U.T @ y))).astype(t).tolist()

OPS = {"reg.ridge-solve": (ridge, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-ridge-numpy-svd", OPS)
