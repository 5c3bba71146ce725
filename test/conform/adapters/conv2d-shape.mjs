// cnn.conv2d-shape with every argument of the op (dilation, explicit pads [top, left, bottom, right], ONNX auto_pad),
// shared by the correct reference adapters of these tests.
export function conv2dShape({ height, width, kernel, stride, padding = [0, 0], dilation = [1, 1], pads, autoPad }) {
  const p = pads ?? [padding[0], padding[1], padding[0], padding[1]];
  const axis = (n, k, s, d, b, e) => {
    const ke = d * (k - 1) + 1;
    if (autoPad === 'same-upper' || autoPad === 'same-lower') return Math.ceil(n / s);
    if (autoPad === 'valid') { b = 0; e = 0; }
    return Math.floor((n + b + e - ke) / s) + 1;
  };
  return [axis(height, kernel[0], stride[0], dilation[0], p[0], p[2]), axis(width, kernel[1], stride[1], dilation[1], p[1], p[3])];
}
