// Correct: max unpooling shapes by scattering (correct-ct-scatter.mjs's implementation, entered for its second op):
// the pooled values land at the largest index a window reaches, plus output_shape padding.
import scatter from './correct-ct-scatter.mjs';
export const meta = { op: 'cnn.max-unpool2d-shape', kind: 'correct', class: 'standard algorithm', description: 'the largest index any pooling window reaches, plus one, minus the pads (output_shape: that size)' };
export default { ...scatter, name: 'zoo-unpool-scatter' };
