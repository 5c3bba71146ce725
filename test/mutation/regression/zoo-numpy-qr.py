# lemmata-meta: {"op": "reg.ridge-solve", "kind": "correct", "class": "least squares on the augmented system, Householder QR", "description": "np.linalg.qr([X; sqrt(lambda) I]) then R w = Q^T [y; 0] by back substitution, in the request dtype"}
from _ridge import serve, arrays, augmented, back_sub, np

def ridge(a, dt):
    X, y, lam, t = arrays(a, dt)
    Xa, ya = augmented(X, y, lam, t)
    Q, R = np.linalg.qr(Xa)
    return back_sub(R.astype(t), (Q.T @ ya).astype(t), t).tolist()

OPS = {"reg.ridge-solve": (ridge, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-ridge-numpy-qr", OPS)
