// Provides quant.quantize only; the chained quantisation property also needs affine-params and dequantize.
export default {
  name: 'js-quantize-only',
  ops: {
    'quant.quantize': ({ x, scale, zeroPoint, qmin, qmax }) =>
      x.map((v) => Math.min(qmax, Math.max(qmin, Math.round(v / scale) + zeroPoint))),
  },
};
