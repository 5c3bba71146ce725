/** Statements of the notes in the peft domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '000', lines: [581, 581],
    quote: String.raw`can recover W_0 by subtracting BA , and then we can add a new $B'A'$.`,
    parts: { 'peft.lora-shapes': 'exact' },
  },
  {
    file: '000', lines: [636, 636],
    quote: String.raw`then $(l \odot A)_{ij} = l_j A_{ij}$, i.e., element-wise multiplication of l and rows of A .`,
    parts: { 'peft.ia3#odot-rows': 'exact' },
  },
  {
    file: '000', lines: [640, 640],
    quote: String.raw`$$\text{softmax}\left(\frac{Q(l_k \odot K^T)}{\sqrt{d_k}}\right) \times (l_v \odot V)$$`,
    parts: { 'peft.ia3': 'own-convention' },
    corrected: String.raw`With $(l\odot A)_{ij} = l_jA_{ij}$ and $l_k\in\mathbb{R}^{d_k}$: $\text{softmax}\left(\frac{Q\,(l_k \odot K)^\top}{\sqrt{d_k}}\right)(l_v \odot V)$, i.e. $Q\,\mathrm{diag}(l_k)K^\top$ — the key features are rescaled, not the key positions.`,
  },
  {
    file: '000', lines: [644, 644],
    quote: String.raw`$$(l_f \odot \gamma(W_1 x)) W_2,$$`,
    parts: { 'peft.ia3#ffn': 'exact' },
  },
  {
    file: '001', lines: [42, 42],
    quote: String.raw`LoRA reduces the number of trainable parameters by up to 10,000 times`,
    parts: { 'peft.lora-10000x': 'exact' },
  },
  {
    file: '002', lines: [755, 755],
    quote: String.raw`In LoRA: $W = W_0 + AB$, $A \in \mathbb{R}^{m \times k}$, $B \in \mathbb{R}^{k \times l}$, $k \ll \min(m, l)$`,
    parts: { 'peft.lora-shapes#ab-naming': 'exact' },
  },
  {
    file: '002', lines: [767, 767],
    quote: String.raw`(b). If A, B are initialized to all zero \Rightarrow Zero gradient for $A \& B$, No!`,
    parts: { 'peft.lora-init#both-zero': 'exact' },
  },
  {
    file: '002', lines: [769, 769],
    quote: String.raw`But if both Xavier initialized, $AB \neq 0$, and feature of pretrained model is not used.`,
    parts: { 'peft.lora-init#both-random': 'exact' },
  },
  {
    file: '003', lines: [1080, 1082],
    quote: String.raw`Feed-forward down projection : $d_{model} \times d_{model}$ … Feed-forward Upward projection : $d_{model} \times d_{model}$`,
    parts: { 'peft.adapter-count#projection-shapes': 'wrong-value' },
    corrected: String.raw`Down projection $d_{model}\times r$, up projection $r\times d_{model}$ ($r \ll d_{model}$, the bottleneck).`,
  },
  {
    file: '003', lines: [1085, 1085],
    quote: String.raw`$2L$ adapters`,
    parts: { 'peft.adapter-count#two-per-layer': 'exact' },
  },
  {
    file: '003', lines: [1087, 1087],
    quote: String.raw`→ number of parameters → $2L \times (2 \times d_{model} \times r + d_{model} \times r)$`,
    parts: { 'peft.adapter-count': 'wrong-value' },
    corrected: String.raw`$2L \times 2\,d_{model}\,r$ weights ($2L \times (2\,d_{model}\,r + d_{model} + r)$ with the biases).`,
  },
  {
    file: '003', lines: [1140, 1142],
    quote: String.raw`$$= w_0x + BAx$$ … During inference time, $w = w_0 + BA$, no additional latency.`,
    parts: { 'peft.lora-shapes#forward': 'exact' },
  },
  {
    file: '004', lines: [3026, 3026],
    quote: String.raw`which can necessitate over 780 GB of GPU memory merely to load the training state`,
    parts: { 'peft.ft-memory': 'exact' },
  },
  {
    file: '004', lines: [3028, 3028],
    quote: String.raw`reducing the trainable parameter count by up to 10,000 times.`,
    parts: { 'peft.lora-10000x#peft-general': 'exact' },
  },
  {
    file: '004', lines: [3047, 3047],
    quote: String.raw`the number of trainable parameters is small (roughly $2dr$ per adapter)`,
    parts: { 'peft.adapter-count#roughly-2dr': 'exact' },
  },
  {
    file: '004', lines: [3087, 3087],
    quote: String.raw`Example: 4096 token limit – 100 prefix tokens = 3996 tokens available for the user.`,
    parts: { 'peft.prefix-context': 'exact' },
  },
  {
    file: '004', lines: [3091, 3094],
    quote: String.raw`During autoregressive inference, the KV cache must hold the prefixes for every … layer and for every request (since prefixes are layer-specific). This increases memory per request.`,
    parts: { 'peft.prefix-context#kv-cache': 'exact' },
  },
  {
    file: '004', lines: [3109, 3109],
    quote: String.raw`LoRA is applied **only to linear projection matrices**, NOT to the entire layer.`,
    parts: { 'peft.lora-targets#linear-only': 'exact' },
  },
  {
    file: '004', lines: [3124, 3124],
    quote: String.raw`Wq and Wk give the best results, so most implementations (HuggingFace, PEFT, LLaMA-LoRA papers) attach LoRA *primarily* to Q & K.`,
    parts: { 'peft.lora-targets': 'wrong-value' },
    corrected: String.raw`At an equal parameter budget $W_q, W_v$ (or all four projections) give the best results (Hu et al. 2021, Table 5), and HuggingFace PEFT attaches LoRA to Q and V by default (e.g. q\_proj, v\_proj for LLaMA).`,
  },
  {
    file: '004', lines: [3152, 3152],
    quote: String.raw`Zeroing B makes $\Delta W(0) = BA = 0$ at step 0, so the model starts exactly as the pre-trained model`,
    parts: { 'peft.lora-init': 'exact' },
  },
  {
    file: '004', lines: [3156, 3170],
    quote: String.raw`- Full parameters to update: $4096 \times 4096 = 16,777,216$. … - $4096 \times 8 = 32,768$. … - So total LoRA params = $32,768 + 32,768 = 65,536$. … $$\frac{65,536}{16,777,216} = 0.00390625 = 0.390625\%.$$ … $$\frac{16,777,216}{65,536} = 256,$$`,
    parts: { 'peft.lora-4096': 'exact' },
  },
  {
    file: '004', lines: [3176, 3176],
    quote: String.raw`$$W_{\text{merged}} = W_0 + \frac{\alpha}{r} BA.$$`,
    parts: { 'peft.lora-shapes#merged-scaling': 'exact' },
  },
  {
    file: '004', lines: [3224, 3226],
    quote: String.raw`- Each factor has $64 \times 64 = 4,096$ parameters. … - Two factors $\Rightarrow 2 \times 4,096 = 8,192$ parameters. … - Ratio: $65,536 \div 8,192 = 8$.`,
    parts: { 'peft.krona#params': 'exact' },
  },
  {
    file: '004', lines: [3230, 3230],
    quote: String.raw`- If A_k, B_k are full rank (rank 64 each), then rank $(\Delta W) = 64 \times 64 = 4096 = d \Rightarrow$ **full rank**.`,
    parts: { 'peft.krona': 'exact' },
  },
  {
    file: '004', lines: [3233, 3233],
    quote: String.raw`So KronA can give *far greater expressivity per parameter* in low-param regimes.`,
    parts: { 'peft.krona#expressivity': 'exact' },
  },
];
