# lemmata-meta: {"op": "ssm.kernel-conv", "kind": "bug", "class": "argument swap", "description": "B and C swapped (x <- A x + C u, y = B x + D u), torch float"}
from _ssm import serve, torch_recurrence

OPS = {"ssm.kernel-conv": (lambda a, dt: torch_recurrence({**a, "B": a["C"], "C": a["B"]}, dt), ["float32", "float64"])}
if __name__ == "__main__":
    serve("bug-ssm-b-c-swapped", OPS)
