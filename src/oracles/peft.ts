/**
 * Exact oracles of the peft domain (Parameter-efficient fine-tuning: LoRA, adapters, (IA)³, prefix
 * tuning). Imports src/numerics only. Matrices are arrays of rows of Rationals; counts are exact
 * integers (BigInt where they may pass 2⁵³).
 */
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { toDyadic, dyToRational } from '../numerics/dyadic.js';

export type RMat = Rational[][];

const ri = (n: number) => Rational.fromInt(n);

/** C = A·B exactly. */
export function matMul(A: RMat, B: RMat): RMat {
  const n = A.length, m = B[0]?.length ?? 0, k = B.length;
  return Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => {
    let s = Rational.ZERO;
    for (let l = 0; l < k; l++) s = s.add(A[i]![l]!.mul(B[l]![j]!));
    return s;
  }));
}

/** Entry-wise A + c·B. */
export function addScaled(A: RMat, c: Rational, B: RMat): RMat {
  return A.map((row, i) => row.map((v, j) => v.add(c.mul(B[i]![j]!))));
}

/**
 * LoRA merge W = W₀ + (α/r)·B·A with W₀ ∈ Q^{d×k}, B ∈ Q^{d×r}, A ∈ Q^{r×k} (r ≥ 1), exactly.
 * The unmerge is the same map with −α.
 */
export function loraMerge(W0: RMat, B: RMat, A: RMat, alpha: Rational): RMat {
  const r = A.length;
  if (r < 1 || B[0]?.length !== r || B.length !== W0.length || A[0]?.length !== W0[0]?.length) throw new RangeError('shapes: W0 d×k, B d×r, A r×k');
  return addScaled(W0, alpha.div(ri(r)), matMul(B, A));
}

/**
 * LoRA merge of float inputs: the exact value (Rationals) and, per entry, Σ_l |B_il A_lj| (a float64 upper bound)
 * for the error bound (src/numerics/bounds-peft.ts).
 */
export function loraMergeFloat(W0: number[][], B: number[][], A: number[][], alpha: number): { W: RMat; sumAbs: number[][]; scale: number; rowAbsB: number[]; colAbsA: number[] } {
  const d = W0.length, k = W0[0]!.length, r = A.length;
  if (r < 1 || B.length !== d || B[0]?.length !== r || A[0]?.length !== k) throw new RangeError('shapes: W0 d×k, B d×r, A r×k');
  const Bd = toDyadic(B.flat()), Ad = toDyadic(A.flat());
  const s = Rational.fromFloat64(alpha).div(ri(r));
  const W: RMat = [], sumAbs: number[][] = [];
  for (let i = 0; i < d; i++) {
    const row: Rational[] = [], sa: number[] = [];
    for (let j = 0; j < k; j++) {
      let acc = 0n, abs = 0;
      for (let l = 0; l < r; l++) { acc += Bd.m[i * r + l]! * Ad.m[l * k + j]!; abs += Math.abs(B[i]![l]! * A[l]![j]!); }
      row.push(Rational.fromFloat64(W0[i]![j]!).add(s.mul(dyToRational(acc, Bd.s + Ad.s))));
      sa.push(abs * (1 + r * 2 ** -52) * (1 + 2 ** -40));
    }
    W.push(row); sumAbs.push(sa);
  }
  const up = (x: number) => x * (1 + r * 2 ** -52) * (1 + 2 ** -40);
  const rowAbsB = B.map((row) => up(row.reduce((t, v) => t + Math.abs(v), 0)));
  const colAbsA = W0[0]!.map((_, j) => up(A.reduce((t, row) => t + Math.abs(row[j]!), 0)));
  return { W, sumAbs, scale: Math.abs(alpha / r) * (1 + 2 ** -52), rowAbsB, colAbsA };
}

/** Trainable parameters of one LoRA pair on a d×k weight: B (d×r) + A (r×k) = r(d + k). */
export function loraParams(d: number, k: number, r: number): bigint {
  return BigInt(r) * (BigInt(d) + BigInt(k));
}

/** Full parameters of a d×k weight. */
export const denseParams = (d: number, k: number): bigint => BigInt(d) * BigInt(k);

/** A LoRA configuration: every layer adapts the listed target matrices (d_out × d_in) with rank r. */
export interface LoraTargets { layers: number; rank: number; targets: readonly { dOut: number; dIn: number }[] }

/** Trainable parameters of a LoRA configuration: L · Σ_t r(d_out,t + d_in,t). */
export function loraTargetParams(c: LoraTargets): bigint {
  return BigInt(c.layers) * c.targets.reduce((s, t) => s + loraParams(t.dOut, t.dIn, c.rank), 0n);
}

/**
 * Parameters of a GPT-style decoder (GPT-2/GPT-3 layout): token embedding V·d (tied with the output),
 * learned positions n_ctx·d, per layer: QKV and output projections with biases 4d² + 4d, FFN d→f→d with
 * biases 2df + f + d, two LayerNorms 4d; a final LayerNorm 2d.
 */
export function gptParams(a: { layers: number; d: number; ffn: number; vocab: number; ctx: number }): bigint {
  const d = BigInt(a.d), f = BigInt(a.ffn);
  const layer = 4n * d * d + 4n * d + 2n * d * f + f + d + 4n * d;
  return BigInt(a.vocab) * d + BigInt(a.ctx) * d + BigInt(a.layers) * layer + 2n * d;
}

/** GPT-3 175B (Brown et al. 2020, Table 2.1): 96 layers, d_model 12288, d_ff = 4·d_model, vocabulary 50257, context 2048. */
export const GPT3_175B = { layers: 96, d: 12288, ffn: 4 * 12288, vocab: 50257, ctx: 2048 } as const;

/** Kronecker product A ⊗ B: (A⊗B)_{(i·p + k),(j·q + l)} = A_ij B_kl for B ∈ Q^{p×q}. */
export function kron(A: RMat, B: RMat): RMat {
  const m = A.length, n = A[0]!.length, p = B.length, q = B[0]!.length;
  return Array.from({ length: m * p }, (_, I) => Array.from({ length: n * q }, (_, J) =>
    A[Math.floor(I / p)]![Math.floor(J / q)]!.mul(B[I % p]![J % q]!)));
}

/** Exact rank (fraction-free elimination, src/numerics/matrix.ts). */
export function rank(A: RMat): number {
  if (A.length === 0 || A[0]!.length === 0) return 0;
  return QMatrix.from(A).rank();
}

/** KronA parameters: two factors s₁×t₁ and s₂×t₂ → s₁t₁ + s₂t₂ (for a (s₁s₂)×(t₁t₂) update). */
export const kronaParams = (s1: number, t1: number, s2: number, t2: number): bigint => BigInt(s1 * t1) + BigInt(s2 * t2);

/**
 * Bottleneck adapter A(h) = W_up σ(W_down h) + h, W_down: d→r, W_up: r→d. Weights 2dr; with the two biases
 * (Houlsby et al. 2019) 2dr + r + d.
 */
export function adapterParams(d: number, r: number, biases: boolean): bigint {
  return 2n * BigInt(d) * BigInt(r) + (biases ? BigInt(d) + BigInt(r) : 0n);
}

/** The notes' (003:1087) count 2L × (2·d·r + d·r). */
export const adapterCountAsWritten = (L: number, d: number, r: number): bigint => 2n * BigInt(L) * (2n * BigInt(d) * BigInt(r) + BigInt(d) * BigInt(r));

/** (l ⊙ A)_ij = l_j A_ij (the notes' definition 000:637: l ∈ R^d scales the columns of A ∈ R^{m×d}). */
export function odot(l: Rational[], A: RMat): RMat {
  if (A[0] && A[0].length !== l.length) throw new RangeError(`l ⊙ A needs l of length ${A[0].length} (the columns of A), got ${l.length}`);
  return A.map((row) => row.map((v, j) => l[j]!.mul(v)));
}

export function transpose(A: RMat): RMat {
  return A[0] ? A[0].map((_, j) => A.map((row) => row[j]!)) : [];
}

/** (IA)³ key rescaling as in Liu et al. (2022): the scores Q·diag(l_k)·Kᵀ (every key feature j scaled by l_k,j). */
export function ia3Scores(Q: RMat, K: RMat, lk: Rational[]): RMat {
  return matMul(Q, transpose(K.map((row) => row.map((v, j) => lk[j]!.mul(v)))));
}

/** (IA)³ parameters per layer: l_k ∈ R^{d_k·h}, l_v ∈ R^{d_v·h}, l_ff ∈ R^{d_ff}. */
export const ia3Params = (layers: number, dk: number, dv: number, dff: number): bigint => BigInt(layers) * (BigInt(dk) + BigInt(dv) + BigInt(dff));

/**
 * L(W₀, B, A) = ⟨G, h⟩ with h = (W₀ + s·BA)x, s = α/r: the loss of a linear layer against an upstream gradient
 * G (so ∂L/∂h = G). Bilinear in (B, A): L is affine in B for fixed A and in A for fixed B.
 */
export function loraLoss(W0: RMat, B: RMat, A: RMat, alpha: Rational, x: Rational[], G: Rational[]): Rational {
  const W = loraMerge(W0, B, A, alpha);
  return Rational.sum(W.map((row, i) => G[i]!.mul(Rational.sum(row.map((v, j) => v.mul(x[j]!))))));
}

/** The closed-form LoRA gradients: ∂L/∂B = s·G(Ax)ᵀ, ∂L/∂A = s·(BᵀG)xᵀ. */
export function loraGrads(B: RMat, A: RMat, alpha: Rational, x: Rational[], G: Rational[]): { dB: RMat; dA: RMat } {
  const s = alpha.div(ri(A.length));
  const Ax = A.map((row) => Rational.sum(row.map((v, j) => v.mul(x[j]!))));
  const BtG = A.map((_, l) => Rational.sum(B.map((row, i) => row[l]!.mul(G[i]!))));
  return {
    dB: G.map((g) => Ax.map((a) => s.mul(g).mul(a))),
    dA: BtG.map((b) => x.map((xj) => s.mul(b).mul(xj))),
  };
}

/** Bytes per parameter of a training state: weights, gradients, optimizer states (each a byte width; 0 = absent). */
export interface TrainState { weights: number; grads: number; master: number; adamM: number; adamV: number }

/** Bytes of the training state of n parameters (no activations). */
export function trainStateBytes(n: bigint, s: TrainState): bigint {
  return n * BigInt(s.weights + s.grads + s.master + s.adamM + s.adamV);
}

/** Standard training states (bytes per parameter). */
export const TRAIN_STATES: Readonly<Record<string, TrainState>> = {
  'fp32 weights, fp32 grads, fp32 Adam m and v': { weights: 4, grads: 4, master: 0, adamM: 4, adamV: 4 },
  'fp16/bf16 weights and grads, fp32 master copy, fp32 Adam m and v (mixed precision)': { weights: 2, grads: 2, master: 4, adamM: 4, adamV: 4 },
  'bf16 weights and grads, fp32 Adam m and v (no master copy)': { weights: 2, grads: 2, master: 0, adamM: 4, adamV: 4 },
  'bf16 weights, grads, Adam m and v': { weights: 2, grads: 2, master: 0, adamM: 2, adamV: 2 },
};

/**
 * Prefix tuning with P prefix positions in a model with context limit N: the user may supply N − P tokens;
 * the KV cache of one request of n user tokens holds 2·L·(P + n)·d values (keys and values, every layer).
 */
export function prefixContext(N: number, P: number): number {
  if (!Number.isSafeInteger(N) || !Number.isSafeInteger(P) || P < 0 || P > N) throw new RangeError('need 0 ≤ P ≤ N');
  return N - P;
}

export function kvCacheValues(L: number, d: number, P: number, n: number): bigint {
  return 2n * BigInt(L) * BigInt(P + n) * BigInt(d);
}
