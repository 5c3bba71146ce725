/** Statements of the notes in the quantisation domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '004', lines: [3409, 3477],
    quote: String.raw`$$z = \text{round}\left(-\frac{x_{\min}}{s}\right) = \text{round}\left(-\frac{-2.3}{0.0270588}\right) = \text{round}(84.99) = 85$$ … $q = [103, 41, 127, 127, 59, 127, 85, 127, 0, 126]$`,
    parts: { 'quant.affine-roundtrip': 'wrong-value' },
    corrected: String.raw`Signed int8 ($q\in[-128,127]$): $s = \frac{6.9}{255} = \frac{23}{850}$, $z = q_{\min} - \operatorname{round}(x_{\min}/s) = -43$, $q = [-25, -87, 83, 35, -69, 24, -43, 127, -128, -2]$, every $|x-\hat x| \le s/2$ (worst $0.0129$). The notes' $z = 85$ is the unsigned ($[0,255]$) zero point.`,
  },
  {
    file: '004', lines: [3415, 3425],
    quote: String.raw`$$s = \frac{x_{\max} - x_{\min}}{q_{\max} - q_{\min}} = \frac{4.6 - (-2.3)}{127 - (-128)} = \frac{6.9}{255} =`,
    parts: { 'quant.affine-roundtrip#scale': 'exact' },
  },
  {
    file: '004', lines: [3442, 3442],
    quote: String.raw`| 1.8 | 66.50 | 66 | 151 → capped | 127 |`,
    parts: { 'quant.affine-roundtrip#row-1.8': 'wrong-value' },
    corrected: String.raw`$x/s = 1.8\cdot\frac{850}{23} = \frac{1530}{23} \approx 66.52$, $\operatorname{round}(x/s) = 67$.`,
  },
  {
    file: '003', lines: [1148, 1150],
    quote: String.raw`Ex:- Quantizing a FP32 number to Int8 integer $[-127, 127]$ … $$x^{\text{int8}} = \text{round}\left(\frac{x^{\text{FP32}}}{\underbrace{\text{abs max}(x^{\text{FP32}})}_c}\right)$$`,
    parts: { 'quant.absmax-int8': 'counterexample' },
    corrected: String.raw`$x^{\text{int8}} = \operatorname{round}\left(\frac{127}{\operatorname{absmax}(x)}\,x\right) = \operatorname{round}(c\,x)$ with $c = 127/\operatorname{absmax}(x)$: the codes fill $[-127, 127]$ (as written, $|x/\operatorname{absmax}(x)| \le 1$ rounds to $\{-1, 0, 1\}$).`,
  },
  {
    file: '003', lines: [1156, 1156],
    quote: String.raw`map : {Index : 0, 1, 2, 3 → Values : -1, 0.3, 0.5, 103}`,
    parts: { 'quant.2bit-example#map': 'typo' },
    corrected: String.raw`map: $\{0, 1, 2, 3\} \to \{-1, 0.3, 0.5, 1\}$.`,
    typo: String.raw`"103" is a slip for $1.0$ (index 3 dequantises $1 \mapsto 10$ at 003:1173).`,
  },
  {
    file: '003', lines: [1166, 1166],
    quote: String.raw`Newest values :- [1, 0.3, 0.5, 1.5]`,
    parts: { 'quant.2bit-example#closest': 'typo' },
    corrected: String.raw`Closest values: $[1, 0.3, 0.5, 0.5]$.`,
    typo: String.raw`"1.5" is a slip for $0.5$: the closest codes of $(1, -0.3, 0.5, 0.4)$ are $(1, 0.3, 0.5, 0.5)$ (index 2; $0.4$ is an exact tie between $0.3$ and $0.5$).`,
  },
  {
    file: '003', lines: [1168, 1173],
    quote: String.raw`Associated index :- [3, 1, 2, 2] → Store … [10, 3, 5, 5] → error`,
    parts: { 'quant.2bit-example': 'exact' },
  },
  {
    file: '000', lines: [595, 597],
    quote: String.raw`- In general, for k -bit NormalFloat, equally divide the normal distribution into 2^k quantiles. … actually divide the negative part into 2^{k-1} quantiles and the positive part into $2^{k-1} + 1$ quantiles, then remove one of the two overlapping zeros.`,
    parts: { 'quant.nf4-levels': 'exact' },
  },
  {
    file: '000', lines: [599, 601],
    quote: String.raw`$$X^{\text{NF4}} = \text{round}\left(\frac{1}{\text{absmax}(X^{\text{FP32}})} X^{\text{FP32}}\right) = \text{round}(c^{\text{FP32}} X^{\text{FP32}}),$$`,
    parts: { 'quant.nf4-map': 'exact' },
  },
  {
    file: '000', lines: [610, 612],
    quote: String.raw`- Helps reduce the memory footprint of quantization constants.`,
    parts: { 'quant.double-quant#footprint': 'exact' },
  },
  {
    file: '000', lines: [630, 630],
    quote: String.raw`- Original paper [4] uses FP8 for c_2 , block size of 64 for W , and block size of 256 for c_2 .`,
    parts: { 'quant.double-quant': 'exact' },
  },
  {
    file: '004', lines: [3297, 3299],
    quote: String.raw` - scale $s = \frac{x_{\max} - x_{\min}}{q_{\max} - q_{\min}}$ … - zero-point $z = \text{round}\left(-\frac{x_{\min}}{s}\right)$`,
    parts: { 'quant.affine-params': 'counterexample' },
    corrected: String.raw`$z = q_{\min} - \operatorname{round}(x_{\min}/s)$ (equal to $\operatorname{round}(-x_{\min}/s)$ only when $q_{\min} = 0$); int8 on $[-1, 1]$: $s = 2/255$, $z = 0$ (the written formula gives $128$, outside int8).`,
  },
  {
    file: '004', lines: [3336, 3350],
    quote: String.raw`$$Y_q = X_q W_q + B_q$$ … $$\hat{Y} = s_y(Y_q - z_y)$$`,
    parts: { 'quant.int-gemm': 'counterexample' },
    corrected: String.raw`$Y_{\text{acc}} = \sum_k (x_q - z_x)(w_q - z_w) + b_q = X_qW_q - z_w\sum_k x_q - z_x\sum_k w_q + Kz_xz_w + b_q$ (int32), $b_q = \operatorname{round}(b/(s_xs_w))$, $\hat Y = s_xs_w\,Y_{\text{acc}}$ (requantise with $s_xs_w/s_y$ and $z_y$).`,
  },
  {
    file: '004', lines: [3398, 3407],
    quote: String.raw`| Int8 | 1 byte | -127 to 127 | … | Int64 | 8 bytes | -9223372036854775808 to -9223372036854775807 | … | Double | 8 bytes | 2.3E-308 to 1.7E+308 (~15 digits) |`,
    parts: { 'quant.type-table': 'wrong-value' },
    corrected: String.raw`Int8: $-128$ to $127$; Int64: $-9223372036854775808$ to $9223372036854775807$; Double (normal): $2.2251\cdot10^{-308}$ to $1.7977\cdot10^{308}$ (~15 digits).`,
  },
  {
    file: '004', lines: [3475, 3475],
    quote: String.raw`$x_{\text{hat}} \approx [0.49, -1.19, 1.14, 1.14, -0.70, 1.14, 0.00, 1.14, -2.30, 1.11]$`,
    parts: { 'quant.affine-example': 'exact' },
  },
  {
    file: '004', lines: [3511, 3511],
    quote: String.raw`$$\text{FakeQuant}(x) = s \cdot (\text{clip}(\text{round}(\frac{x}{s}) + z, q_{\min}, q_{\max}) - z)$$`,
    parts: { 'quant.fakequant-ste#forward': 'exact' },
  },
  {
    file: '004', lines: [3527, 3530],
    quote: String.raw`- Treat round() as identity during backward … - Ignore clipping outside range (or pass 0 gradient) … Thus, gradients flow *as if quantization does not exist*.`,
    parts: { 'quant.fakequant-ste': 'two-readings' },
    corrected: String.raw`Identity STE: $\partial\,\mathrm{FQ}/\partial x := 1$ everywhere (gradients flow as if quantisation did not exist); clipped STE (PyTorch, TFLite): $\mathbf 1[q_{\min} \le \operatorname{round}(x/s) + z \le q_{\max}]$ — zero where clipped.`,
  },
  {
    file: '004', lines: [3389, 3389],
    quote: String.raw`- **Min-Max**: take min and max over calibration dataset. Simple but sensitive to outliers.`,
    parts: { 'quant.calibration': 'exact' },
  },
  {
    file: '004', lines: [3390, 3390],
    quote: String.raw`- **Percentile clipping**: use e.g. 99.9th percentile to ignore rare outliers; reduces dynamic range and quantization noise.`,
    parts: { 'quant.calibration#percentile': 'two-readings' },
    corrected: String.raw`Percentile clipping shrinks the range and the rounding noise of the values it keeps, but adds clipping error on the values beyond the percentile: the total mean-squared error can rise (1000 values with one outlier: $0.0083 \to 1.455$).`,
  },
  {
    file: '004', lines: [3391, 3392],
    quote: String.raw`- **KL divergence (histogram search)**: used by TensorFlow for activations — choose clipping threshold that minimizes KL between original and quantized histograms. … - **MSE minimization**: pick clipping bound to minimize mean-squared quantization error.`,
    parts: { 'quant.calibration#kl-mse': 'exact' },
  },
  {
    file: '004', lines: [3317, 3321],
    quote: String.raw`Biases are quantized to **int32**: … $$b_q = \frac{b}{s_x \cdot s_w}$$ … This keeps math correct.`,
    parts: { 'quant.int-gemm#bias': 'exact' },
  },
  {
    file: '004', lines: [3559, 3560],
    quote: String.raw`- **round() derivative = 0** almost everywhere … - So gradient cannot flow to previous layers → network cannot train`,
    parts: { 'quant.fakequant-ste#zero-derivative': 'exact' },
  },
];
