/** Exact oracles of the fourier domain (Fourier analysis: transforms, the DFT and FFT, the STFT). Imports src/numerics only. */
export {};
