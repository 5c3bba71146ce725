"""Output shapes of real PyTorch conv2d / max_pool2d layers for lemmata's cnn.conv2d-shape / cnn.pool2d-shape
arguments (dilation, explicit asymmetric pads, ONNX auto_pad, ceil mode). Shared by torch_adapter.py and the
mutation corpus's torch zoo entries."""
import math

import torch
import torch.nn.functional as F


def _same_pads(n, k, s, d, mode):
    ke = d * (k - 1) + 1
    out = -(-n // s)
    total = max((out - 1) * s + ke - n, 0)
    small = total // 2
    return (small, total - small) if mode == "same-upper" else (total - small, small)


def _pads(a, symmetric):
    """(top, left, bottom, right) of the request; auto_pad SAME computed as ONNX does."""
    dh, dw = a.get("dilation") or [1, 1]
    ap = a.get("autoPad")
    if ap in ("same-upper", "same-lower"):
        t, b = _same_pads(a["height"], a["kernel"][0], a["stride"][0], dh, ap)
        l, r = _same_pads(a["width"], a["kernel"][1], a["stride"][1], dw, ap)
        return t, l, b, r
    if ap == "valid":
        return 0, 0, 0, 0
    if a.get("pads") is not None:
        return tuple(int(v) for v in a["pads"])
    ph, pw = symmetric
    return ph, pw, ph, pw


def conv2d_shape(a, dtype=torch.float32):
    t, l, b, r = _pads(a, a.get("padding") or [0, 0])
    x = F.pad(torch.zeros(1, 1, a["height"], a["width"], dtype=dtype), (l, r, t, b))
    w = torch.zeros(1, 1, *a["kernel"], dtype=dtype)
    y = F.conv2d(x, w, stride=tuple(a["stride"]), dilation=tuple(a.get("dilation") or [1, 1]))
    return [int(y.shape[2]), int(y.shape[3])]


def pool2d_shape(a, dtype=torch.float32):
    t, l, b, r = _pads(a, [0, 0])
    ceil = bool(a.get("ceilMode")) and a.get("autoPad") not in ("same-upper", "same-lower")
    kh, kw = a["kernel"]
    x = torch.zeros(1, 1, a["height"], a["width"], dtype=dtype)
    if t == b and l == r and t <= kh // 2 and l <= kw // 2:
        padding = (t, l)  # max_pool2d's own padding (and its ceil-mode rule with pad_l = begin)
    else:
        x, padding = F.pad(x, (l, r, t, b)), (0, 0)
    y = F.max_pool2d(x, (kh, kw), stride=tuple(a["stride"]), padding=padding, dilation=tuple(a.get("dilation") or [1, 1]), ceil_mode=ceil)
    return [int(y.shape[2]), int(y.shape[3])]


__all__ = ["conv2d_shape", "pool2d_shape", "math"]
