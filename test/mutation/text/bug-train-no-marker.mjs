// Bug: the end-of-word marker is ignored.
import { train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-train', kind: 'bug', class: 'end of word', description: 'end-of-word marker not appended' };
export default { name: 'bug-bpe-train-no-marker', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a, { noMarker: true }) } };
