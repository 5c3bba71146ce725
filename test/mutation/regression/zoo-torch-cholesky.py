# lemmata-meta: {"op": "reg.ridge-solve", "kind": "correct", "class": "normal equations, Cholesky", "description": "torch.linalg.cholesky + torch.cholesky_solve of X^T X + lambda I in the request dtype"}
from _ridge import serve
import torch

T = {"float32": torch.float32, "float64": torch.float64}

def ridge(a, dt):
    X = torch.tensor(a["X"], dtype=T[dt]).reshape(len(a["X"]), -1)
    y = torch.tensor(a["y"], dtype=T[dt]).reshape(-1, 1)
    n = X.shape[1]
    A = X.T @ X + torch.tensor(a["lambda"], dtype=T[dt]) * torch.eye(n, dtype=T[dt])
    L = torch.linalg.cholesky(A)
    return torch.cholesky_solve(X.T @ y, L).reshape(-1).tolist()

OPS = {"reg.ridge-solve": (ridge, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-ridge-torch-cholesky", OPS)
