/**
 * Exact oracles of the scaling domain (Scaling laws and multilingual sampling). Imports src/numerics only.
 *
 * - exact parameter counts of a GPT-style decoder (Kaplan et al. 2020, Table 1, with biases and
 *   layer norms) against the approximations 2·d·n_layer·(2·d_attn + d_ff) and 12·n_layer·d²;
 * - power laws L(X) = (X_c/X)^α enclosed (exp/log of the high-precision tier);
 * - the GPT-3 training mix: effective epochs = total tokens × weight / dataset tokens (exact rationals);
 * - temperature (exponent) sampling over languages p_i = q_i^α / Σ_j q_j^α, enclosed.
 */
import { Rational } from '../numerics/rational.js';
import { expR, logR, type RBounds } from '../numerics/precise.js';

export const SCALE_BITS = 80;

export interface GptShape {
  nLayer: number;
  dModel: number;
  dAttn: number;
  dFf: number;
  vocab: number;
  context: number;
}

/**
 * Exact parameter count of a GPT-2/GPT-3 style decoder: per layer the Q, K, V projections d×d_attn
 * (+ biases), the output projection d_attn×d (+ bias), the MLP d×d_ff and d_ff×d (+ biases), two
 * layer norms (gain and bias); the token and position embeddings; the final layer norm; an output
 * projection tied to the token embedding (no extra parameters).
 */
export function gptParamCount(s: GptShape): { perLayer: bigint; nonEmbedding: bigint; embedding: bigint; total: bigint } {
  const d = BigInt(s.dModel), a = BigInt(s.dAttn), f = BigInt(s.dFf), L = BigInt(s.nLayer);
  const attn = 3n * (d * a + a) + (a * d + d);
  const mlp = (d * f + f) + (f * d + d);
  const norms = 2n * (2n * d);
  const perLayer = attn + mlp + norms;
  const nonEmbedding = L * perLayer + 2n * d;
  const embedding = BigInt(s.vocab) * d + BigInt(s.context) * d;
  return { perLayer, nonEmbedding, embedding, total: nonEmbedding + embedding };
}

/** Kaplan et al.'s approximation N ≈ 2·d·n_layer·(2·d_attn + d_ff) (weights of the matrices only). */
export function kaplanApprox(s: Pick<GptShape, 'nLayer' | 'dModel' | 'dAttn' | 'dFf'>): bigint {
  return 2n * BigInt(s.dModel) * BigInt(s.nLayer) * (2n * BigInt(s.dAttn) + BigInt(s.dFf));
}

/** 12·n_layer·d². */
export function twelveNd2(nLayer: number, d: number): bigint {
  return 12n * BigInt(nLayer) * BigInt(d) * BigInt(d);
}

/** x^α for rational x > 0 and rational α, enclosed: exp(α log x). */
export function powR(x: Rational, alpha: Rational, bits = SCALE_BITS): RBounds {
  if (x.sign() <= 0) throw new RangeError('powR: need x > 0');
  if (alpha.isZero()) return { lo: Rational.ONE, hi: Rational.ONE };
  const l = logR(x, bits + 16);
  const a = alpha.mul(l.lo), b = alpha.mul(l.hi);
  const lo = a.le(b) ? a : b, hi = a.le(b) ? b : a;
  return { lo: expR(lo, bits).lo, hi: expR(hi, bits).hi };
}

/** A power law L(X) = (X_c / X)^α. */
export function powerLaw(Xc: Rational, X: Rational, alpha: Rational, bits = SCALE_BITS): RBounds {
  return powR(Xc.div(X), alpha, bits);
}

export interface MixRow { name: string; tokens: Rational; weight: Rational; epochs: Rational }

/** Effective epochs of a dataset in a training mix: total × weight / tokens. */
export function effectiveEpochs(total: Rational, weight: Rational, tokens: Rational): Rational {
  return total.mul(weight).div(tokens);
}

/** Temperature (exponent) sampling p_i = q_i^α / Σ_j q_j^α, enclosed; q_i > 0 rationals. */
export function temperatureSampling(q: readonly Rational[], alpha: Rational, bits = SCALE_BITS): RBounds[] {
  const w = q.map((v) => powR(v, alpha, bits));
  const sLo = Rational.sum(w.map((b) => b.lo)), sHi = Rational.sum(w.map((b) => b.hi));
  return w.map((b, i) => {
    const othersLo = sLo.sub(b.lo), othersHi = sHi.sub(b.hi);
    void i;
    // p = w/(w + others), increasing in w, decreasing in others
    return { lo: b.lo.div(b.lo.add(othersHi)), hi: b.hi.div(b.hi.add(othersLo)) };
  });
}
