/**
 * Pooling output size and receptive fields (seed 002_606757b0cdfd2eb0.txt, lines 352–360), exact
 * integer arithmetic and explicit index sets.
 */

/** Floor-mode ('valid') pooling output size ⌊(W − K)/S⌋ + 1 (K ≤ W, S ≥ 1). */
export function poolOutSize(W: number, K: number, S: number): number {
  if (![W, K, S].every(Number.isSafeInteger) || S < 1 || K < 1 || K > W) throw new RangeError('need integers with S ≥ 1, 1 ≤ K ≤ W');
  return Math.floor((W - K) / S) + 1;
}

/**
 * The set of input indices that output index 0 of a stack of 1-D convolutions depends on:
 * layer l (kernel K_l, stride S_l, dilation 1) maps output index i to inputs {S_l·i + k : 0 ≤ k < K_l}.
 * Computed by composing the index sets from the top layer down.
 */
export function receptiveSet(layers: readonly { K: number; S: number }[]): Set<number> {
  let cur = new Set<number>([0]);
  for (let l = layers.length - 1; l >= 0; l--) {
    const { K, S } = layers[l]!;
    const next = new Set<number>();
    for (const i of cur) for (let k = 0; k < K; k++) next.add(S * i + k);
    cur = next;
  }
  return cur;
}

/** The general receptive-field size 1 + Σ_l (K_l − 1)·∏_{j<l} S_j. */
export function receptiveSizeGeneral(layers: readonly { K: number; S: number }[]): number {
  let size = 1, jump = 1;
  for (const { K, S } of layers) { size += (K - 1) * jump; jump *= S; }
  return size;
}
