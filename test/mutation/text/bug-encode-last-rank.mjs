// Bug: a repeated pair keeps its LAST rank (a dict built in list order overwrites: GPT-2's dict(zip(merges, range(n))) and HF's merge map).
import { encodeRescan } from './_bpe.mjs';
export const meta = { op: 'text.bpe-encode', kind: 'bug', class: 'repeated pair', description: 'repeated pair takes the last rank instead of the first' };
export default { name: 'bug-bpe-encode-last-rank', dtype: 'float32', ops: { 'text.bpe-encode': (a) => encodeRescan(a, { lastRank: true }) } };
