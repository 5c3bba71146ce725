// Bug (convention): stops when the best pair occurs once (subword-nmt learn_bpe's default --min-frequency 2); the op
// stops only when no pair is left.
import { train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-train', kind: 'bug', class: 'stopping', description: 'minimum pair frequency 2' };
export default { name: 'bug-bpe-train-min-frequency-2', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a, { minCount: 2 }) } };
