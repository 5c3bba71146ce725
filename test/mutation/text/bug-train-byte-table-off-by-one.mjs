// Bug: GPT-2 byte-to-unicode table off by one: the non-printable bytes start at U+0101 instead of U+0100 (" " → "ġ").
import { train, byteTable } from './_bpe.mjs';
const table = byteTable({ offByOne: true });
export const meta = { op: 'text.bpe-train', kind: 'bug', class: 'byte-level', description: 'byte-level alphabet off by one (non-printable bytes from U+0101)' };
export default { name: 'bug-bpe-train-byte-table-off-by-one', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a, { table }) } };
