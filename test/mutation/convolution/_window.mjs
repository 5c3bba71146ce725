// Shared helper of the window-shape bugs (not an entry): the correct per-axis size with injectable slips.
export function axis(n, k, s, d = 1, b = 0, e = 0, autoPad, ceil = false, slip = {}) {
  const ke = slip.ignoreDilation ? k : slip.dilationTimesK ? d * k : d * (k - 1) + 1;
  if (autoPad === 'same-upper' || autoPad === 'same-lower') return slip.sameAsValid ? Math.floor((n - ke) / s) + 1 : Math.ceil(n / s);
  if (autoPad === 'valid') { b = 0; e = 0; }
  if (slip.beginTwice) e = b;
  const L = n + b + e - ke;
  if (!ceil) return Math.floor(L / s) + 1;
  const out = Math.ceil(L / s) + 1;
  return (out - 1) * s >= n + b ? out - 1 : out;
}
export const axes = (a, padding, slip) => {
  const p = a.pads ?? [padding[0], padding[1], padding[0], padding[1]], dl = a.dilation ?? [1, 1];
  return [axis(a.height, a.kernel[0], a.stride[0], dl[0], p[0], p[2], a.autoPad, a.ceilMode, slip), axis(a.width, a.kernel[1], a.stride[1], dl[1], p[1], p[3], a.autoPad, a.ceilMode, slip)];
};
