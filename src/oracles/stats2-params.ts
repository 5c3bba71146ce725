/** Parameter count of the fixed-window neural language model (seed 003_c2e944a0f3874627.txt, lines 48–80). */

/** Exact count: embedding V·d (if d > 0), hidden W (h × n·d or h × n·V) + b₁ (h), output U (V × h) + b₂ (V). */
export function windowLmParams(V: number, h: number, n: number, d: number): number {
  const inDim = d > 0 ? n * d : n * V;
  return (d > 0 ? V * d : 0) + h * inDim + h + V * h + V;
}
