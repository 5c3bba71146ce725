// Bug: a fully masked row gives the mean of V — what filling masked scores with the lowest float (not −∞) gives: a uniform softmax.
import { attention } from './_ops-common.mjs';
export const meta = { op: 'attn.attention', kind: 'bug', class: 'fully-masked', description: 'fully masked row = mean of V (lowest-float fill)' };
export default { name: 'bug-attention-fully-masked-mean', dtypes: ['float32', 'float64'], ops: { 'attn.attention': (a, dtype) => attention(a, dtype, { emptyRowMean: true }) } };
