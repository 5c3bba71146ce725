/**
 * Walk counting for the GNN-as-graph-dynamics section (seed 002_606757b0cdfd2eb0.txt, lines 424–442):
 * explicit walk enumeration and the layer recursion of the notes, in exact integers.
 */

/** Number of walks of exactly k edges from i to j (directed edges A[u][v] = 1), by depth-first enumeration. */
export function countWalks(A: readonly (readonly number[])[], i: number, j: number, k: number): number {
  if (k === 0) return i === j ? 1 : 0;
  let total = 0;
  for (let v = 0; v < A.length; v++) if (A[i]![v]) total += A[i]![v]! * countWalks(A, v, j, k - 1);
  return total;
}

/** Number of simple paths (no repeated vertex) of exactly k edges from i to j. */
export function countSimplePaths(A: readonly (readonly number[])[], i: number, j: number, k: number, seen: Set<number> = new Set([i])): number {
  if (k === 0) return i === j ? 1 : 0;
  let total = 0;
  for (let v = 0; v < A.length; v++) {
    if (!A[i]![v] || seen.has(v)) continue;
    seen.add(v);
    total += countSimplePaths(A, v, j, k - 1, seen);
    seen.delete(v);
  }
  return total;
}

/**
 * The notes' network: layer 0 gives node i the one-hot e_i (so node j's vector is column j of I);
 * the weight from node i (layer t) to node j (layer t+1) is A[i][j]; each node sums (or maxes)
 * its weighted inputs. Returns G with G[j][i] = the i-th output of node j at layer k.
 */
export function layerOutputs(A: readonly (readonly number[])[], k: number, agg: 'sum' | 'max'): number[][] {
  const n = A.length;
  let G: number[][] = Array.from({ length: n }, (_, j) => Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)));
  for (let t = 0; t < k; t++) {
    G = Array.from({ length: n }, (_, j) => Array.from({ length: n }, (_, c) => {
      const terms: number[] = [];
      for (let i = 0; i < n; i++) terms.push(A[i]![j]! * G[i]![c]!);
      return agg === 'sum' ? terms.reduce((a, b) => a + b, 0) : Math.max(...terms);
    }));
  }
  return G;
}
