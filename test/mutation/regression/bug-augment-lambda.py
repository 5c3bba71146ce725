# lemmata-meta: {"op": "reg.ridge-solve", "kind": "bug", "class": "λ vs √λ", "description": "augmented rows lambda I instead of sqrt(lambda) I (penalty lambda^2), np.linalg.lstsq"}
from _ridge import serve, arrays, augmented, np

def ridge(a, dt):
    X, y, lam, t = arrays(a, dt)
    Xa, ya = augmented(X, y, lam, t, root=False)
    return np.linalg.lstsq(Xa, ya, rcond=None)[0].astype(t).tolist()

OPS = {"reg.ridge-solve": (ridge, ["float32", "float64"])}
if __name__ == "__main__":
    serve("bug-ridge-augment-lambda", OPS)
