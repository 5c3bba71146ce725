import type * as tfNs from '@tensorflow/tfjs';
/** The TensorFlow.js namespace, passed explicitly so each op module is backend-agnostic. */
export type TF = typeof tfNs;
