# lemmata-meta: {"op": "ssm.fft-conv", "kind": "bug", "class": "no zero padding", "description": "circular convolution: rfft/irfft with N = L (no zero padding), torch"}
from _ssm import serve, torch_fft_conv

OPS = {"ssm.fft-conv": (lambda a, dt: torch_fft_conv(a["k"], a["u"], dt, N=len(a["u"])), ["float32", "float64"])}
if __name__ == "__main__":
    serve("bug-ssm-fft-circular", OPS)
