/**
 * Exact oracles of the fourier domain (Fourier analysis: transforms, the DFT and FFT, the STFT). Imports src/numerics only.
 *
 * Every transform value is a rigorous float64 enclosure. Inputs are floats (exact dyadic rationals); the
 * twiddles cos(2πm/N), sin(2πm/N) are enclosed by `cos2piEnclose`/`sin2piEnclose` (π enclosed by Machin's
 * formula in BigInt fixed point, src/numerics/precise.ts, then cos/sin of a rational with a Lipschitz
 * widening by the width of the argument), and exactly 0, ±1 at multiples of N/4. A DFT output
 * X_k = Σ_n x_n e^{∓2πikn/N} is enclosed in mid-radius form: the twiddles as midpoint doubles t_mid with
 * radius t_rad, the dot product Σ x_n t_mid enclosed by compensated Dot2 with an a-posteriori bound
 * (src/numerics/fast-enclose.ts `dotEnclose`), plus Σ|x_n|t_rad rounded upward. Input radii (windowed
 * frames whose window value is itself an enclosure) add Σ r_n·(|t_mid| + t_rad).
 */
import { Rational } from '../numerics/rational.js';
import { piR, cosR, sinR, toFloat64Bounds } from '../numerics/precise.js';
import { dotEnclose } from '../numerics/fast-enclose.js';
import { addDown, addUp, mulDown, mulUp, divDown, divUp, subDown, subUp, stepUp, Interval } from '../numerics/interval.js';
import { add as iadd, sub as isub, mul as imul, div as idiv, sqr as isqr, exp as iexp } from '../numerics/interval.js';

const BITS = 72;
let PI: { lo: Rational; hi: Rational } | undefined;
const pi = () => (PI ??= piR(BITS + 8));

/** Enclosure [lo, hi] (doubles) of cos(2π·m/N) or sin(2π·m/N) for integers m, N ≥ 1. */
function trig2pi(m: number, N: number, which: 'cos' | 'sin'): [number, number] {
  const r = ((m % N) + N) % N;
  if ((4 * r) % N === 0) {
    const quarter = (4 * r) / N; // 0, 1, 2, 3
    const c = [1, 0, -1, 0][quarter]!, s = [0, 1, 0, -1][quarter]!;
    const v = which === 'cos' ? c : s;
    return [v, v];
  }
  const q2 = Rational.of(2 * r, N);
  const { lo, hi } = pi();
  const x = q2.mul(lo);
  const w = q2.mul(hi.sub(lo));
  const b = which === 'cos' ? cosR(x, BITS) : sinR(x, BITS);
  const [l, h] = toFloat64Bounds({ lo: b.lo.sub(w), hi: b.hi.add(w) });
  return [Math.max(-1, l), Math.min(1, h)];
}

export const cos2piEnclose = (m: number, N: number): [number, number] => trig2pi(m, N, 'cos');
export const sin2piEnclose = (m: number, N: number): [number, number] => trig2pi(m, N, 'sin');

/** Twiddle table of length N in mid-radius form: cos and sin of 2πm/N, m = 0..N−1. */
export interface Twiddles { N: number; cm: Float64Array; cr: Float64Array; sm: Float64Array; sr: Float64Array }
const TW = new Map<number, Twiddles>();

function midRad(lo: number, hi: number): [number, number] {
  if (lo === hi) return [lo, 0];
  const m = lo / 2 + hi / 2;
  return [m, stepUp(Math.max(m - lo, hi - m), 1)];
}

export function twiddles(N: number): Twiddles {
  const hit = TW.get(N);
  if (hit) return hit;
  const t: Twiddles = { N, cm: new Float64Array(N), cr: new Float64Array(N), sm: new Float64Array(N), sr: new Float64Array(N) };
  const done = new Uint8Array(N);
  // symmetries (exact): m ↦ N − m (cos even, sin odd), m ↦ N/2 − m (cos ↦ −cos, sin ↦ sin), m ↦ N/4 − m (cos ↔ sin)
  const fill = (m: number): void => {
    if (done[m]) return;
    if (m > N / 2) { fill(N - m); t.cm[m] = t.cm[N - m]!; t.cr[m] = t.cr[N - m]!; t.sm[m] = -t.sm[N - m]!; t.sr[m] = t.sr[N - m]!; }
    else if (N % 2 === 0 && m > N / 4) { const q = N / 2 - m; fill(q); t.cm[m] = -t.cm[q]!; t.cr[m] = t.cr[q]!; t.sm[m] = t.sm[q]!; t.sr[m] = t.sr[q]!; }
    else if (N % 4 === 0 && m > N / 8) { const q = N / 4 - m; fill(q); t.cm[m] = t.sm[q]!; t.cr[m] = t.sr[q]!; t.sm[m] = t.cm[q]!; t.sr[m] = t.cr[q]!; }
    else {
      const [cl, ch] = cos2piEnclose(m, N), [sl, sh] = sin2piEnclose(m, N);
      [t.cm[m], t.cr[m]] = midRad(cl, ch);
      [t.sm[m], t.sr[m]] = midRad(sl, sh);
    }
    done[m] = 1;
  };
  for (let m = 0; m < N; m++) fill(m);
  if (N <= 4096) TW.set(N, t);
  return t;
}

/** Σ of non-negative doubles, rounded upward (a float sum of n terms errs by ≤ γ_{n−1}·Σ; the factor covers it). */
function sumUp(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return s === 0 ? 0 : stepUp(s * (1 + (v.length + 2) * 2 ** -52), 1);
}

/** A complex sequence in mid-radius form (componentwise): value_n ∈ [re_n ± rr_n] + i[im_n ± ri_n]. */
export interface CSeq { re: ArrayLike<number>; im: ArrayLike<number>; rr?: ArrayLike<number>; ri?: ArrayLike<number> }

/** Enclosure of one transform output: real part [reLo, reHi], imaginary part [imLo, imHi]. */
export interface CBox { reLo: number; reHi: number; imLo: number; imHi: number }

/**
 * Rigorous enclosures of the DFT outputs k ∈ ks of x (length N): X_k = Σ_n x_n e^{−2πikn/N} (forward,
 * unnormalised: the "backward" normalisation) or, with `inverse`, Σ_n x_n e^{+2πikn/N} (unnormalised; divide
 * by N for the inverse DFT).
 */
export function dftEnclose(x: CSeq, ks: readonly number[], inverse = false): CBox[] {
  const N = x.re.length;
  if (N === 0) return [];
  if (N >= 64 && (N & (N - 1)) === 0) {
    const all = fftBall(x, inverse);
    return ks.map((k) => all[k]!);
  }
  const t = twiddles(N);
  const sg = inverse ? 1 : -1; // e^{sg·iθ} = c + sg·i·s
  const g = gammaUp(2 * N);
  const out: CBox[] = [];
  for (const k of ks) {
    // (a + ib)(c + σis) = (ac − σbs) + i(bc + σas): two dot products of length 2N, summed left to right in
    // float64 (|error| ≤ γ_{2N}Σ|terms|), plus the twiddle radii and the input radii
    let re = 0, im = 0, absRe = 0, absIm = 0, rad = 0;
    for (let n = 0; n < N; n++) {
      const m = (k * n) % N;
      const c = t.cm[m]!, s = sg * t.sm[m]!, a = x.re[n]!, b = x.im[n]!;
      const p1 = a * c, p2 = b * s, p3 = b * c, p4 = a * s;
      re = re + p1 - p2; im = im + p3 + p4;
      absRe += Math.abs(p1) + Math.abs(p2); absIm += Math.abs(p3) + Math.abs(p4);
      const tr = Math.max(t.cr[m]!, t.sr[m]!);
      const rr = x.rr ? x.rr[n]! : 0, ri = x.ri ? x.ri[n]! : 0;
      rad += (Math.abs(a) + Math.abs(b)) * tr + (rr + ri) * (Math.max(Math.abs(c), Math.abs(s)) + tr);
    }
    if (!(Number.isFinite(re) && Number.isFinite(im) && Number.isFinite(absRe + absIm + rad))) {
      out.push(...dftEncloseSlow(x, [k], inverse));
      continue;
    }
    // the float sums of non-negative terms are within (1 + γ_{2N}) of the exact ones; rad has ≤ 8N operations
    const radUp = rad * (1 + gammaUp(8 * N)) + 0;
    const eRe = g * absRe * (1 + g) + radUp + 4 * N * ETA_MIN, eIm = g * absIm * (1 + g) + radUp + 4 * N * ETA_MIN;
    out.push({ reLo: subDown(re, stepUp(eRe, 2)), reHi: addUp(re, stepUp(eRe, 2)), imLo: subDown(im, stepUp(eIm, 2)), imHi: addUp(im, stepUp(eIm, 2)) });
  }
  return out;
}

const ETA_MIN = 2 ** -1074;
const U64 = 2 ** -53;
/** γ_n = nu/(1 − nu) for float64, rounded up generously. */
const gammaUp = (n: number): number => ((n * U64) / (1 - n * U64)) * (1 + 2 ** -40);

/**
 * Radix-2 decimation-in-time FFT in float64 ball arithmetic (N a power of two): every value carries a radius ρ
 * bounding |ẑ − z| (complex modulus, bounded by |re| + |im|). A butterfly with the twiddle ŵ (radius ρ_w) computes
 * t̂ = fl(ŵ b̂), fl(â ± t̂); the exact w·b differs from ŵ b̂ by ≤ |ŵ|ρ_b + ρ_w|b̂| + ρ_wρ_b, the complex product
 * rounds by ≤ √2γ₂|ŵ||b̂| (Higham Lemma 3.5), the complex sum by ≤ u|â ± t̂| ≤ u(|â| + |t̂|): the radius of both
 * outputs is ρ_a + those terms (+ underflow), a sum of 7 non-negative floats scaled by (1 + 8u) to round upward.
 */
function fftBall(x: CSeq, inverse: boolean): CBox[] {
  const N = x.re.length;
  const t = twiddles(N);
  const re = new Float64Array(N), im = new Float64Array(N), rho = new Float64Array(N);
  let bits = 0;
  while ((1 << bits) < N) bits++;
  for (let i = 0; i < N; i++) {
    let j = 0;
    for (let b = 0; b < bits; b++) if (i & (1 << b)) j |= 1 << (bits - 1 - b);
    re[j] = x.re[i]!; im[j] = x.im[i]!;
    rho[j] = ((x.rr ? x.rr[i]! : 0) + (x.ri ? x.ri[i]! : 0)) * (1 + 4 * U64);
  }
  const sg = inverse ? 1 : -1;
  const c2 = Math.SQRT2 * gammaUp(2) * (1 + 2 ** -40);
  const up = 1 + 8 * U64;
  for (let len = 2; len <= N; len <<= 1) {
    const half = len >> 1, step = N / len;
    for (let i = 0; i < N; i += len) {
      for (let k = 0; k < half; k++) {
        const m = k * step;
        const wr = t.cm[m]!, wi = sg * t.sm[m]!, rw = t.cr[m]! + t.sr[m]!;
        const a = i + k, b = a + half;
        const br = re[b]!, bi = im[b]!;
        const tr = br * wr - bi * wi, ti = br * wi + bi * wr;
        const aw = Math.abs(wr) + Math.abs(wi), ab = Math.abs(br) + Math.abs(bi), at = Math.abs(tr) + Math.abs(ti);
        const aa = Math.abs(re[a]!) + Math.abs(im[a]!);
        const r = (rho[a]! + aw * rho[b]! + rw * ab + rw * rho[b]! + c2 * aw * ab + U64 * (aa + at) + 8 * ETA_MIN) * up;
        const ar = re[a]!, ai = im[a]!;
        re[a] = ar + tr; im[a] = ai + ti;
        re[b] = ar - tr; im[b] = ai - ti;
        rho[a] = r; rho[b] = r;
      }
    }
  }
  const out: CBox[] = [];
  for (let k = 0; k < N; k++) {
    const r = stepUp(rho[k]!, 1);
    if (!(Number.isFinite(re[k]!) && Number.isFinite(im[k]!) && Number.isFinite(r))) return dftEncloseSlow(x, Array.from({ length: N }, (_, i) => i), inverse);
    out.push({ reLo: subDown(re[k]!, r), reHi: addUp(re[k]!, r), imLo: subDown(im[k]!, r), imHi: addUp(im[k]!, r) });
  }
  return out;
}

/** The compensated (Dot2) enclosure of selected outputs, with directed fallbacks: slow, tight, for hard ranges. */
function dftEncloseSlow(x: CSeq, ks: readonly number[], inverse: boolean): CBox[] {
  const N = x.re.length;
  const t = twiddles(N);
  const sg = inverse ? 1 : -1;
  const ab = new Float64Array(2 * N);
  for (let n = 0; n < N; n++) { ab[n] = x.re[n]!; ab[N + n] = x.im[n]!; }
  const rowRe = new Float64Array(2 * N), rowIm = new Float64Array(2 * N), radTerms = new Float64Array(2 * N);
  const out: CBox[] = [];
  for (const k of ks) {
    for (let n = 0; n < N; n++) {
      const m = (k * n) % N;
      const c = t.cm[m]!, s = t.sm[m]!;
      rowRe[n] = c; rowRe[N + n] = -sg * s;
      rowIm[n] = sg * s; rowIm[N + n] = c;
      const cr = t.cr[m]!, sr = t.sr[m]!;
      const ca = Math.abs(c) + cr, sa = Math.abs(s) + sr;
      const rr = x.rr ? x.rr[n]! : 0, ri = x.ri ? x.ri[n]! : 0;
      radTerms[n] = Math.abs(x.re[n]!) * Math.max(cr, sr) + rr * Math.max(ca, sa);
      radTerms[N + n] = Math.abs(x.im[n]!) * Math.max(cr, sr) + ri * Math.max(ca, sa);
    }
    const rad = sumUp(radTerms);
    const er = dotEnclose(ab, rowRe) ?? slowDot(ab, rowRe);
    const ei = dotEnclose(ab, rowIm) ?? slowDot(ab, rowIm);
    out.push({ reLo: subDown(er[0], rad), reHi: addUp(er[1], rad), imLo: subDown(ei[0], rad), imHi: addUp(ei[1], rad) });
  }
  return out;
}

/** Directed-rounding interval dot product (the fallback when Dot2 leaves its safe range). */
function slowDot(a: ArrayLike<number>, b: ArrayLike<number>): [number, number] {
  let lo = 0, hi = 0;
  for (let i = 0; i < a.length; i++) {
    const p1 = mulDown(a[i]!, b[i]!), p2 = mulUp(a[i]!, b[i]!);
    lo = addDown(lo, Math.min(p1, p2));
    hi = addUp(hi, Math.max(p1, p2));
  }
  return [lo, hi];
}

/** Enclosures of the full forward DFT (length N) of a complex sequence given as [N][2] (re, im). */
export function dftOracle(x: readonly (readonly number[])[], inverse = false): CBox[] {
  const re = x.map((v) => v[0]!), im = x.map((v) => v[1]!);
  return dftEnclose({ re, im }, re.map((_, k) => k), inverse);
}

/** Enclosures of the one-sided DFT (k = 0..⌊N/2⌋) of a real sequence. */
export function rfftOracle(x: readonly number[]): CBox[] {
  const N = x.length;
  if (N === 0) return [];
  return dftEnclose({ re: x, im: new Float64Array(N) }, Array.from({ length: Math.floor(N / 2) + 1 }, (_, k) => k));
}

/**
 * Periodic Hann window w[m] = ½ − ½cos(2πm/M) = sin²(πm/M), m = 0..M−1, as enclosures; M = 1 gives [1] (the formula
 * would give [0]: torch.hann_window(1), scipy.signal.get_window('hann', 1) and numpy.hanning(1) all return [1]).
 */
export function hannPeriodic(M: number): Interval[] {
  if (M === 1) return [new Interval(1, 1)];
  return Array.from({ length: M }, (_, m) => {
    const [cl, ch] = cos2piEnclose(m, M);
    return new Interval(Math.max(0, mulDown(0.5, subDown(1, ch))), Math.min(1, mulUp(0.5, subUp(1, cl))));
  });
}

/** Symmetric Hann window w[m] = ½ − ½cos(2πm/(M−1)) (M ≥ 2; M = 1 gives [1]), as enclosures. */
export function hannSymmetric(M: number): Interval[] {
  if (M === 1) return [new Interval(1, 1)];
  return Array.from({ length: M }, (_, m) => {
    const [cl, ch] = cos2piEnclose(m, M - 1);
    return new Interval(Math.max(0, mulDown(0.5, subDown(1, ch))), Math.min(1, mulUp(0.5, subUp(1, cl))));
  });
}

/** Number of frames of a non-centred, unpadded STFT: 1 + ⌊(L − nFft)/hop⌋ when L ≥ nFft, else 0. */
export const stftFrames = (L: number, nFft: number, hop: number): number => (L < nFft ? 0 : 1 + Math.floor((L - nFft) / hop));

/** The windowed frame t (x[tH + m]·w[m], m < nFft) in mid-radius form, with its exact-input window enclosure. */
export function windowedFrame(x: readonly number[], t: number, hop: number, w: readonly Interval[]): { mid: Float64Array; rad: Float64Array } {
  const M = w.length;
  const mid = new Float64Array(M), rad = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    const v = x[t * hop + m]!;
    const a = mulDown(v, v >= 0 ? w[m]!.lo : w[m]!.hi), b = mulUp(v, v >= 0 ? w[m]!.hi : w[m]!.lo);
    [mid[m], rad[m]] = midRad(a, b);
  }
  return { mid, rad };
}

/**
 * STFT (frame-referenced phase, as torch.stft / tf.signal.stft / scipy): S[t][k] = Σ_{m<M} x[tH + m] w[m] e^{−2πikm/M},
 * t < 1 + ⌊(L − M)/H⌋, k ≤ ⌊M/2⌋, w the periodic Hann window of length M = nFft; no centring, no padding.
 */
export function stftOracle(x: readonly number[], nFft: number, hop: number, window: 'periodic' | 'symmetric' = 'periodic'): CBox[][] {
  const T = stftFrames(x.length, nFft, hop);
  const w = window === 'periodic' ? hannPeriodic(nFft) : hannSymmetric(nFft);
  const ks = Array.from({ length: Math.floor(nFft / 2) + 1 }, (_, k) => k);
  const out: CBox[][] = [];
  for (let t = 0; t < T; t++) {
    const f = windowedFrame(x, t, hop, w);
    out.push(dftEnclose({ re: f.mid, im: new Float64Array(nFft), rr: f.rad, ri: new Float64Array(nFft) }, ks));
  }
  return out;
}

/** |z|² of an enclosed complex value, as an interval. */
export function abs2(b: CBox): Interval {
  const sq = (lo: number, hi: number): [number, number] => {
    if (lo >= 0) return [mulDown(lo, lo), mulUp(hi, hi)];
    if (hi <= 0) return [mulDown(hi, hi), mulUp(lo, lo)];
    return [0, Math.max(mulUp(lo, lo), mulUp(hi, hi))];
  };
  const [a1, a2] = sq(b.reLo, b.reHi), [b1, b2] = sq(b.imLo, b.imHi);
  return new Interval(addDown(a1, b1), addUp(a2, b2));
}

/** Multiply an enclosure by e^{iθ}, θ = 2π·m/N (enclosed), e.g. the phase between two STFT conventions. */
export function rotate(b: CBox, m: number, N: number): CBox {
  const c = new Interval(...cos2piEnclose(m, N)), s = new Interval(...sin2piEnclose(m, N));
  const re = new Interval(b.reLo, b.reHi), im = new Interval(b.imLo, b.imHi);
  const mul = (p: Interval, q: Interval): Interval => {
    const xs = [mulDown(p.lo, q.lo), mulDown(p.lo, q.hi), mulDown(p.hi, q.lo), mulDown(p.hi, q.hi)];
    const ys = [mulUp(p.lo, q.lo), mulUp(p.lo, q.hi), mulUp(p.hi, q.lo), mulUp(p.hi, q.hi)];
    return new Interval(Math.min(...xs), Math.max(...ys));
  };
  const rc = mul(re, c), is = mul(im, s), rs = mul(re, s), ic = mul(im, c);
  return { reLo: subDown(rc.lo, is.hi), reHi: subUp(rc.hi, is.lo), imLo: addDown(rs.lo, ic.lo), imHi: addUp(rs.hi, ic.hi) };
}


/** Whether two enclosures can hold the same complex number. */
export const overlaps = (a: CBox, b: CBox): boolean => a.reLo <= b.reHi && b.reLo <= a.reHi && a.imLo <= b.imHi && b.imLo <= a.imHi;

/** Whether an enclosure contains the complex number (re, im). */
export const boxContains = (b: CBox, re: number, im: number): boolean => b.reLo <= re && re <= b.reHi && b.imLo <= im && im <= b.imHi;

/** Largest width of an enclosure's two components. */
export const boxWidth = (b: CBox): number => Math.max(b.reHi - b.reLo, b.imHi - b.imLo);

/**
 * The DTFT of a finite sequence supported on n = n0..n0+len−1 at ω = 2πj/M: Σ_n x_n e^{−iωn}.
 * Rigorous: the twiddle index is (j·n) mod M (exact integer arithmetic, e^{−iω} has period M in n).
 */
export function dtftAt(x: readonly number[], n0: number, j: number, M: number): CBox {
  const t = twiddles(M);
  const re = new Float64Array(x.length), im = new Float64Array(x.length);
  // Σ_n x_n e^{−2πij(n0+i)/M}: a DFT-like sum with indices shifted; do it directly.
  const rowRe = new Float64Array(x.length), rowIm = new Float64Array(x.length), rad = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const m = ((((j * (n0 + i)) % M) + M) % M);
    rowRe[i] = t.cm[m]!; rowIm[i] = -t.sm[m]!;
    rad[i] = Math.abs(x[i]!) * Math.max(t.cr[m]!, t.sr[m]!);
    re[i] = x[i]!; im[i] = 0;
  }
  const r = sumUp(rad);
  const a = dotEnclose(x, rowRe) ?? slowDot(x, rowRe), b = dotEnclose(x, rowIm) ?? slowDot(x, rowIm);
  return { reLo: subDown(a[0], r), reHi: addUp(a[1], r), imLo: subDown(b[0], r), imHi: addUp(b[1], r) };
}

/* ------------------------------------------------------------------ continuous transforms and sampling */

/** π as a double interval: Math.PI < π < its successor (π = 3.14159265358979323846…, Math.PI = 3.141592653589793115…). */
export const PI_IV = new Interval(Math.PI, stepUp(Math.PI, 1));
const P = (v: number) => new Interval(v, v);

/**
 * A sum of two-sided exponentials x(t) = Σ_m c_m e^{−a_m|t|} (a_m > 0) and its Fourier transform in the notes'
 * angular convention, X(ω) = ∫x(t)e^{−iωt}dt = Σ_m 2a_m c_m/(a_m² + ω²) (from ∫_0^∞ e^{−(a+iω)t}dt = 1/(a + iω),
 * exactly), enclosed at a float ω.
 */
export function lorentzianFT(terms: readonly { c: number; a: number }[], w: Interval): Interval {
  let s = P(0);
  for (const { c, a } of terms) s = iadd(s, idiv(P(2 * a * c), iadd(isqr(P(a)), isqr(w))));
  return s;
}

/**
 * Enclosure of the notes' inverse transform at t = 0, (1/2π)∫X(ω)dω, for c_m > 0: X is even and decreasing on
 * [0, ∞), so on any partition 0 = ω_0 < … < ω_J = W the lower and upper Riemann sums Σ(ω_{j+1} − ω_j)X(ω_{j+1}) ≤
 * ∫_0^W X ≤ Σ(ω_{j+1} − ω_j)X(ω_j) are rigorous; the tail is ∫_W^∞ X ≤ Σ_m 2a_m c_m/W. The partition is uniform
 * (step min a/32) up to 8·max a, then geometric (ratio 1 + 1/32) up to W = 2^12·max a. `norm` is the factor put
 * in front of the integral (1/(2π) in the notes).
 */
export function lorentzianInverseAt0(terms: readonly { c: number; a: number }[], norm: Interval): Interval {
  const amin = Math.min(...terms.map((t) => t.a)), amax = Math.max(...terms.map((t) => t.a));
  const h = amin / 32, W = 4096 * amax;
  const grid: number[] = [0];
  while (grid[grid.length - 1]! < 8 * amax) grid.push(grid[grid.length - 1]! + h);
  while (grid[grid.length - 1]! < W) grid.push(grid[grid.length - 1]! * (1 + 1 / 32));
  let lo = 0, hi = 0;
  let prev = lorentzianFT(terms, P(0));
  for (let j = 1; j < grid.length; j++) {
    const cur = lorentzianFT(terms, P(grid[j]!));
    const dw = isub(P(grid[j]!), P(grid[j - 1]!));
    lo = addDown(lo, mulDown(dw.lo, cur.lo));
    hi = addUp(hi, mulUp(dw.hi, prev.hi));
    prev = cur;
  }
  const Wend = grid[grid.length - 1]!;
  const tail = terms.reduce((s, t) => addUp(s, divUp(2 * t.a * t.c, Wend)), 0);
  const whole = new Interval(2 * lo, 2 * addUp(hi, tail)); // X even: ∫_ℝ = 2∫_0^∞ (doubling exact)
  return imul(norm, whole);
}

/**
 * DTFT of the two-sided geometric sequence x[n] = r^{|n|} (0 < r < 1) at ω = 2πj/M, closed form
 * (1 − r²)/(1 − 2r cos ω + r²) (geometric series), with r an enclosure.
 */
export function geometricDtftClosed(r: Interval, j: number, M: number): Interval {
  const c = new Interval(...cos2piEnclose(j, M));
  const r2 = isqr(r);
  return idiv(isub(P(1), r2), iadd(isub(P(1), imul(scaleIv(r, 2), c)), r2));
}
const scaleIv = (a: Interval, k: number) => imul(P(k), a);

/**
 * The same DTFT as the truncated sum Σ_{|n|≤K} r^{|n|}e^{−iωn} = 1 + 2Σ_{n=1}^{K} r^n cos(ωn) (real: x is even), plus
 * the tail bound |Σ_{|n|>K}| ≤ 2r^{K+1}/(1 − r); r dyadic (exact powers by directed products).
 */
export function geometricDtftSum(r: number, K: number, j: number, M: number): Interval {
  let s = P(1);
  let pw = P(1);
  for (let n = 1; n <= K; n++) {
    pw = imul(pw, P(r));
    s = iadd(s, imul(scaleIv(pw, 2), new Interval(...cos2piEnclose((j * n) % M, M))));
  }
  const tail = divUp(mulUp(2, mulUp(pw.hi, r)), subDown(1, r));
  return new Interval(subDown(s.lo, tail), addUp(s.hi, tail));
}

/**
 * Sampling x(t) = e^{−a|t|} every T seconds gives x[n] = r^{|n|}, r = e^{−aT}; its DTFT at ω = 2πfT (f = j/(MT)
 * in Hz) in closed form, enclosed (exp by src/numerics/interval.ts).
 */
export function sampledExpDtft(a: number, T: number, j: number, M: number): Interval {
  return geometricDtftClosed(iexp(P(-a * T)), j, M);
}

/**
 * The replica sum of the Fourier transform in Hz, X(f) = ∫x(t)e^{−2πift}dt = 2a/(a² + 4π²f²) for x(t) = e^{−a|t|}:
 * scale·Σ_{|k|≤K} X(f − k f_s) at f = j f_s/M (0 ≤ j ≤ M/2, f_s = 1/T), plus the tail: for |k| > K,
 * (j/M − k)² ≥ (|k| − ½)² and X(f − k f_s) ≤ 2aT²/(4π²(|k| − ½)²), Σ_{k>K}(k − ½)^{−2} ≤ 1/(K − ½), so the tail is
 * ≤ scale·aT²/(π²(K − ½)). Poisson summation says the DTFT of x(nT) equals this with scale = f_s = 1/T.
 */
export function replicaSum(a: number, T: number, j: number, M: number, scale: Interval, K = 2000): Interval {
  const fourPi2OverT2 = idiv(imul(P(4), isqr(PI_IV)), isqr(P(T)));
  let s = P(0);
  for (let k = -K; k <= K; k++) {
    const d = isub(idiv(P(j), P(M)), P(k));
    s = iadd(s, idiv(P(2 * a), iadd(P(a * a), imul(fourPi2OverT2, isqr(d)))));
  }
  const tailIv = idiv(P(a * T * T), imul(isqr(PI_IV), P(K - 0.5)));
  return imul(scale, new Interval(s.lo, addUp(s.hi, tailIv.hi)));
}

/** cos(2π·p·n/q) as an enclosure (a sampled sinusoid of frequency p/q cycles per sample). */
export const sampledCos = (p: number, n: number, q: number): Interval => new Interval(...cos2piEnclose((((p * n) % q) + q) % q, q));
export const sampledSin = (p: number, n: number, q: number): Interval => new Interval(...sin2piEnclose((((p * n) % q) + q) % q, q));
