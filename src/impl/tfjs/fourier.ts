/** The built-in implementation (TensorFlow.js) of the fourier domain's ops. Never imports an oracle or lemmata's numerics. */
import type { TF } from './types.js';

export function ops(_tf: TF): Record<string, (args: any) => any> {
  return {};
}
