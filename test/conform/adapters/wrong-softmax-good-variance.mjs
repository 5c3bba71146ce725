// A wrong softmax (temperature 1.01) beside a correct variance: two properties, the first fails.
import wrong from './wrong-softmax.mjs';
import good from './float64-reference.mjs';
export default { name: 'js-wrong-softmax-good-variance', dtype: 'float32', ops: { 'nn.softmax': wrong.ops['nn.softmax'], 'stats.variance': good.ops['stats.variance'] } };
