/**
 * One convention per concept, stated once (spec/conventions.md). Every spec file declares, in its
 * `conventions:` list, one entry
 *
 *     glossary: spec/conventions.md — fisher-information: whole-sample; log-base: natural
 *
 * naming the glossary concepts it uses and the variant it uses each in (an empty list is written
 * `glossary: spec/conventions.md — none`). A variant other than the adopted one must say why:
 * `fisher-information: per-observation (deviates: …)`. A spec that compares variants names the others:
 * `layernorm-epsilon: inside-root (also: outside-root)`.
 *
 * `checkConventions` fails when a spec lacks the entry, names an unknown concept or variant, uses a
 * non-adopted variant without a reason, or *writes* a variant (a marker of the concept's text
 * appears in its statement, conventions or body) that it does not declare — so two claims cannot
 * use the same symbol with different conventions without saying so.
 */
import type { ClaimSpec } from '../registry/types.js';

export interface Variant {
  id: string;
  /** What the variant says, one line (rendered in spec/conventions.md). */
  text: string;
  /** Patterns whose presence in a spec's text means the spec writes this variant. */
  markers: readonly RegExp[];
}

export interface Concept {
  id: string;
  title: string;
  /** The symbol(s) the concept governs. */
  symbol: string;
  adopted: string;
  variants: readonly Variant[];
}

export const GLOSSARY: readonly Concept[] = [
  {
    id: 'fisher-information', title: 'Fisher information', symbol: 'I(θ), I₁(θ)', adopted: 'whole-sample',
    variants: [
      { id: 'whole-sample', text: 'I(θ) = E[−∂²l/∂θ²] with l the log-likelihood of the whole sample (as 000:82 defines it); for n i.i.d. draws I(θ) = n·I₁(θ)', markers: [/\bI\(θ\)[^.\n;]{0,60}\bwhole[- ]sample/i, /\bI_n\(θ\)|\bI_n\(\\theta\)/] },
      { id: 'per-observation', text: 'I(θ) written for the information of ONE observation (what lemmata writes I₁(θ))', markers: [/\bI\((?:θ|\\theta)\)[^.\n;]{0,60}\b(?:one|single|each|per)[- ]observation/i] },
    ],
  },
  {
    id: 'sample-variance', title: 'Variance estimators', symbol: 'S², σ̂², σ² of a normalisation layer', adopted: 'unbiased-S2',
    variants: [
      { id: 'unbiased-S2', text: 'S² = (1/(n−1))Σ(X_i − X̄)² (000:11); the 1/n version is written σ̂² (the MLE, biased), and layer/batch normalisation use the 1/d (biased) statistics of their own σ²', markers: [] },
      { id: 'biased-S2', text: 'S² written for the 1/n variance', markers: [/\bS(?:\^2|²)\s*=\s*\\?(?:frac\{1\}\{n\}|1\/n)\b/] },
    ],
  },
  {
    id: 'log-base', title: 'Logarithms', symbol: 'log, ln', adopted: 'natural',
    variants: [
      { id: 'natural', text: 'log = ln, the natural logarithm, unless a base is written (log₂ for bits)', markers: [] },
      { id: 'base-2', text: 'log meaning log₂ without the base written', markers: [/\blog\b[^.\n;]{0,30}\bin bits\b/i] },
    ],
  },
  {
    id: 'softmax-axis', title: 'Softmax axis in attention', symbol: 'softmax(QKᵀ/√d_k)', adopted: 'over-keys',
    variants: [
      { id: 'over-keys', text: 'the softmax normalises each row of the score matrix: over the keys, for each query', markers: [] },
      { id: 'over-queries', text: 'the softmax taken column-wise, over the queries', markers: [/softmax[^.\n;]{0,40}\b(?:over|across) (?:the )?queries/i, /softmax[^.\n;]{0,30}column-wise/i] },
    ],
  },
  {
    id: 'pooling-rounding', title: 'Output size of convolution and pooling', symbol: "W' = ⌊(W − K + 2P)/S⌋ + 1", adopted: 'floor',
    variants: [
      { id: 'floor', text: 'floor mode: ⌊(W − K + 2P)/S⌋ + 1 window positions (PyTorch ceil_mode=False, tfjs/TF "valid")', markers: [] },
      { id: 'ceil', text: 'ceil mode: ⌈(W − K + 2P)/S⌉ + 1', markers: [/\bceil_mode\s*=\s*True\b/, /\bceil mode\b(?![^.\n]{0,40}\bnot\b)/i] },
    ],
  },
  {
    id: 'convolution', title: 'Convolution in CNNs', symbol: 'X * W', adopted: 'cross-correlation',
    variants: [
      { id: 'cross-correlation', text: '"*" in a CNN is cross-correlation: y_{ij} = Σ_{h,l} x_{i+h−1, j+l−1} w_{hl}, no kernel flip (as 002:366 writes it)', markers: [] },
      { id: 'flipped', text: 'the flipped (mathematical) convolution', markers: [/\bflipped (?:kernel )?convolution\b(?![^.\n]{0,40}\bnot\b)/i] },
    ],
  },
  {
    id: 'layernorm-epsilon', title: 'Layer normalisation', symbol: 'LayerNorm(x)', adopted: 'inside-root',
    variants: [
      { id: 'inside-root', text: '(x − μ)/√(σ² + ε)·γ + β with the biased 1/d variance (000:473; PyTorch, Keras, ONNX)', markers: [] },
      { id: 'outside-root', text: '(x − μ)/(σ + ε)·γ + β (003:492)', markers: [/\\sigma\s*\+\s*\\epsilon|σ\s*\+\s*ε/] },
    ],
  },
  {
    id: 'gradient-layout', title: 'Gradients of scalar functions of matrices', symbol: '∇_A f', adopted: 'same-shape',
    variants: [
      { id: 'same-shape', text: '∇_A f = [∂f/∂A_ij] has the shape of A (so ∇_A tr(AB) = Bᵀ, 002:524); ∂L/∂h for a vector h is a row vector where the notes multiply it from the left', markers: [] },
      { id: 'transposed', text: '∇_A f written as the transpose [∂f/∂A_ji]', markers: [] },
    ],
  },
  {
    id: 'rms-norm', title: 'RMS norms', symbol: '‖x‖_RMS, ‖A‖_RMS', adopted: 'operator',
    variants: [
      { id: 'operator', text: '‖x‖_RMS = ‖x‖₂/√dim; for a matrix ‖A‖_RMS is the induced RMS→RMS norm √(d_in/d_out)‖A‖₂ (002:318)', markers: [] },
      { id: 'entrywise', text: '‖A‖_RMS as the entrywise root-mean-square ‖A‖_F/√(d_in d_out)', markers: [] },
    ],
  },
  {
    id: 'asymptotic-notation', title: 'Order notation', symbol: 'O, Θ, Ω', adopted: 'standard',
    variants: [
      { id: 'standard', text: 'O(·) an upper bound, Ω(·) a lower bound, Θ(·) both; a chain of ≤ gives O only', markers: [] },
    ],
  },
  {
    id: 'dropout-probability', title: 'Dropout rate', symbol: 'p', adopted: 'keep',
    variants: [
      { id: 'keep', text: 'p is the KEEP probability (mask entry 1 = kept, as 002:402 "keep each feature ~ Bernoulli(p)"); inverted dropout rescales by 1/p', markers: [] },
      { id: 'drop', text: 'p the DROP probability (PyTorch nn.Dropout(p), tf.layers.dropout rate)', markers: [/\bp\b[^.\n;]{0,30}\bdrop(?:ping)? probability\b/i] },
    ],
  },
  {
    id: 'affine-quantisation', title: 'Affine (asymmetric) quantisation', symbol: 's, z, q', adopted: 'signed-int8',
    variants: [
      { id: 'signed-int8', text: 'q ∈ [−128, 127], s = (x_max − x_min)/255, z = q_min − round(x_min/s); round half to even; the range widened to contain 0', markers: [] },
      { id: 'unsigned-uint8', text: 'q ∈ [0, 255], z = round(−x_min/s) — a convention of its own, used consistently', markers: [] },
    ],
  },
  {
    id: 'float8-quantize-rounding', title: 'Quantisation to a float8 type (ONNX QuantizeLinear)', symbol: 'cast_f8(x/s)', adopted: 'two-roundings',
    variants: [
      { id: 'two-roundings', text: 'y = cast_f8(fl_d(x/s)): the quotient rounded to nearest-even in the input\'s float type d first (ONNX\'s reference: float32 x / float32 y_scale), then cast to float8 (nearest, ties to even, saturate); zero point 0', markers: [] },
      { id: 'one-rounding', text: 'the exact quotient x/s cast to float8 directly (a fused kernel): differs where fl_d(x/s) is a float8 midpoint that x/s is not', markers: [] },
    ],
  },
  {
    id: 'float8-fnuz-infinity', title: 'Casting ±∞ to a float8 type without infinities (E4M3FNUZ, E5M2FNUZ) with saturate', symbol: 'cast_f8(±∞)', adopted: 'either',
    variants: [
      { id: 'either', text: 'both ±max and NaN are admissible: the two ONNX sources disagree, and lemmata does not pick one', markers: [] },
      { id: 'max', text: '±∞ saturates to ±max like any overflow (ONNX\'s reference implementation: float32_to_float8e4m3 / float32_to_float8e5m2 with uz = True return ret | 0x7F)', markers: [] },
      { id: 'nan', text: '±∞ becomes NaN (the table of ONNX\'s Cast operator: "+/- Inf → NaN" for E4M3FNUZ and E5M2FNUZ even with saturate)', markers: [] },
    ],
  },
  {
    id: 'graph-walks', title: 'Counting in graphs', symbol: '(A^k)_{ij}', adopted: 'walk',
    variants: [
      { id: 'walk', text: '(A^k)_{ij} counts walks of length k (vertices may repeat); a "path" has no repeated vertex', markers: [] },
    ],
  },
  {
    id: 'bpe-ties', title: 'BPE merge ties', symbol: 'merge order', adopted: 'any-maximal',
    variants: [
      { id: 'any-maximal', text: 'with no tie-break pinned, any pair of maximal (frequency-weighted) count may be merged', markers: [] },
      { id: 'pinned', text: 'a pinned rule (lexicographic, first-occurrence, HF smallest pair id, SentencePiece shortest merged piece then code-point order)', markers: [] },
    ],
  },
  {
    id: 'bpe-alphabet', title: 'BPE initial symbols', symbol: 'initial symbols', adopted: 'code-points',
    variants: [
      { id: 'code-points', text: 'a word starts as its Unicode code points (the notes, subword-nmt, HF BPE without ByteLevel)', markers: [] },
      { id: 'gpt2-bytes', text: 'a word starts as its UTF-8 bytes, each as GPT-2\'s bytes_to_unicode character (" " → "Ġ"; GPT-2, HF ByteLevel, tiktoken on bytes): byteLevel true', markers: [] },
    ],
  },
  {
    id: 'bpe-apply', title: 'Applying BPE merges to a word', symbol: 'seg(w)', adopted: 'pair-rank',
    variants: [
      { id: 'pair-rank', text: 'repeatedly merge the adjacent PAIR of lowest merge rank, leftmost first (HF tokenizers, GPT-2 encoder.py; text.bpe-encode)', markers: [] },
      { id: 'list-order', text: 'one left-to-right pass per merge rule, in learned order (the notes, 004:128); equal to pair-rank when operands are made before use and every merge makes a new symbol (text.bpe-rank-order)', markers: [] },
      { id: 'token-rank', text: 'repeatedly merge the adjacent parts whose CONCATENATION is the lowest-ranked token (tiktoken; SentencePiece BPE by piece score): also merges splits no rule names', markers: [] },
    ],
  },
  {
    id: 'bpe-run-count', title: 'BPE pair counts in a run of one symbol', symbol: 'count(x, x)', adopted: 'every-position',
    variants: [
      { id: 'every-position', text: 'every adjacent position counts: "a a a" holds (a, a) twice (subword-nmt, HF tokenizers, SentencePiece ≥ 0.1.99; pairCount every-position)', markers: [] },
      { id: 'non-overlapping', text: 'left-greedy, without overlap: a run of k equal symbols holds ⌊k/2⌋ pairs (SentencePiece ≤ 0.1.98; pairCount non-overlapping)', markers: [] },
    ],
  },
  {
    id: 'fourier-transform', title: 'Continuous Fourier transform', symbol: 'X(ω), X(f)', adopted: 'angular',
    variants: [
      { id: 'angular', text: 'X(ω) = ∫x(t)e^{−iωt}dt, x(t) = (1/2π)∫X(ω)e^{iωt}dω (000:654–658)', markers: [] },
      { id: 'hertz', text: 'X(f) = ∫x(t)e^{−2πift}dt, x(t) = ∫X(f)e^{2πift}df (no factor; used for sampling in Hz, 000:708)', markers: [] },
      { id: 'unitary', text: '1/√(2π) on both the transform and its inverse', markers: [] },
    ],
  },
  {
    id: 'dft-normalisation', title: 'DFT sign and normalisation', symbol: 'X[k], W_N', adopted: 'backward',
    variants: [
      { id: 'backward', text: 'X[k] = Σ_n x[n]e^{−2πikn/N} unnormalised, the inverse with 1/N (000:670–674; numpy/torch norm="backward"); a one-sided rfft keeps ⌊N/2⌋ + 1 bins', markers: [] },
      { id: 'ortho', text: '1/√N on both directions (norm="ortho")', markers: [] },
      { id: 'forward', text: '1/N on the forward transform, none on the inverse (norm="forward")', markers: [] },
    ],
  },
  {
    id: 'stft-phase', title: 'STFT phase reference', symbol: 'STFT{x}(k, ω)', adopted: 'frame-referenced',
    variants: [
      { id: 'frame-referenced', text: 'S[t][k] = Σ_m x[tH + m]w[m]e^{−2πikm/M} (torch.stft, tf.signal.stft, scipy): phase measured from the frame start', markers: [] },
      { id: 'time-referenced', text: 'Σ_n x[n]w[n − tH]e^{−iωn} (000:692): phase from n = 0; differs by e^{−iωtH}, same modulus', markers: [] },
    ],
  },
  {
    id: 'hann-window', title: 'Hann window', symbol: 'w[m]', adopted: 'periodic',
    variants: [
      { id: 'periodic', text: 'w[m] = ½ − ½cos(2πm/M), m < M (torch.hann_window default, scipy get_window): the DFT-even window for STFTs', markers: [] },
      { id: 'symmetric', text: 'w[m] = ½ − ½cos(2πm/(M − 1)) (numpy.hanning, scipy sym=True; tf.signal.hannWindow for odd M)', markers: [] },
    ],
  },
  {
    id: 'causal-alignment', title: 'Causal mask when queries and keys differ in number', symbol: 'causal mask, T ≠ N', adopted: 'bottom-right',
    variants: [
      { id: 'bottom-right', text: 'query t of T sees keys s ≤ t + N − T of N (the last query sees every key): FlashAttention ≥ 2.1, KV-cache decoding; for T = N the lower triangle (003:505–509)', markers: [/bottom[- ]right/i] },
      { id: 'top-left', text: 'query t sees keys s ≤ t whatever N is: PyTorch scaled_dot_product_attention(is_causal=True), ONNX Attention is_causal', markers: [/top[- ]left/i] },
    ],
  },
  {
    id: 'rope-pairing', title: 'Which coordinates RoPE rotates together', symbol: 'RoPE(x, m)', adopted: 'interleaved',
    variants: [
      { id: 'interleaved', text: 'pair i = coordinates (2i, 2i + 1), frequency θ_i = base^{−2i/d} (RoFormer, 002:709, Meta Llama reference, GPT-J)', markers: [/\binterleaved\b/i] },
      { id: 'rotate-half', text: 'pair i = coordinates (i, i + d/2) (GPT-NeoX, Hugging Face Llama, ONNX RotaryEmbedding interleaved = 0)', markers: [/rotate[- ]half/i] },
    ],
  },
  {
    id: 'kv-head-grouping', title: 'Which kv head a query head uses in grouped-query attention', symbol: 'GQA, Hq = G·Hkv', adopted: 'consecutive',
    variants: [
      { id: 'consecutive', text: 'query head h uses kv head ⌊h/(Hq/Hkv)⌋: consecutive query heads share (PyTorch repeat_interleave, ONNX Attention, FlashAttention)', markers: [] },
      { id: 'strided', text: 'query head h uses kv head h mod Hkv (K/V tiled instead of interleaved)', markers: [/h mod H_?kv|tiled/i] },
    ],
  },
  {
    id: 'fully-masked-row', title: 'A query row with no allowed key', symbol: 'a query row with no allowed key', adopted: 'require',
    variants: [
      { id: 'require', text: 'not an input — the softmax over no keys is undefined; every query must keep an allowed key (attn.attention without `fullyMasked`)', markers: [] },
      { id: 'zero', text: 'the row of Y (and of the probabilities) is 0: ONNX Attention ≥ 23 (its fully-masked-row guard) — attn.attention `fullyMasked: "zero"`', markers: [] },
      { id: 'nan', text: 'the row is NaN (softmax of all −∞): PyTorch scaled_dot_product_attention\'s math path, nn.MultiheadAttention — `fullyMasked: "nan"`', markers: [] },
    ],
  },
  {
    id: 'pretok-offsets', title: 'Pre-token offsets', symbol: '(start, end)', adopted: 'code-points',
    variants: [
      { id: 'code-points', text: 'half-open [start, end) in code points of the input (Python string indices, HF tokenizers in Python)', markers: [] },
      { id: 'utf16', text: 'half-open offsets in UTF-16 code units (JavaScript string indices); differ from code points after an astral character', markers: [] },
      { id: 'bytes', text: 'half-open offsets in UTF-8 bytes (byte-level BPE internals, the Rust tokenizers API)', markers: [] },
    ],
  },
  {
    id: 'pretokenizer', title: 'Pre-tokenisation scheme', symbol: 'pre-tokens', adopted: 'word-punct',
    variants: [
      { id: 'word-punct', text: 'maximal runs of word characters (\\w: Alphabetic, Mark, Nd, Pc, Join_Control) and maximal runs of other non-space characters (HF Whitespace; 004:77)', markers: [] },
      { id: 'whitespace-split', text: 'maximal runs of non-white-space characters (Python str.split, HF WhitespaceSplit)', markers: [] },
      { id: 'gpt2', text: "the GPT-2 pattern: contractions 's 't 're 've 'm 'll 'd, then an optional space with a run of letters, of numbers or of other characters, then white space (a run before a word gives its last space to the word): white space stays in the tokens", markers: [] },
      { id: 'bert', text: 'split at white space, then every punctuation character alone (HF BertPreTokenizer; BERT basic tokenizer without its CJK and accent steps)', markers: [] },
    ],
  },
  {
    id: 'ngram-history', title: 'Count of an n-gram history', symbol: 'Count(w_{i−1})', adopted: 'history',
    variants: [
      { id: 'history', text: 'the count of w_{i−1} as the history of a bigram, Σ_w Count(w_{i−1}, w) (equal to the unigram count when every sentence ends with </s>); the MLE conditionals then sum to 1', markers: [] },
      { id: 'unigram', text: 'the plain unigram count of w_{i−1}, which also counts sentence-final occurrences (the conditionals of such a word sum to less than 1)', markers: [] },
    ],
  },
  {
    id: 'tf-scheme', title: 'Term frequency in TF-IDF', symbol: 'TF(t, d), tf_{t,d}', adopted: 'relative',
    variants: [
      { id: 'relative', text: 'count(t, d)/|d| (004:298)', markers: [] },
      { id: 'raw', text: 'the raw count (sklearn TfidfVectorizer default, npm natural)', markers: [] },
      { id: 'log1p', text: 'log₁₀(1 + count) (004:2726)', markers: [] },
      { id: 'one-plus-log', text: '1 + log₁₀ count for count > 0, else 0 (the tables of 004:2735–2762)', markers: [] },
      { id: 'sublinear', text: '1 + ln count for count > 0 (sklearn sublinear_tf=True)', markers: [] },
    ],
  },
  {
    id: 'idf-scheme', title: 'Inverse document frequency', symbol: 'IDF(t), idf_t', adopted: 'log-ratio',
    variants: [
      { id: 'log-ratio', text: 'log(N/n_t), the base fixed by the context (base 10 in the notes\' tables); a term in every document gets 0', markers: [] },
      { id: 'smooth', text: 'ln((1 + N)/(1 + n_t)) + 1 (sklearn smooth_idf=True, the default)', markers: [] },
      { id: 'plain-plus-one', text: 'ln(N/n_t) + 1 (sklearn smooth_idf=False)', markers: [] },
      { id: 'natural-js', text: '1 + ln(N/(1 + n_t)) (npm natural TfIdf)', markers: [] },
    ],
  },
  {
    id: 'bm25-idf', title: 'BM25 idf', symbol: 'idf(t) in BM25', adopted: 'lucene',
    variants: [
      { id: 'lucene', text: 'ln(1 + (N − df + ½)/(df + ½)) (Lucene, Elasticsearch; never negative)', markers: [] },
      { id: 'rsj', text: 'ln((N − df + ½)/(df + ½)) (Robertson–Spärck Jones; negative for df > N/2)', markers: [] },
      { id: 'atire', text: 'ln(N/df) (ATIRE)', markers: [] },
    ],
  },
  {
    id: 'kl-direction', title: 'Argument order of the KL divergence', symbol: 'KL(P‖Q)', adopted: 'target-first',
    variants: [
      { id: 'target-first', text: 'KL(P‖Q) = Σ P log(P/Q) with P the target (teacher, data) and Q the model, as 004:3017 writes KL(T‖S); torch F.kl_div(input = log Q, target = P)', markers: [] },
      { id: 'model-first', text: 'KL(Q‖P) with the model first, the expectation under the model (the RLHF penalty E_π[log π/π_ref] = KL(π‖π_ref), "reverse" KL)', markers: [] },
    ],
  },
];

export interface GlossaryDecl {
  concept: string;
  variant: string;
  /** Why a non-adopted variant is used ('(deviates: …)'). */
  reason?: string;
  /** Other variants the spec names on purpose, to compare them ('(also: …)'). */
  also?: string[];
}

export const GLOSSARY_PREFIX = 'glossary: spec/conventions.md';

/** Parses a spec's glossary entry; null when absent. Throws on a malformed entry. */
export function parseGlossaryEntry(conventions: readonly string[]): GlossaryDecl[] | null {
  const entries = conventions.filter((c) => c.startsWith('glossary:'));
  if (entries.length === 0) return null;
  if (entries.length > 1) throw new Error('more than one glossary entry');
  const e = entries[0]!;
  if (!e.startsWith(GLOSSARY_PREFIX)) throw new Error(`the glossary entry must start with '${GLOSSARY_PREFIX}'`);
  const rest = e.slice(GLOSSARY_PREFIX.length).replace(/^\s*—\s*/, '').trim();
  if (rest === 'none' || rest === '') return [];
  return rest.split(/;\s*/).map((item) => {
    const m = /^([a-z0-9-]+):\s*([A-Za-z0-9-]+)(?:\s*\((deviates|also):\s*(.+)\))?$/.exec(item.trim());
    if (!m) throw new Error(`malformed glossary item '${item}' (want 'concept: variant', 'concept: variant (deviates: reason)' or 'concept: variant (also: other-variant, …)')`);
    if (m[3] === 'also') return { concept: m[1]!, variant: m[2]!, also: m[4]!.split(/,\s*/).map((x) => x.trim()) };
    return { concept: m[1]!, variant: m[2]!, ...(m[4] ? { reason: m[4].trim() } : {}) };
  });
}

/** Problems with the conventions the specs use; [] when every spec declares what it writes and deviations are explained. */
export function checkConventions(specs: readonly Pick<ClaimSpec, 'id' | 'statement' | 'conventions' | 'body'>[], glossary: readonly Concept[] = GLOSSARY): string[] {
  const problems: string[] = [];
  const byId = new Map(glossary.map((c) => [c.id, c]));
  const users = new Map<string, { spec: string; variant: string; reason?: string }[]>();
  for (const spec of specs) {
    let decls: GlossaryDecl[] | null;
    try {
      decls = parseGlossaryEntry(spec.conventions);
    } catch (e) {
      problems.push(`${spec.id}: ${(e as Error).message}`);
      continue;
    }
    if (decls === null) { problems.push(`${spec.id}: no '${GLOSSARY_PREFIX} — …' entry in its conventions (list the glossary concepts it uses, or 'none')`); continue; }
    const declared = new Map<string, GlossaryDecl>();
    for (const d of decls) {
      const c = byId.get(d.concept);
      if (!c) { problems.push(`${spec.id}: unknown glossary concept '${d.concept}'`); continue; }
      const unknown = [d.variant, ...(d.also ?? [])].filter((x) => !c.variants.some((v) => v.id === x));
      if (unknown.length) { problems.push(`${spec.id}: '${d.concept}' has no variant '${unknown.join("', '")}' (${c.variants.map((v) => v.id).join(', ')})`); continue; }
      if (d.variant !== c.adopted && !d.reason) problems.push(`${spec.id}: uses ${d.concept} as '${d.variant}', not the adopted '${c.adopted}', without saying why ('(deviates: …)')`);
      declared.set(d.concept, d);
      users.set(d.concept, [...(users.get(d.concept) ?? []), { spec: spec.id, variant: d.variant, ...(d.reason ? { reason: d.reason } : {}) }]);
    }
    const text = [spec.statement, ...spec.conventions.filter((c) => !c.startsWith('glossary:')), spec.body].join('\n');
    for (const c of glossary) {
      for (const v of c.variants) {
        const hit = v.markers.find((m) => m.test(text));
        if (!hit) continue;
        const d = declared.get(c.id);
        if (!d) problems.push(`${spec.id}: writes ${c.id} as '${v.id}' (matches ${hit}) but does not declare ${c.id} in its glossary entry`);
        else if (d.variant !== v.id && v.id !== c.adopted && !(d.also ?? []).includes(v.id)) problems.push(`${spec.id}: declares ${c.id}: ${d.variant} but writes '${v.id}' (matches ${hit})`);
      }
    }
  }
  for (const [concept, list] of users) {
    const variants = [...new Set(list.map((u) => u.variant))];
    if (variants.length > 1) {
      const silent = list.filter((u) => !u.reason && u.variant !== byId.get(concept)!.adopted);
      for (const u of silent) problems.push(`${u.spec}: uses ${concept} as '${u.variant}' while ${list.filter((x) => x.variant !== u.variant).map((x) => x.spec).join(', ')} use '${variants.filter((v) => v !== u.variant).join("', '")}', without saying so`);
    }
  }
  return problems;
}

/** spec/conventions.md's table of concepts, generated from GLOSSARY (the test keeps the file current). */
export function glossaryTable(glossary: readonly Concept[] = GLOSSARY): string {
  const rows = ['| concept | symbol | adopted | other variants |', '|---|---|---|---|'];
  for (const c of glossary) {
    const adopted = c.variants.find((v) => v.id === c.adopted)!;
    const others = c.variants.filter((v) => v.id !== c.adopted).map((v) => `\`${v.id}\`: ${v.text}`).join('<br>') || '—';
    rows.push(`| \`${c.id}\` | ${c.symbol} | \`${adopted.id}\`: ${adopted.text} | ${others} |`);
  }
  return rows.join('\n');
}
