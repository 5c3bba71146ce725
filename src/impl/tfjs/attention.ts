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
    // attn-claims block (issue 13)
    'attn.linear': (a: LinearAttnArgs) => linearAttention(tf, a),
  };
}

// ── attn-claims block (issue 13): kernelised linear attention ──

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
