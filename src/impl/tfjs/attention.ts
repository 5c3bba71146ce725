import type { TF } from './types.js';

export interface SdpaArgs { q: number[][]; k: number[][]; v: number[][]; causal: boolean }

/**
 * `attn.sdpa`: softmax(QKᵀ/√d)V in float32 with tfjs ops. The causal mask adds −∞ (here the
 * float32 lowest value) above the diagonal before the softmax, as PyTorch and Keras do.
 */
export function sdpa(tf: TF, args: SdpaArgs): number[][] {
  const T = args.q.length, S = args.k.length;
  const d = T > 0 ? args.q[0]!.length : 0;
  const e = S > 0 ? args.v[0]!.length : 0;
  if (T === 0) return [];
  if (S === 0 || e === 0) return args.q.map(() => new Array(e).fill(0));
  return tf.tidy(() => {
    const q = tf.tensor2d(args.q, [T, d], 'float32');
    const k = tf.tensor2d(args.k, [S, d], 'float32');
    const v = tf.tensor2d(args.v, [S, e], 'float32');
    let scores = tf.div(tf.matMul(q, k, false, true), tf.sqrt(tf.scalar(d, 'float32')));
    if (args.causal) {
      const keep = tf.linalg.bandPart(tf.ones([T, S], 'float32'), -1, 0);
      scores = tf.where(tf.cast(keep, 'bool'), scores, tf.fill([T, S], -3.4028234663852886e38));
    }
    const out = tf.matMul(tf.softmax(scores), v);
    return out.arraySync() as number[][];
  });
}

/** The ops of this domain in the built-in implementation. */
export function ops(tf: TF): Record<string, (args: any) => any> {
  return {
    'attn.sdpa': (a: SdpaArgs) => sdpa(tf, a),
    ...attnOpsImpl(tf),
    // linear attention and multi-head attention with projections
    'attn.linear': (a: LinearAttnArgs) => linearAttention(tf, a),
    'attn.mha': (a: MhaArgs) => mha(tf, a),
  };
}

// ── kernelised linear attention ──

export interface LinearAttnArgs { q: number[][]; k: number[][]; v: number[][]; causal: boolean }

/**
 * `attn.linear`: linear attention with the degree-2 polynomial kernel (qᵀk + 1)² = φ(q)ᵀφ(k), computed by
 * the feature map as the notes rearrange it (002:741): φ(x) = [1, √2x_i, x_i², √2x_ix_j (i < j)],
 * U = Σ_j φ(k_j)v_jᵀ and z = Σ_j φ(k_j) — prefix sums (tf.cumsum) when causal — then φ(q_i)ᵀU / φ(q_i)ᵀz.
 */
export function linearAttention(tf: TF, args: LinearAttnArgs): number[][] {
  const T = args.q.length, S = args.k.length;
  const D = T > 0 ? args.q[0]!.length : 0;
  const M = S > 0 ? args.v[0]!.length : 0;
  if (T === 0) return [];
  const ii: number[] = [], jj: number[] = [];
  for (let i = 0; i < D; i++) for (let j = i + 1; j < D; j++) { ii.push(i); jj.push(j); }
  return tf.tidy(() => {
    const r2 = tf.sqrt(tf.scalar(2, 'float32'));
    const phi = (X: ReturnType<typeof tf.tensor2d>, n: number) => {
      const parts = [tf.ones([n, 1], 'float32'), tf.mul(X, r2), tf.square(X)];
      if (ii.length > 0) parts.push(tf.mul(tf.mul(tf.gather(X, ii, 1), tf.gather(X, jj, 1)), r2));
      return tf.concat(parts, 1);
    };
    const pq = phi(tf.tensor2d(args.q, [T, D], 'float32'), T);
    const pk = phi(tf.tensor2d(args.k, [S, D], 'float32'), S);
    const v = tf.tensor2d(args.v, [S, M], 'float32');
    let num, den;
    if (!args.causal) {
      num = tf.matMul(pq, tf.matMul(pk, v, true, false));
      den = tf.matMul(pq, tf.sum(pk, 0).reshape([-1, 1]));
    } else {
      const F = pk.shape[1]!;
      const U = tf.cumsum(tf.mul(pk.reshape([S, F, 1]), v.reshape([S, 1, M])), 0); // [S, F, M]
      const z = tf.cumsum(pk, 0); // [S, F]
      num = tf.matMul(pq.reshape([T, 1, F]), U).reshape([T, M]);
      den = tf.sum(tf.mul(pq, z), 1).reshape([T, 1]);
    }
    return tf.div(num, den).arraySync() as number[][];
  });
}

// ===================================================================================================
// general attention, RoPE, sinusoidal positional encoding
// ===================================================================================================

export interface AttentionArgs {
  q: number[][][]; k: number[][][]; v: number[][][];
  pastK?: number[][][]; pastV?: number[][][];
  keep?: number[][]; bias?: number[][];
  scale?: number; softcap?: number;
  causal: 'none' | 'top-left' | 'bottom-right';
  fullyMasked?: 'require' | 'zero' | 'nan';
  output?: 'y' | 'scores' | 'softcapped-scores' | 'masked-scores' | 'present-key' | 'present-value';
}

const LOWEST32 = -3.4028234663852886e38;

/**
 * `attn.attention`: per query head h, kv head ⌊h/(Hq/Hkv)⌋; keys = [pastK; k]; scores QKᵀ divided
 * by √d (or times the given scale), softcap c·tanh(s/c), + bias, masked keys (keep = 0, causal) set to
 * the lowest float32, softmax, ·V. Causal "top-left": s ≤ t; "bottom-right": s ≤ t + N − T.
 * A row with no allowed key is replaced by 0 (fullyMasked "zero") or NaN ("nan") after the product with
 * V. `output` returns a score stage instead (masked keys −∞ in the masked scores) or the concatenated cache.
 */
export function attention(tf: TF, a: AttentionArgs): number[][][] {
  const Hq = a.q.length, Hkv = a.k.length;
  const T = a.q[0]!.length, d = a.q[0]![0]!.length;
  const output = a.output ?? 'y';
  const P = a.pastK?.[0]?.length ?? 0;
  if (output === 'present-key' || output === 'present-value') {
    const [past, cur] = output === 'present-key' ? [a.pastK, a.k] : [a.pastV, a.v];
    return tf.tidy(() => {
      const x = tf.tensor3d(cur, [Hkv, cur[0]!.length, cur[0]![0]!.length], 'float32');
      return (P > 0 ? tf.concat([tf.tensor3d(past!, [Hkv, P, past![0]![0]!.length], 'float32'), x], 1) : x).arraySync() as number[][][];
    });
  }
  const K = a.k.map((kh, h) => [...(a.pastK?.[h] ?? []), ...kh]);
  const V = a.v.map((vh, h) => [...(a.pastV?.[h] ?? []), ...vh]);
  const N = K[0]!.length, e = V[0]![0]!.length;
  const allow: boolean[][] = Array.from({ length: T }, (_, t) => Array.from({ length: N }, (_, s) =>
    (a.keep === undefined || a.keep[t]![s] !== 0) && (a.causal === 'top-left' ? s <= t : a.causal === 'bottom-right' ? s <= t + N - T : true)));
  const rowAny = allow.map((r) => [r.some((x) => x) ? 1 : 0]);
  return tf.tidy(() => {
    const keep = tf.cast(tf.tensor2d(allow.map((r) => r.map((x) => (x ? 1 : 0))), [T, N], 'int32'), 'bool');
    const nonEmpty = tf.cast(tf.tensor2d(rowAny, [T, 1], 'int32'), 'bool');
    const out: number[][][] = [];
    for (let h = 0; h < Hq; h++) {
      const g = Math.floor(h / (Hq / Hkv));
      const q = tf.tensor2d(a.q[h]!, [T, d], 'float32');
      const k = tf.tensor2d(K[g]!, [N, d], 'float32');
      const v = tf.tensor2d(V[g]!, [N, e], 'float32');
      let s = tf.matMul(q, k, false, true);
      s = a.scale === undefined ? tf.div(s, tf.sqrt(tf.scalar(d, 'float32'))) : tf.mul(s, tf.scalar(a.scale, 'float32'));
      if (output === 'scores') { out.push(s.arraySync() as number[][]); continue; }
      if (a.softcap !== undefined && a.softcap > 0) {
        const c = tf.scalar(a.softcap, 'float32');
        s = tf.mul(c, tf.tanh(tf.div(s, c)));
      }
      if (output === 'softcapped-scores') { out.push(s.arraySync() as number[][]); continue; }
      if (a.bias !== undefined) s = tf.add(s, tf.tensor2d(a.bias, [T, N], 'float32'));
      if (output === 'masked-scores') { out.push(tf.where(keep, s, tf.fill([T, N], -Infinity)).arraySync() as number[][]); continue; }
      s = tf.where(keep, s, tf.fill([T, N], LOWEST32));
      let y = tf.matMul(tf.softmax(s), v);
      if (a.fullyMasked === 'zero' || a.fullyMasked === 'nan') y = tf.where(tf.broadcastTo(nonEmpty, [T, e]), y, tf.fill([T, e], a.fullyMasked === 'zero' ? 0 : NaN));
      out.push(y.arraySync() as number[][]);
    }
    return out;
  });
}

/** The frequencies base^{−2i/d}, i < d/2, in float32: exp(i·(−2 ln base/d)). */
function frequencies(tf: TF, d: number, base: number) {
  return tf.exp(tf.mul(tf.range(0, d / 2, 1, 'float32'), tf.scalar(-2 * Math.log(base) / d, 'float32')));
}

export interface RopeArgs { x: number[][]; positions: number[]; base: number; pairing: 'interleaved' | 'rotate-half' }

/** `attn.rope`: (x_a, x_b) ↦ (x_a cos − x_b sin, x_b cos + x_a sin) per pair, angles pos·θ_i in float32. */
export function rope(tf: TF, a: RopeArgs): number[][] {
  const T = a.x.length, d = a.x[0]!.length, h = d / 2;
  const ia = Array.from({ length: h }, (_, i) => (a.pairing === 'interleaved' ? 2 * i : i));
  const ib = Array.from({ length: h }, (_, i) => (a.pairing === 'interleaved' ? 2 * i + 1 : i + h));
  const inv = new Array<number>(d);
  ia.forEach((c, i) => { inv[c] = i; });
  ib.forEach((c, i) => { inv[c] = h + i; });
  return tf.tidy(() => {
    const x = tf.tensor2d(a.x, [T, d], 'float32');
    const ang = tf.mul(tf.reshape(tf.tensor1d(a.positions, 'float32'), [T, 1]), tf.reshape(frequencies(tf, d, a.base), [1, h]));
    const c = tf.cos(ang), s = tf.sin(ang);
    const xa = tf.gather(x, tf.tensor1d(ia, 'int32'), 1), xb = tf.gather(x, tf.tensor1d(ib, 'int32'), 1);
    const oa = tf.sub(tf.mul(xa, c), tf.mul(xb, s));
    const ob = tf.add(tf.mul(xb, c), tf.mul(xa, s));
    return tf.gather(tf.concat([oa, ob], 1), tf.tensor1d(inv, 'int32'), 1).arraySync() as number[][];
  });
}

// ── RoPE with given cos/sin tables (attn.rope-apply, ONNX RotaryEmbedding) ──

export interface RopeApplyArgs { x: number[][]; cos: number[][]; sin: number[][]; pairing: 'interleaved' | 'rotate-half' }

/**
 * `attn.rope-apply`: the first r = 2h coordinates form pairs (2i, 2i + 1) or (i, i + h); (x_a, x_b) ↦
 * (x_a·c − x_b·s, x_b·c + x_a·s) with the given tables [T, h] in float32; coordinates r … d − 1 copied.
 */
export function ropeApply(tf: TF, a: RopeApplyArgs): number[][] {
  const T = a.x.length, d = a.x[0]!.length, h = a.cos[0]!.length, r = 2 * h;
  const ia = Array.from({ length: h }, (_, i) => (a.pairing === 'interleaved' ? 2 * i : i));
  const ib = Array.from({ length: h }, (_, i) => (a.pairing === 'interleaved' ? 2 * i + 1 : i + h));
  const inv = new Array<number>(d);
  ia.forEach((c, i) => { inv[c] = i; });
  ib.forEach((c, i) => { inv[c] = h + i; });
  for (let j = r; j < d; j++) inv[j] = j;
  return tf.tidy(() => {
    const x = tf.tensor2d(a.x, [T, d], 'float32');
    const c = tf.tensor2d(a.cos, [T, h], 'float32'), s = tf.tensor2d(a.sin, [T, h], 'float32');
    const xa = tf.gather(x, tf.tensor1d(ia, 'int32'), 1), xb = tf.gather(x, tf.tensor1d(ib, 'int32'), 1);
    const oa = tf.sub(tf.mul(xa, c), tf.mul(xb, s));
    const ob = tf.add(tf.mul(xb, c), tf.mul(xa, s));
    const parts = r < d ? [oa, ob, tf.slice(x, [0, r], [T, d - r])] : [oa, ob];
    return tf.gather(tf.concat(parts, 1), tf.tensor1d(inv, 'int32'), 1).arraySync() as number[][];
  });
}

export interface SinusoidalPeArgs { positions: number[]; d: number; base: number }

/** `attn.sinusoidal-pe`: columns 2i = sin(pos·θ_i), 2i+1 = cos(pos·θ_i), in float32. */
export function sinusoidalPe(tf: TF, a: SinusoidalPeArgs): number[][] {
  const P = a.positions.length, h = a.d / 2;
  return tf.tidy(() => {
    const ang = tf.mul(tf.reshape(tf.tensor1d(a.positions, 'float32'), [P, 1]), tf.reshape(frequencies(tf, a.d, a.base), [1, h]));
    return tf.reshape(tf.stack([tf.sin(ang), tf.cos(ang)], 2), [P, a.d]).arraySync() as number[][];
  });
}

function attnOpsImpl(tf: TF): Record<string, (args: any) => any> {
  return {
    'attn.attention': (a: AttentionArgs) => attention(tf, a),
    'attn.rope': (a: RopeArgs) => rope(tf, a),
    'attn.rope-apply': (a: RopeApplyArgs) => ropeApply(tf, a),
    'attn.sinusoidal-pe': (a: SinusoidalPeArgs) => sinusoidalPe(tf, a),
  };
}

// ===================================================================================================
// multi-head attention with projections (attn.mha)
// ===================================================================================================

export interface MhaArgs {
  query: number[][][]; key: number[][][]; value: number[][][];
  numHeads: number;
  wq: number[][]; wk: number[][]; wv: number[][]; wo: number[][];
  bq?: number[]; bk?: number[]; bv?: number[]; bo?: number[];
  keep?: number[][]; bias?: number[][];
  causal: boolean;
}

/**
 * `attn.mha` (PyTorch nn.MultiheadAttention, batch_first): projections x·Wᵀ + b as batched matMuls,
 * heads by reshape [B, L, H, dh] → transpose [B, H, L, dh], scores Q·Kᵀ/√dh (+ bias), masked keys (keep = 0
 * or s > t when causal) set to the lowest float32, softmax, ·V, transpose back to [B, T, E], ·Woᵀ + bo.
 */
export function mha(tf: TF, a: MhaArgs): number[][][] {
  const B = a.query.length, T = a.query[0]!.length, S = a.key[0]!.length;
  const E = a.wq.length, Ek = a.wk[0]!.length, Ev = a.wv[0]!.length, H = a.numHeads, dh = E / H;
  const allow: number[][] = Array.from({ length: T }, (_, t) => Array.from({ length: S }, (_, s) =>
    ((a.keep === undefined || a.keep[t]![s] !== 0) && (!a.causal || s <= t) ? 1 : 0)));
  return tf.tidy(() => {
    const lin = (x: number[][][], L: number, n: number, w: number[][], b: number[] | undefined) => {
      let y = tf.matMul(tf.reshape(tf.tensor3d(x, [B, L, n], 'float32'), [B * L, n]), tf.tensor2d(w, [E, n], 'float32'), false, true);
      if (b !== undefined) y = tf.add(y, tf.tensor1d(b, 'float32'));
      return y;
    };
    const split = (y: ReturnType<typeof lin>, L: number) => tf.transpose(tf.reshape(y, [B, L, H, dh]), [0, 2, 1, 3]);
    const q = split(lin(a.query, T, E, a.wq, a.bq), T);
    const k = split(lin(a.key, S, Ek, a.wk, a.bk), S);
    const v = split(lin(a.value, S, Ev, a.wv, a.bv), S);
    let s = tf.div(tf.matMul(q, k, false, true), tf.sqrt(tf.scalar(dh, 'float32'))); // [B, H, T, S]
    if (a.bias !== undefined) s = tf.add(s, tf.tensor2d(a.bias, [T, S], 'float32'));
    const keep = tf.cast(tf.tensor2d(allow, [T, S], 'int32'), 'bool');
    s = tf.where(tf.broadcastTo(keep, [B, H, T, S]), s, tf.fill([B, H, T, S], LOWEST32));
    const o = tf.reshape(tf.transpose(tf.matMul(tf.softmax(s), v), [0, 2, 1, 3]), [B * T, E]);
    let y = tf.matMul(o, tf.tensor2d(a.wo, [E, E], 'float32'), false, true);
    if (a.bo !== undefined) y = tf.add(y, tf.tensor1d(a.bo, 'float32'));
    return tf.reshape(y, [B, T, E]).arraySync() as number[][][];
  });
}
