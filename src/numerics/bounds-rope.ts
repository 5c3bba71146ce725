/**
 * Forward-error bound of `attn.rope-apply` (RoPE with given cos/sin tables, ONNX RotaryEmbedding):
 * each rotated output is o = x_a·c − x_b·s (or x_b·c + x_a·s) with the given floats x_a, x_b, c, s.
 *
 * Derivation (u = unit roundoff, γ_k = ku/(1 − ku), Higham §3.1 for a dot product of length 2):
 *   two products and one sum, in either order: ô = (x_a c(1 + δ₁) − x_b s(1 + δ₂))(1 + δ₃), |δ_k| ≤ u, so
 *     |ô − o| ≤ |x_a c|·γ_2 + |x_b s|·γ_2 = γ_2·(|x_a c| + |x_b s|);
 *   one product and a fused multiply-add (ô = fl(x_a c − fl(x_b s))): one rounding fewer, within the same bound;
 *   the Hugging Face form x·[c, c] + rotate_half(x)·[s, s] forms the same products (x_a·c and (−x_b)·s).
 * Underflow: the (1 + δ) model fails when a product or the result lands below the normal range; each such
 * rounding errs by at most `tiny` absolutely (Precision.tiny, one allowance per underflowing result:
 * two products and the sum): + 3·tiny.
 * Exactness: when both products and the result are representable in the dtype (and each is 0 or normal,
 * so a flush-to-zero profile cannot change them), every rounding above is exact and so is every algorithm:
 * the bound is 0. The copied coordinates (r … d − 1) are exact: 0.
 */
import { SAFETY, type Precision } from './bounds.js';
import { gamma } from './float-format.js';
import { Rational } from './rational.js';

const MIN_NORMAL32 = 2 ** -126, MIN_NORMAL64 = 2 ** -1022;

/** Whether the exact rational `q` is a float of the precision's format (float32 when u = 2⁻²⁴, else float64) that is 0 or normal. */
export function exactInFormat(q: Rational, p: Precision): boolean {
  const f32 = p.u === 2 ** -24;
  const f = f32 ? q.toFloat32() : q.toFloat64();
  if (!Number.isFinite(f)) return false;
  if (f !== 0 && Math.abs(f) < (f32 ? MIN_NORMAL32 : MIN_NORMAL64)) return false;
  return Rational.fromFloat64(f).eq(q);
}

/**
 * The bound on one rotated output o = p₁ ∓ p₂ of `attn.rope-apply`, given its two exact products p₁, p₂
 * (x_a·c and x_b·s, or x_b·c and x_a·s) and the exact result o: 0 when p₁, p₂ and o are representable,
 * else γ_2·(|p₁| + |p₂|) + 3·tiny (see the module comment).
 */
export function ropeApplyEntryBound(p1: Rational, p2: Rational, o: Rational, p: Precision): number {
  if (exactInFormat(p1, p) && exactInFormat(p2, p) && exactInFormat(o, p)) return 0;
  const abs = Math.abs(p1.toFloat64()) + Math.abs(p2.toFloat64());
  // |p| as doubles: each toFloat64 is within a relative 2⁻⁵³ (and the sum one more rounding), covered by the factor
  return (gamma(2, p.u) * abs * (1 + 2 ** -50) + 3 * p.tiny) * SAFETY;
}
