"""Transposed convolution and max unpooling output shapes with real PyTorch layers (shared by the PyTorch adapter
and the mutation corpus): torch.nn.functional.conv_transpose2d / max_unpool2d on zero tensors, the shape read back.

PyTorch's padding is symmetric; ONNX's explicit asymmetric pads, SAME auto_pad and output_shape (whose derived pads
may be asymmetric or negative) are applied to the unpadded PyTorch result by cropping (F.pad with negative amounts
crops, positive amounts pad). output_padding goes to PyTorch as is (it must be < max(stride, dilation) there too).
"""
import torch
import torch.nn.functional as F


def _pads4(a):
    if a.get("pads") is not None:
        return [int(v) for v in a["pads"]]
    p = a.get("padding") or [0, 0]
    return [int(p[0]), int(p[1]), int(p[0]), int(p[1])]


def _onnx_pads(n, k, s, d, op, b, e, auto_pad, out):
    """ONNX ConvTranspose pads of one axis (explicit, or derived for SAME / output_shape)."""
    full = s * (n - 1) + op + d * (k - 1) + 1
    target = out if out is not None else (n * s if auto_pad in ("same-upper", "same-lower") else None)
    if target is None:
        return (0, 0) if auto_pad == "valid" else (b, e)
    total = full - target
    half = total // 2
    return (half, total - half) if auto_pad == "same-upper" else (total - half, half)


def conv_transpose2d_shape(a):
    H, W = int(a["height"]), int(a["width"])
    kh, kw = (int(v) for v in a["kernel"])
    sh, sw = (int(v) for v in a["stride"])
    dh, dw = (int(v) for v in (a.get("dilation") or [1, 1]))
    oh, ow = (int(v) for v in (a.get("outputPadding") or [0, 0]))
    p = _pads4(a)
    out = a.get("outputShape")
    t, b = _onnx_pads(H, kh, sh, dh, oh, p[0], p[2], a.get("autoPad"), None if out is None else int(out[0]))
    l, r = _onnx_pads(W, kw, sw, dw, ow, p[1], p[3], a.get("autoPad"), None if out is None else int(out[1]))
    x = torch.zeros(1, 1, H, W)
    w = torch.zeros(1, 1, kh, kw)
    y = F.conv_transpose2d(x, w, stride=(sh, sw), padding=0, output_padding=(oh, ow), dilation=(dh, dw))
    y = F.pad(y, (-l, -r, -t, -b))
    return [int(y.shape[2]), int(y.shape[3])]


def max_unpool2d_shape(a):
    H, W = int(a["height"]), int(a["width"])
    kh, kw = (int(v) for v in a["kernel"])
    sh, sw = (int(v) for v in a["stride"])
    p = _pads4(a)
    x = torch.zeros(1, 1, H, W)
    idx = torch.zeros(1, 1, H, W, dtype=torch.int64)
    symmetric = p[0] == p[2] and p[1] == p[3]
    out = a.get("outputShape")
    if symmetric:
        y = F.max_unpool2d(x, idx, (kh, kw), stride=(sh, sw), padding=(p[0], p[1]),
                           output_size=None if out is None else [int(out[0]), int(out[1])])
    else:
        # asymmetric pads (ONNX only): unpool unpadded, crop begin/end; then pad to output_shape at the end
        y = F.max_unpool2d(x, idx, (kh, kw), stride=(sh, sw))
        y = F.pad(y, (-p[1], -p[3], -p[0], -p[2]))
        if out is not None:
            y = F.pad(y, (0, int(out[1]) - y.shape[3], 0, int(out[0]) - y.shape[2]))
    return [int(y.shape[2]), int(y.shape[3])]
