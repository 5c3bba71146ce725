/** Statements of the notes in the recurrent domain (src/audit/statements/types.ts; spec/audit-rubric.md). */
import type { StatementDef } from './types.js';

export const STATEMENTS: readonly StatementDef[] = [
  {
    file: '000', lines: [326, 326],
    quote: String.raw`$$\nabla_{W_{hh}}(h_t) = \sum_{t'=1}^{t-1} h_{t'} \left(W_{hh}^{t-t'-1} \tanh'(o_{t'+1}) \cdot \dots \cdot`,
    parts: { 'rnn.bptt#sum-000': 'counterexample' },
    corrected: String.raw`$\nabla_{W_{hh}} h_t = \sum_{t'=0}^{t-1} \Big(\prod_{s=t'+2}^{t} \operatorname{diag}(\tanh'(o_s))W_{hh}\Big)\operatorname{diag}(\tanh'(o_{t'+1}))\,(\cdot)\,h_{t'}^\top$ — the sum starts at $t'=0$ (the initial state $h_0$ contributes unless $h_0=0$).`,
  },
  {
    file: '000', lines: [328, 328],
    quote: String.raw`So the influence of $h_{t'}$ on h_t will be small if $t' \ll t$ as $\tanh(x)$ is small for $|x| > 2$, i.e., we`,
    parts: { 'rnn.vanishing#tanh-small': 'typo' },
    typo: String.raw`"as $\tanh(x)$ is small for $|x|>2$": it is the derivative $\tanh'(x) = 1-\tanh^2(x)$ that is small there ($\tanh$ itself is close to $\pm1$).`,
    corrected: String.raw`The influence of $h_{t'}$ on $h_t$ is small for $t'\ll t$ because $\tanh'(x)\le\tanh'(2)\approx0.0707$ for $|x|\ge2$.`,
  },
  {
    file: '000', lines: [335, 340],
    quote: String.raw`Input: previous cell state C_{t-1} and x_t .`,
    parts: { 'lstm.cell#forget-gate-input': 'counterexample' },
    corrected: String.raw`Forget gate — input: previous hidden state $h_{t-1}$ and $x_t$: $f_t = \sigma(W_f\cdot[h_{t-1},x_t]+b_f)$ (only peephole LSTMs feed $C_{t-1}$ to the gates).`,
  },
  {
    file: '000', lines: [340, 369],
    quote: String.raw`$$\begin{aligned} f_t &= \sigma(W_{hf}h_{t-1} + W_{xf}x_t + b_f) \\ &= \sigma(W_f \cdot [h_{t-1}, x_t] + b_f),`,
    parts: { 'lstm.cell': 'exact', 'lstm.cell#tfjs-mapping': 'exact' },
  },
  {
    file: '003', lines: [241, 241],
    quote: String.raw`the gates in LSTM share a common design pattern; each consists of a feed forward layer followed by a sigmoid`,
    parts: { 'lstm.cell#gate-pattern': 'exact' },
  },
  {
    file: '003', lines: [245, 266],
    quote: String.raw`$$k_t = c_{t-1} \odot f_t$$ … $$\Rightarrow C_t = j_t + k_t$$ … $$h_t = o_t \odot \tanh(c_t)$$`,
    parts: { 'lstm.cell': 'exact' },
    typo: String.raw`003 writes the cell state as $C_t$ (003:260) and $c_t$ (003:247, 266), and drops the biases.`,
    corrected: String.raw`$f_t=\sigma(v_fh_{t-1}+w_fx_t)$, $i_t=\sigma(v_ih_{t-1}+w_ix_t)$, $g_t=\tanh(v_gh_{t-1}+w_gx_t)$, $C_t = f_t\odot C_{t-1} + i_t\odot g_t$, $h_t = o_t\odot\tanh(C_t)$`,
  },
  {
    file: '004', lines: [706, 706],
    quote: String.raw`However, standard RNNs suffer profoundly from the **vanishing gradient problem**. Because the gradient is`,
    parts: { 'rnn.vanishing': 'counterexample' },
    corrected: String.raw`A sufficient condition for exponential decay is an operator norm $\|\operatorname{diag}(\tanh'(o_s))W_{hh}\| \le \|W_{hh}\| < 1$; eigenvalues of $W_{hh}$ below 1 in modulus are not enough for a tanh RNN (non-normal $W_{hh}$ with $|\lambda|\approx0.66$ can give products growing like $2^k$).`,
  },
  {
    file: '004', lines: [722, 750],
    quote: String.raw`$$f_t = \sigma(W_f[x_t, h_{t-1}] + b_f)$$`,
    parts: { 'lstm.cell': 'exact' },
  },
  {
    file: '004', lines: [760, 762],
    quote: String.raw`$$C_t = f_t C_{t-1} + \dots$$`,
    parts: { 'lstm.additive': 'counterexample' },
    corrected: String.raw`Along the cell path $\partial C_T/\partial C_0 = \prod_t \operatorname{diag}(f_t)$: it carries no $\tanh'$ factor, but it still decays exponentially unless the forget gates stay close to 1 (e.g. $f_t = \sigma(0) = 1/2$ gives $2^{-T}$).`,
  },
  {
    file: '004', lines: [766, 770],
    quote: String.raw`$$C_{t-1} \rightarrow C_t$$`,
    parts: { 'lstm.additive#other-paths': 'exact' },
  },
  {
    file: '002', lines: [496, 500],
    quote: String.raw`$$\frac{\partial L}{\partial W} = \frac{\partial L}{\partial h_T} \cdot \frac{\partial h_T}{\partial W} +`,
    parts: { 'rnn.bptt': 'exact' },
  },
  {
    file: '002', lines: [502, 504],
    quote: String.raw`$$\frac{\partial L}{\partial h_t} = 2(\hat{y}_t - y) W^T (W^h)^{T-t}, \text{ so if the magnitude of the`,
    parts: { 'rnn.linear-grad': 'exact' },
    typo: String.raw`002:504 writes $\hat y_t$ for $\hat y_T$ (the loss is at the last step, 002:496).`,
    corrected: String.raw`$\frac{\partial L}{\partial h_t} = 2(\hat y_T - y)W^\top (W^h)^{T-t}$`,
  },
  {
    file: '002', lines: [504, 508],
    quote: String.raw`eigenvalue of W^h is much larger than 1, gradient explode; vice versa.`,
    parts: { 'rnn.linear-grad#eigenvalue-criterion': 'asymptotic' },
    typo: String.raw`002:508 "$t \ll k$" should read $t \ll T$.`,
    corrected: String.raw`The gradient explodes or vanishes **asymptotically** as the spectral radius of $W^h$ exceeds or is below 1 ($\|(W^h)^k\|^{1/k}\to\rho(W^h)$), not step by step: a non-normal $W^h$ can grow before it decays.`,
  },
  {
    file: '003', lines: [56, 56],
    quote: String.raw`$$\text{Number of parameters} = 4vh + vh = svh$$`,
    parts: { 'rnn.window-lm-params': 'wrong-value', 'rnn.window-lm-params#svh-typo': 'typo' },
    typo: String.raw`"$4vh+vh = svh$": $s$ is a slip for $5$.`,
    corrected: String.raw`$\#\text{params} = 4Vh + h + Vh + V = 5Vh + h + V$ (one-hot window into $W\in\mathbb{R}^{h\times 4V}$, with the biases $b_1, b_2$); with a $d$-dimensional embedding $E$: $Vd + 4dh + h + Vh + V$.`,
  },
];
