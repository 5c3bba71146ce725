/** tfjs implementations of the ops of one area (merged into the tfjs implementation). */
import type { TF } from './types.js';

export function opsExtra(_tf: TF): Record<string, (args: any) => any> {
  return {};
}
