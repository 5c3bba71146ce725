# lemmata-meta: {"op": "ssm.kernel-conv", "kind": "correct", "class": "kernel then direct convolution", "description": "S4-style: K = (D, CB, CAB, ...) by v <- A v in the request dtype (torch), then the causal convolution by torch.nn.functional.conv1d"}
from _ssm import serve, torch, TORCH


def kernel_conv(a, dt):
    t = TORCH[dt]
    L = len(a["u"])
    if L == 0:
        return []
    A = torch.tensor(a["A"], dtype=t)
    v = torch.tensor(a["B"], dtype=t)
    C = torch.tensor(a["C"], dtype=t)
    K = [torch.tensor(a["D"], dtype=t)]
    for _ in range(1, L):
        K.append(C @ v)
        v = A @ v
    K = torch.stack(K)
    u = torch.tensor(a["u"], dtype=t)
    # y_j = sum_l K_l u_{j-l}: conv1d is a cross-correlation, so flip K and pad u on the left by L-1
    up = torch.nn.functional.pad(u.view(1, 1, L), (L - 1, 0))
    y = torch.nn.functional.conv1d(up, K.flip(0).view(1, 1, L))
    return y.view(L).tolist()


OPS = {"ssm.kernel-conv": (kernel_conv, ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-ssm-kernel-torch", OPS)
