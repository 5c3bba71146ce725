# lemmata-meta: {"op": "reg.ridge-solve", "kind": "bug", "class": "intercept convention", "description": "X and y centred first (an unpenalised intercept, sklearn's fit_intercept=True) although the op has none"}
from _ridge import serve, arrays, normal, np

def ridge(a, dt):
    X, y, lam, t = arrays(a, dt)
    X = (X - X.mean(axis=0)).astype(t)
    y = (y - y.mean()).astype(t)
    A, b = normal(X, y, lam, t)
    return np.linalg.solve(A, b).astype(t).tolist()

OPS = {"reg.ridge-solve": (ridge, ["float32", "float64"])}
if __name__ == "__main__":
    serve("bug-ridge-centred", OPS)
