/**
 * Rigorous enclosure of softmax(x)_i = exp(x_i)/Σ_j exp(x_j) (outward-rounded, src/numerics/interval.ts).
 */
import { type Interval, point, softmax } from '../numerics/interval.js';

export function softmaxEnclosure(x: readonly number[]): Interval[] {
  return softmax(x.map(point));
}
