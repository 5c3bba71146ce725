// Bug: counts only non-overlapping occurrences ("a a a" holds (a, a) once); the op counts every adjacent position
// (subword-nmt, HF tokenizers), i.e. twice.
import { train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-train', kind: 'bug', class: 'counting', description: 'overlapping pairs counted once ("aaa": (a, a) once instead of twice)' };
export default { name: 'bug-bpe-train-non-overlapping-count', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a, { nonOverlapping: true }) } };
