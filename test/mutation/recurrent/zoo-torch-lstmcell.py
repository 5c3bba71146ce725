# lemmata-meta: {"op": "lstm.cell", "kind": "correct", "class": "fused cell (two matmuls, gate order i f g o)", "description": "torch.nn.LSTMCell with weight_ih = W_g[:, m:], weight_hh = W_g[:, :m] stacked (i, f, g, o), bias_ih = b, bias_hh = 0, in the request dtype"}
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import torch  # noqa: E402
from lemmata_protocol import serve  # noqa: E402

torch.set_num_threads(1)
T = {"float32": torch.float32, "float64": torch.float64}


def cell(a, dt):
    t = T[dt]
    m, n = len(a["h"]), len(a["x"])
    W = {g: torch.tensor(a["W" + g], dtype=t).reshape(m, m + n) for g in "fico"}
    b = {g: torch.tensor(a["b" + g], dtype=t) for g in "fico"}
    lstm = torch.nn.LSTMCell(n, m).to(t)
    with torch.no_grad():
        order = ["i", "f", "c", "o"]
        lstm.weight_ih.copy_(torch.cat([W[g][:, m:] for g in order]))
        lstm.weight_hh.copy_(torch.cat([W[g][:, :m] for g in order]))
        lstm.bias_ih.copy_(torch.cat([b[g] for g in order]))
        lstm.bias_hh.zero_()
        h, c = lstm(torch.tensor([a["x"]], dtype=t), (torch.tensor([a["h"]], dtype=t), torch.tensor([a["c"]], dtype=t)))
    return {"h": h[0].tolist(), "c": c[0].tolist()}


OPS = {"lstm.cell": (cell, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-lstm-torch-lstmcell", OPS)
