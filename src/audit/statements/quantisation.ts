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
];
