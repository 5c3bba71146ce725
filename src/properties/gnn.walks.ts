/**
 * gnn.walks — a linear "GNN" on a graph with adjacency A (one-hot inputs, weight A_ij from node i
 * to node j, sum aggregation, no self-loops) computes G^k = A^k: the i-th output of node j at
 * layer k is the number of walks of length k from i to j. With max instead of sum it is 1 iff a
 * walk of length exactly k exists. "Path" in the notes must be read as walk (vertices may repeat).
 * Seed 002_606757b0cdfd2eb0.txt, line 440: "equals to **the number of path from i to j who total distance is k**"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { countWalks, countSimplePaths, layerOutputs } from '../oracles/graph.js';

const graphArb = fc.record({ n: fc.integer({ min: 1, max: 5 }), directed: fc.boolean(), k: fc.integer({ min: 0, max: 4 }) })
  .chain(({ n, directed, k }) => fc.array(fc.array(fc.boolean(), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }).map((B) => {
    const A = B.map((r, i) => r.map((b, j) => (i === j ? 0 : (directed ? b : (i < j ? b : B[j]![i]!)) ? 1 : 0)));
    return { A, k, directed };
  }));

const K = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : 1)));

export const claim: ClaimModule = {
  id: 'gnn.walks',
  properties: [
    {
      name: 'sum-counts-walks',
      kind: 'identity',
      description: 'With sum aggregation, the i-th output of node j at layer k equals the number of walks of length k from i to j (explicit enumeration), for directed and undirected graphs.',
      arbitrary: graphArb,
      runs: 120,
      check: ({ A, k }) => {
        const G = layerOutputs(A, k, 'sum');
        for (let i = 0; i < A.length; i++) for (let j = 0; j < A.length; j++) {
          const w = countWalks(A, i, j, k);
          if (G[j]![i] !== w) return { ok: false, detail: `node ${j}, output ${i}, layer ${k}: ${G[j]![i]} vs ${w} walks` };
        }
        return { ok: true };
      },
    },
    {
      name: 'max-is-reachability',
      kind: 'identity',
      description: 'With max aggregation, the i-th output of node j at layer k is 1 iff some walk of length exactly k goes from i to j.',
      arbitrary: graphArb,
      runs: 120,
      check: ({ A, k }) => {
        const G = layerOutputs(A, k, 'max');
        for (let i = 0; i < A.length; i++) for (let j = 0; j < A.length; j++) {
          const w = countWalks(A, i, j, k) > 0 ? 1 : 0;
          if (G[j]![i] !== w) return { ok: false, detail: `node ${j}, output ${i}, layer ${k}: ${G[j]![i]} vs ${w}` };
        }
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const tri = K(3), k4 = K(4);
    const g2 = layerOutputs(tri, 2, 'sum'), g3 = layerOutputs(k4, 3, 'sum');
    return [
      {
        id: 'gnn.walks',
        verdict: 'convention-dependent',
        evidence: 'Two readings of "path" (002:440), both in use; the most severe part decides (#walk-not-path: false for simple paths). Reading "path" as walk, the layer-k outputs are exactly the walk counts (A^k)_{ij} (sum) and walk existence (max) on every generated graph, directed or not. ' +
          'For a directed graph the weight A_ij runs from i to j, so node j at layer k holds column j of A^k: walks from i to j.',
      },
      {
        id: 'gnn.walks#walk-not-path',
        verdict: 'convention-dependent',
        evidence: `If "path" means a path without repeated vertices, the statement is false: in the triangle, node 0 at layer 2 has output ${g2[0]![0]} for itself ` +
          `(closed walks 0→1→0, 0→2→0) but there are ${countSimplePaths(tri, 0, 0, 2)} paths; in K₄, layer 3 gives ${g3[1]![0]} walks from 0 to 1 but only ${countSimplePaths(k4, 0, 1, 3)} simple paths of length 3.`,
      },
    ];
  },
};
