# lemmata-meta: {"op": "ssm.fft-conv", "kind": "correct", "class": "FFT in the working precision", "description": "torch.fft.rfft/irfft in the request dtype (float32 FFT for float32), N = power of two >= 2L; kernel-conv by the torch recurrence"}
from _ssm import serve, torch_fft_conv, torch_recurrence

OPS = {
    "ssm.fft-conv": (lambda a, dt: torch_fft_conv(a["k"], a["u"], dt), ["float32", "float64"]),
    "ssm.kernel-conv": (torch_recurrence, ["float32", "float64"]),
}
if __name__ == "__main__":
    serve("zoo-ssm-fft-torch", OPS)
