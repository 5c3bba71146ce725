/** Statements of the notes in the fourier domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '000', lines: [652, 654],
    quote: String.raw`Then its Fourier transform is … $$X(\omega) = \int_{-\infty}^{\infty} x(t)e^{-i\omega t} dt.$$`,
    parts: { 'fourier.ft': 'exact' },
  },
  {
    file: '000', lines: [656, 658],
    quote: String.raw`The inverse Fourier transform is … $$x(t) = \frac{1}{2\pi} \int_{-\infty}^{\infty} X(\omega)e^{i\omega t} d\omega.$$`,
    parts: { 'fourier.ft#inverse': 'exact' },
  },
  {
    file: '000', lines: [660, 662],
    quote: String.raw`$$X(\omega) = \sum_{n=-\infty}^{\infty} x[n]e^{-i\omega n}.$$`,
    parts: { 'fourier.dtft': 'exact' },
  },
  {
    file: '000', lines: [664, 666],
    quote: String.raw`The output is continuous in ω and periodic. The inverse DTFT is: … $$x[n] = \frac{1}{2\pi} \int_{2\pi} X(\omega)e^{i\omega n} d\omega.$$`,
    parts: { 'fourier.dtft#inverse': 'exact', 'fourier.dtft#continuity': 'assumption-needed' },
  },
  {
    file: '000', lines: [668, 672],
    quote: String.raw`Discrete Fourier transform converts a finite sequence of equally-spaced samples of a function into a same-length sequence of equally-spaced samples of the DTFT. … $$\begin{aligned} X[k] &= \sum_{n=0}^{N-1} x[n]e^{-2\pi i kn/N} \\ &= \sum_{n=0}^{N-1} x[n]W_N^{kn}, \end{aligned}$$`,
    parts: { 'fourier.dft-fft': 'exact' },
  },
  {
    file: '000', lines: [672, 674],
    quote: String.raw`The inverse transform is given by … $$\frac{1}{N} \sum_{k=0}^{N-1} X[k]W_N^{-kn}.$$`,
    parts: { 'fourier.dft-fft#inverse': 'exact' },
  },
  {
    file: '000', lines: [676, 680],
    quote: String.raw`$$\mathbf{X}[k] = \mathbf{W}_N \mathbf{x}[n],$$ … where $W_N = V(W_N^0, \dots, W_N^{N-1})$ is a Vandermonde matrix. The computational complexity is $O(N \log N)$ vs. $O(N^2)$ of definition of DFT.`,
    parts: { 'fourier.dft-fft#vandermonde': 'typo', 'fourier.dft-fft#complexity': 'exact' },
    typo: String.raw`The symbol $W_N$, defined at 000:672 as the scalar $e^{-2\pi i/N}$, is reused for the matrix; the display writes it bold: read $\mathbf{W}_N = V(W_N^0, \dots, W_N^{N-1})$, $(\mathbf{W}_N)_{kn} = W_N^{kn}$.`,
    corrected: String.raw`$\mathbf{X} = \mathbf{W}_N\mathbf{x}$ with $\mathbf{W}_N = V(W_N^0, \dots, W_N^{N-1}) = [W_N^{kn}]_{k,n=0}^{N-1}$, $W_N = e^{-2\pi i/N}$; the FFT costs $O(N\log N)$ for every $N$ (radix 2 for powers of two, mixed radix or Bluestein otherwise).`,
  },
  {
    file: '000', lines: [692, 692],
    quote: String.raw`$$\text{STFT}\{x[n]\}(k, \omega) = \sum_{n=-\infty}^{\infty} x[n]w[n - k]e^{-i\omega n}.$$`,
    parts: { 'fourier.stft-spectrogram#phase-reference': 'two-readings' },
    corrected: String.raw`Time-referenced: $\sum_n x[n]w[n-k]e^{-i\omega n}$; frame-referenced (torch.stft, tf.signal.stft, scipy): $S[t](\omega) = \sum_m x[tH+m]w[m]e^{-i\omega m} = e^{i\omega tH}\sum_n x[n]w[n-tH]e^{-i\omega n}$ — same modulus; state which, and whether $w$ is the periodic ($\tfrac12-\tfrac12\cos(2\pi m/M)$) or symmetric Hann window.`,
  },
  {
    file: '000', lines: [705, 705],
    quote: String.raw`For window width w , $\text{spectrogram}(t) = |\text{STFT}(t)|^2$.`,
    parts: { 'fourier.stft-spectrogram': 'exact' },
  },
  {
    file: '000', lines: [706, 707],
    quote: String.raw`Sampling rate must be at least twice the bandwidth of the signal to avoid aliasing.`,
    parts: { 'fourier.nyquist': 'assumption-needed' },
  },
  {
    file: '000', lines: [708, 709],
    quote: String.raw`Suppose $X_{1/T}(f)$ is the DTFT of sample sequence $x[n]$. … For DTFT, copies of X_f are shifted by multiples of the sampling rate f_s and added.`,
    parts: { 'fourier.replicas': 'two-readings' },
    corrected: String.raw`With $x[n] = x(nT)$: $\sum_n x[n]e^{-i2\pi fnT} = f_s\sum_k X(f - kf_s)$ (copies shifted by multiples of $f_s$, added, and scaled by $f_s = 1/T$); the unscaled sum is the DTFT of $T\,x(nT)$.`,
  },
  {
    file: '000', lines: [711, 712],
    quote: String.raw`If Nyquist–Shannon is not satisfied, copies will overlap. … Any frequency component above $f_s/2$ is indistinguishable from a lower-frequency component (i.e., alias).`,
    parts: { 'fourier.nyquist#alias': 'exact' },
  },
];
