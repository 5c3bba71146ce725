/** Coverage map of notes file 003 (src/audit/coverage.ts): sections by domain, and the items out of scope with the reason. */
import type { CoverageMap } from './types.js';

export const MAP: CoverageMap = {
  sections: [
    { lines: [1, 47], domain: 'language-models', title: 'n-gram language models' },
    { lines: [48, 80], domain: 'recurrent', title: 'Fixed-window neural language model' },
    { lines: [81, 137], domain: 'embeddings', title: 'Word vectors, word2vec' },
    { lines: [138, 272], domain: 'recurrent', title: 'RNNs, bidirectional RNNs, LSTM' },
    { lines: [273, 354], domain: 'architectures', title: 'Encoder–decoder networks, attention in seq2seq' },
    { lines: [355, 432], domain: 'attention', title: 'Self-attention, multi-head attention, residual stream' },
    { lines: [433, 467], domain: 'positional-encoding', title: 'Embeddings and positional encodings' },
    { lines: [468, 481], domain: 'text', title: 'Vocabulary and BPE' },
    { lines: [482, 495], domain: 'normalisation', title: 'Layer normalisation' },
    { lines: [496, 518], domain: 'attention', title: 'Masked and encoder–decoder attention' },
    { lines: [519, 551], domain: 'language-models', title: 'Transformers for language modelling, pre-training' },
    { lines: [552, 647], domain: 'architectures', title: 'Bidirectional encoders (BERT), MLM, NSP, fine-tuning' },
    { lines: [648, 695], domain: 'sequence', title: 'Sequence labelling, BIO' },
    { lines: [696, 784], domain: 'architectures', title: 'Span-based fine-tuning, GLUE, RoBERTa, BART, images' },
    { lines: [785, 900], domain: 'language-models', title: 'Decoding, sampling, scaling laws, parameter counts' },
    { lines: [901, 1058], domain: 'alignment', title: 'Instruction tuning, RLHF, DPO' },
    { lines: [1059, 1145], domain: 'fine-tuning', title: 'Adapters, pruning, LoRA' },
    { lines: [1146, 1179], domain: 'quantisation', title: 'Absmax and k-bit quantisation (QLoRA)' },
  ],
  outOfScope: [
    { lines: [60, 68], reason: 'definition: the fixed-window language model (its parameter count, 003:56, is audited)' },
    { lines: [143, 160], reason: 'definition: the RNN language model, its output layer and cross-entropy loss' },
    { lines: [192, 192], reason: 'definition: mean pooling of hidden states for sequence classification' },
    { lines: [205, 212], reason: 'definition: the bidirectional RNN' },
    { lines: [220, 220], reason: 'prose: a remark on what the final state reflects' },
    { lines: [360, 362], reason: 'definition: single-head self-attention' },
    { lines: [406, 410], reason: 'definition: the per-head projections and multi-head attention' },
    { lines: [420, 427], reason: 'definition: the residual additions inside the transformer block' },
    { lines: [486, 488], reason: 'definition: the layer-norm statistics u and σ (biased 1/d)' },
    { lines: [667, 669], reason: 'definition: the softmax tagger and its argmax decoding' },
    { lines: [1152, 1152], reason: 'pointer: the heading of the 2-bit example audited at 003:1156–1173' },
  ],
};
