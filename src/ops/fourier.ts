/** Ops of the fourier domain (Fourier analysis: transforms, the DFT and FFT, the STFT). */
import { defineOp } from './schema.js';

void defineOp;
export const OPS = [
] as const;
