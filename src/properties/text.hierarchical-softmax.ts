/**
 * text.hierarchical-softmax — a binary (Huffman) tree with a leaf per word: the leaf probabilities
 * (products of the left/right branch probabilities on the path) sum to 1, and Huffman's tree
 * minimises the expected path length Σ f_w·depth_w over all binary trees.
 * Seed 004_975819c312b074f9.txt, lines 531–539.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { huffmanTree, leafDepths, hsLeafProbs, bruteForceOptimalCost } from '../oracles/text.js';
import { unitRationalArb } from './text-shared.js';

export const claim: ClaimModule = {
  id: 'text.hierarchical-softmax',
  properties: [
    {
      name: 'leaves-sum-to-one',
      kind: 'identity',
      description: 'For random word counts (V = 1–40) and random branch probabilities σ(u_nᵀh) ∈ (0, 1) (rationals) at the internal nodes of the Huffman tree, the V leaf probabilities are positive and sum to exactly 1.',
      arbitrary: fc.record({ counts: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 40 }), q: fc.array(unitRationalArb, { minLength: 1, maxLength: 40 }) }),
      runs: 100,
      check: ({ counts, q }: { counts: number[]; q: Rational[] }) => {
        const p = hsLeafProbs(huffmanTree(counts), counts.length, q);
        if (p.some((x) => x.sign() <= 0)) return { ok: false, detail: 'a leaf has probability 0' };
        const s = Rational.sum(p);
        return s.eq(Rational.ONE) ? { ok: true } : { ok: false, detail: `leaf probabilities sum to ${s}` };
      },
    },
    {
      name: 'huffman-optimal',
      kind: 'identity',
      description: 'Huffman\'s expected code length Σ c_w·depth_w equals the minimum over all full binary trees with those leaves (brute force over every sequence of joins, V ≤ 6), including tied counts.',
      arbitrary: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 6 }),
      runs: 60,
      check: (counts: number[]) => {
        const d = leafDepths(huffmanTree(counts), counts.length);
        const cost = counts.reduce((a, c, i) => a + BigInt(c) * BigInt(d[i]!), 0n);
        const best = bruteForceOptimalCost(counts);
        return cost === best ? { ok: true } : { ok: false, detail: `Huffman cost ${cost}, optimum ${best} (depths ${d})` };
      },
    },
  ],
  audit: () => {
    const counts = [50, 20, 15, 10, 5];
    const d = leafDepths(huffmanTree(counts), counts.length);
    const cost = counts.reduce((a, c, i) => a + c * d[i]!, 0);
    const half = hsLeafProbs(huffmanTree(counts), counts.length, [Rational.of(1, 2)]);
    return [
      {
        id: 'text.hierarchical-softmax',
        verdict: 'confirmed',
        evidence: `A binary tree with one leaf per word turns the V-way softmax into a path of binary decisions; the leaf probabilities always sum to 1 (exact, random branch probabilities). ` +
          `Huffman's tree is optimal (brute force, V ≤ 6): counts (${counts.join(', ')}) get depths (${d.join(', ')}), expected path length ${cost}/100 = ${(cost / 100).toFixed(2)} decisions, against 2.4 for a balanced tree (depths 2, 2, 2, 3, 3); ` +
          `with every branch at 1/2 the leaves get (${half.join(', ')}).`,
      },
    ];
  },
};
