// Shared helpers of the transposed-convolution / max-unpooling shape entries (not an entry: the name starts with "_").
// The ONNX ConvTranspose / MaxUnpool shape rules written out per axis, with options that reproduce realistic bugs.
const pads4 = (a) => a.pads ?? [a.padding?.[0] ?? 0, a.padding?.[1] ?? 0, a.padding?.[0] ?? 0, a.padding?.[1] ?? 0];

/**
 * One axis of ConvTranspose. Options: forward (the forward-conv formula ⌊(n + b + e − k_e)/s⌋ + 1), sn (s·n instead of
 * s(n − 1)), noOp (output_padding ignored), noDil (dilation ignored), sameCeil (SAME as ⌈n/s⌉), deconvLength (tfjs layers:
 * VALID/explicit n·s + max(k − s, 0) − pads), noOutShape (output_shape ignored), beginTwice (2·begin instead of begin + end).
 */
export function ctAxis(n, k, s, d, op, b, e, autoPad, out, o = {}) {
  if (o.noDil) d = 1;
  if (o.noOp) op = 0;
  const ke = d * (k - 1) + 1;
  if (out !== undefined && !o.noOutShape) return out;
  if (autoPad === 'same-upper' || autoPad === 'same-lower') return o.sameCeil ? Math.ceil(n / s) : n * s;
  if (autoPad === 'valid') { b = 0; e = 0; }
  if (o.beginTwice) e = b;
  if (o.forward) return Math.max(1, Math.floor((n + b + e - ke) / s) + 1);
  if (o.deconvLength) return Math.max(1, n * s + Math.max(ke - s, 0) + op - b - e);
  return Math.max(1, (o.sn ? s * n : s * (n - 1)) + op + ke - b - e);
}

export const convTranspose = (o = {}) => (a) => {
  const p = pads4(a), d = a.dilation ?? [1, 1], op = a.outputPadding ?? [0, 0];
  return [0, 1].map((i) => ctAxis(i ? a.width : a.height, a.kernel[i], a.stride[i], d[i], op[i], p[i], p[i + 2], a.autoPad, a.outputShape?.[i], o));
};

/** One axis of MaxUnpool. Options: pool (⌊(n − k)/s⌋ + 1), ns (n·s), padsAdded (+ pads), noOutShape, kIsS (k replaced by s). */
export function unpoolAxis(n, k, s, b, e, out, o = {}) {
  if (out !== undefined && !o.noOutShape) return out;
  if (o.pool) return Math.max(1, Math.floor((n - k) / s) + 1);
  if (o.ns) return n * s;
  const kk = o.kIsS ? s : k;
  return Math.max(1, (n - 1) * s + kk + (o.padsAdded ? b + e : -(b + e)));
}

export const maxUnpool = (o = {}) => (a) => {
  const p = pads4(a);
  return [0, 1].map((i) => unpoolAxis(i ? a.width : a.height, a.kernel[i], a.stride[i], p[i], p[i + 2], a.outputShape?.[i], o));
};

export const entry = (name, ops) => ({ name, dtype: 'float32', ops: { 'cnn.conv-transpose2d-shape': convTranspose(), 'cnn.max-unpool2d-shape': maxUnpool(), ...ops } });
