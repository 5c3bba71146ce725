// Correct: scale |x| to its binade by a power of two (exact in float64), round the mantissa half to even, rescale; overflow decided on the rounded value.
import { entry } from './_quant.mjs';
export const meta = { op: 'quant.cast-float8', kind: 'correct', class: 'standard algorithm', description: 'e = max(⌊log₂|x|⌋, e_min), m = rhe(|x|/2^(e−p)), the code of m·2^(e−p)' };
export default entry('zoo-cast-float8-binade');
