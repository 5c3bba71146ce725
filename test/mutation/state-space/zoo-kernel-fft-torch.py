# lemmata-meta: {"op": "ssm.kernel-conv", "kind": "correct", "class": "kernel then FFT (declared algorithm)", "description": "S4-style: K by v <- A v in the request dtype, then torch.fft.rfft/irfft convolution in the dtype; declares profile algorithms {ssm.kernel-conv: kernel-fft}"}
from _ssm import serve, torch, TORCH, torch_fft_conv


def kernel_fft(a, dt):
    t = TORCH[dt]
    L = len(a["u"])
    if L == 0:
        return []
    A = torch.tensor(a["A"], dtype=t)
    v = torch.tensor(a["B"], dtype=t)
    C = torch.tensor(a["C"], dtype=t)
    K = [float(a["D"])]
    for _ in range(1, L):
        K.append(float(C @ v))
        v = A @ v
    return torch_fft_conv(K, a["u"], dt)


OPS = {"ssm.kernel-conv": (kernel_fft, ["float32", "float64"])}
PROFILE = {"algorithms": {"ssm.kernel-conv": "kernel-fft"}}
if __name__ == "__main__":
    serve("zoo-ssm-kernel-fft-torch", OPS, PROFILE)
