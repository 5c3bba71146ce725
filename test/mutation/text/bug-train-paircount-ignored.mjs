// Bug: pairCount 'non-overlapping' accepted but ignored — runs still counted at every position ("aaa": (a, a) twice where
// SentencePiece ≤ 0.1.98 counts it once).
import { train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-train', kind: 'bug', class: 'counting', description: "pairCount 'non-overlapping' ignored (every position counted)" };
export default { name: 'bug-bpe-train-paircount-ignored', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a, { ignorePairCount: true }) } };
