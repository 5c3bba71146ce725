/**
 * `lemmata/numerics`: exact and rigorous numerics.
 *
 * - `Rational` (BigInt, normalised), exact float ↔ rational conversion, correctly rounded toFloat64/32;
 * - `QMatrix`: exact matrices over Q (fraction-free Bareiss elimination, det, rank, solve, inverse, condition number);
 * - `solveModular`: exact rational solve by p-adic (Dixon) lifting with word-size primes (what `solveVec` uses from n = 12);
 * - float formats (float64/32/16, bfloat16): correct rounding, bit patterns, ulp, ulp distance, nextUp/nextDown, γ_k;
 * - enclosures: `interval` (fast float64 tier with outward rounding: exp, log, sqrt, tanh, erf, softmax, …) and
 *   `precise` (BigInt fixed-point enclosures at any precision);
 * - error-bound models (`precisionOf`, `dotBound`, `softmaxBounds`, `layerNormBound`, … and the gradient bounds).
 */
export * from '../numerics/rational.js';
export * from '../numerics/matrix.js';
export { solveModular, rationalReconstruct, lastModularSolveStats, MODULAR_SOLVE_MIN_N, MODULAR_SOLVE_MAX_ENTRY_BITS } from '../numerics/modular-solve.js';
export type { ModularSolveStats } from '../numerics/modular-solve.js';
export * from '../numerics/float-format.js';
export * from '../numerics/bounds.js';
export * from '../numerics/bounds-grad.js';
export * from '../numerics/enclose.js';
export { Interval } from '../numerics/interval.js';
export { ridgeEnclosureFast, type RidgeEnclosure } from '../numerics/verified-solve.js';
export type { RBounds } from '../numerics/precise.js';
/** The fast enclosure tier: float64 intervals with outward rounding and documented ulp allowances. */
export * as interval from '../numerics/interval.js';
/** The high-precision tier: rigorous BigInt fixed-point enclosures (RBounds) at any precision. */
export * as precise from '../numerics/precise.js';
