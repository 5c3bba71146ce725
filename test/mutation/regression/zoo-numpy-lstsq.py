# lemmata-meta: {"op": "reg.ridge-solve", "kind": "correct", "class": "least squares on the augmented system, SVD", "description": "np.linalg.lstsq([X; sqrt(lambda) I], [y; 0]) in the request dtype (LAPACK gelsd)"}
from _ridge import serve, arrays, augmented, np

def ridge(a, dt):
    X, y, lam, t = arrays(a, dt)
    Xa, ya = augmented(X, y, lam, t)
    return np.linalg.lstsq(Xa, ya, rcond=None)[0].astype(t).tolist()

OPS = {"reg.ridge-solve": (ridge, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-ridge-numpy-lstsq", OPS)
