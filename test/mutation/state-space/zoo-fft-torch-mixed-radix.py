# lemmata-meta: {"op": "ssm.fft-conv", "kind": "correct", "class": "FFT in the working precision, mixed radix", "description": "torch.fft.rfft/irfft in the request dtype with N = 2L (any factorisation of L: pocketfft mixed-radix passes)"}
from _ssm import serve, torch_fft_conv

OPS = {"ssm.fft-conv": (lambda a, dt: torch_fft_conv(a["k"], a["u"], dt, N=max(1, 2 * len(a["u"]))), ["float32", "float64"])}
if __name__ == "__main__":
    serve("zoo-ssm-fft-torch-n2L", OPS)
