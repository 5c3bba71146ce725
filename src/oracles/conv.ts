/**
 * Convolution output size (seed 002_606757b0cdfd2eb0.txt, line 346): W' = ⌊(W − K + 2P)/S⌋ + 1,
 * for symmetric padding P, stride S ≥ 1 and K ≤ W + 2P; exact integer arithmetic.
 */
export function convOutSize(W: number, K: number, P: number, S: number): number {
  if (![W, K, P, S].every(Number.isSafeInteger) || S < 1 || K < 1 || P < 0 || K > W + 2 * P) {
    throw new RangeError('need integers with S ≥ 1, K ≥ 1, P ≥ 0, K ≤ W + 2P');
  }
  return Math.floor((W - K + 2 * P) / S) + 1;
}

/** The notes' pooling formula as written (002:354), without the floor: (W − K)/S + 1 as a rational. */
export function poolSizeAsWritten(W: number, K: number, S: number): { num: number; den: number } {
  return { num: W - K + S, den: S };
}
