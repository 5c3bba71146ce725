/** Ops of the fourier domain (Fourier analysis: transforms, the DFT and FFT, the STFT). */
import { defineOp, tensor, integer } from './schema.js';

const ALGORITHMS = [
  { name: 'fft-working-precision', default: true, description: 'radix-2, split-radix or mixed-radix Cooley–Tukey (radices ≤ 16), complex or real-input (packed half-length), twiddles from sin/cos in the dtype or rounded from float64 (within μ = 2√2·max(1, ulps)·u): ‖ŷ − y‖₂ ≤ α_N√N‖x‖₂ (Higham Thm 24.2 generalised; src/numerics/bounds-fft.ts fftRelativeError).' },
  { name: 'direct', default: true, description: 'the O(N²) definition Σ_n x_n W_N^{kn} in any summation order (tfjs cpu for lengths that are not powers of two): ‖ŷ − y‖₂ ≤ √N·δ_dir‖x‖₁, δ_dir = (1 + μ)(1 + √2γ₂)(1 + γ_{N−1}) − 1.' },
  { name: 'bluestein', default: true, description: 'chirp-z: a = x ⊙ b̄, b_m = e^{iπm²/N}, a cyclic FFT convolution of length ≤ 4N, y = b̄ ⊙ c: (1 + ε₁)(B_conv + (ε₁ + μ(1 + ε₁))‖x‖₁√(2N − 1)) + ε₁√N‖x‖₂ (src/numerics/bounds-dft.ts).' },
  { name: 'wider-precision', default: true, description: 'any of the above in float64 for a float32 request, rounded: plus u(√N‖x‖₂ + B).' },
];

export const OPS = [
  defineOp({
    id: 'fourier.dft',
    description: 'Forward discrete Fourier transform of a complex sequence, X[k] = Σ_{n<N} x[n] e^{−2πikn/N} (normalisation "backward": no factor on the forward transform, 1/N on the inverse). Complex values are [re, im] pairs (the layout of torch.view_as_real). tfjs: tf.spectral.fft, which has no wasm kernel: it runs on the cpu backend even in a wasm run.',
    args: { x: tensor('float', ['N', 2], { description: 'input, [re, im] per sample, N ≥ 1' }) },
    result: tensor('float', ['N', 2]),
    algorithms: ALGORITHMS,
    inputClasses: [
      { name: 'small', minShare: 0.3, description: 'N 1–16 (powers of two and others, primes included), entries in [−4, 4] with mixed magnitudes' },
      { name: 'power-of-two', minShare: 0.2, description: 'N = 2^j, j 5–10 (1024 in ≥ 1/8 of them), entries in [−1, 1]' },
      { name: 'non-power-of-two', minShare: 0.12, description: 'N 17–300 with odd, prime and mixed factors (radix > 16 and Bluestein territory)' },
      { name: 'float64-only', minShare: 0.08, description: 'N 1–64, doubles with full 53-bit significands (rounded to float32 in float32 runs)' },
      { name: 'structured', minShare: 0.08, description: 'N 2–64: a unit impulse, a constant, or a pure tone e^{2πik₀n/N} (a single nonzero bin: index and sign conventions show at once)' },
      { name: 'wide-range', minShare: 0.04, description: 'N 1–64, entries m·2^e with e ∈ [−20, 3]' },
    ],
    exactFriendly: 'None: twiddles cos(2πm/N), sin(2πm/N) are irrational for N ∉ {1, 2, 3, 4, 6} and every FFT algorithm rounds them; the structured class (impulse, constant, pure tone) makes index, sign, normalisation and bit-reversal bugs O(‖y‖) instead.',
  }),
  defineOp({
    id: 'fourier.rfft',
    description: 'One-sided DFT of a real sequence: X[k] = Σ_{n<N} x[n] e^{−2πikn/N} for k = 0..⌊N/2⌋ (length ⌊N/2⌋ + 1, as numpy.fft.rfft / torch.fft.rfft / tf.spectral.rfft; the other bins are the conjugates X[N−k]); normalisation "backward". Output [re, im] pairs. tfjs: tf.spectral.rfft on the cpu backend (no wasm kernel).',
    args: { x: tensor('float', ['N'], { description: 'real input, N ≥ 1' }) },
    result: tensor('float', ['K', 2]),
    constraints: [{ text: 'K = ⌊N/2⌋ + 1', derives: (d): Record<string, number> => (d['N'] === undefined ? {} : { K: Math.floor(d['N'] / 2) + 1 }) }],
    algorithms: ALGORITHMS,
    inputClasses: [
      { name: 'small', minShare: 0.3, description: 'N 1–16, entries in [−4, 4] with mixed magnitudes' },
      { name: 'power-of-two', minShare: 0.2, description: 'N = 2^j, j 5–11 (2048 in ≥ 1/8 of them), entries in [−1, 1]' },
      { name: 'non-power-of-two', minShare: 0.12, description: 'N 17–300, odd and prime lengths included (the Nyquist bin exists only for even N)' },
      { name: 'float64-only', minShare: 0.08, description: 'N 1–64, doubles with full 53-bit significands' },
      { name: 'structured', minShare: 0.08, description: 'N 2–64: an impulse, a constant, a cosine cos(2πk₀n/N) or an alternating (−1)^n (the Nyquist bin)' },
      { name: 'wide-range', minShare: 0.04, description: 'N 1–64, entries m·2^e with e ∈ [−20, 3]' },
    ],
    exactFriendly: 'None (irrational twiddles); the structured class puts all the energy in one or two bins.',
  }),
  defineOp({
    id: 'fourier.stft',
    description: 'Short-time Fourier transform, conventions declared: S[t][k] = Σ_{m<M} x[tH + m]·w[m]·e^{−2πikm/M} with M = nFft, H = hop, w the PERIODIC Hann window w[m] = ½ − ½cos(2πm/M) (torch.hann_window default, scipy.signal.get_window("hann")), w = [1] for M = 1 (as torch, scipy and numpy return), frames t = 0..⌊(L − M)/H⌋ with NO centring and NO padding (torch.stft(center=False), tf.signal.stft(pad_end=False)), one-sided bins k = 0..⌊M/2⌋, frame-referenced phase (the notes’ Σ_n x[n]w[n − tH]e^{−iωn} differs by the factor e^{−iωtH}), normalisation "backward". Output [T, K, 2]. tfjs: tf.signal.stft with a periodic Hann windowFn (tf.signal.hannWindow is symmetric for odd lengths), on the cpu backend (no wasm FFT kernel).',
    args: {
      x: tensor('float', ['L'], { description: 'real signal, L ≥ nFft' }),
      nFft: integer({ minimum: 1, description: 'M, window and transform length' }),
      hop: integer({ minimum: 1, description: 'H, frame step' }),
    },
    result: tensor('float', ['T', 'K', 2]),
    constraints: [{
      text: 'T = 1 + ⌊(L − nFft)/hop⌋, K = ⌊nFft/2⌋ + 1, L ≥ nFft',
      holds: (d, a) => d['L']! >= (a['nFft'] as number),
      derives: (d, a): Record<string, number> => {
        const M = a['nFft'], H = a['hop'], L = d['L'];
        return typeof M === 'number' && typeof H === 'number' && L !== undefined && L >= M && H >= 1 ? { T: 1 + Math.floor((L - M) / H), K: Math.floor(M / 2) + 1 } : {};
      },
    }],
    algorithms: [
      { name: 'frame-window-rfft', default: true, description: 'frame, multiply by the window computed in the dtype (½ − ½cos(2πm/M) or sin²(πm/M), within e_w = 2πγ₃ + 4·ulps·u + 2u), then any fourier.rfft algorithm per frame: ‖Ŝ_t − S_t‖₂ ≤ dftBound(v̂_t) + √M‖η_t‖₂, |η_m| ≤ |x_m|(e_w + u(w_m + e_w)) (src/numerics/bounds-dft.ts stftFrameBound).' },
    ],
    inputClasses: [
      { name: 'small', minShare: 0.3, description: 'nFft 1–16 (odd included), hop 1–nFft, L nFft–nFft + 40, x ∈ [−4, 4]' },
      { name: 'audio-like', minShare: 0.08, description: 'nFft ∈ {64, 128, 256, 400, 512} (400 as in Whisper), hop nFft/4 or nFft/2, 2–6 frames, a seeded block of x ∈ [−1, 1]' },
      { name: 'tone', minShare: 0.12, description: 'x[n] = cos(2πk₀n/M) rounded, nFft 4–64: the Hann leakage into bins k₀ ± 1 shows a window convention bug' },
      { name: 'odd-window', minShare: 0.12, description: 'odd nFft 3–33: periodic and symmetric Hann differ at every m' },
      { name: 'float64-only', minShare: 0.08, description: 'nFft 2–32, x doubles with full significands' },
    ],
    exactFriendly: 'None (irrational window values and twiddles).',
  }),
] as const;
