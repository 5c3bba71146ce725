// Correct zoo: Hugging Face tokenizers (clients/js/tokenizers-adapter.mjs): BPE.init(vocab, merges) with later duplicates
// of a pair dropped before loading (HF's merge map would keep the LAST rank; the op keeps the first).
import hf from '../../../clients/js/tokenizers-adapter.mjs';
export const meta = { op: 'text.bpe-encode', kind: 'correct', class: 'library (HF tokenizers)', description: 'HF tokenizers BPE model, priority queue by (rank, position)' };
export default { name: 'zoo-bpe-encode-hf', dtype: 'float32', ops: { 'text.bpe-encode': hf.ops['text.bpe-encode'] } };
