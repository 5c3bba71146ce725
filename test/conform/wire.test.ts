/**
 * Decoding reply tensors of the v1 wire format (src/conform/wire.ts) cannot be made to allocate
 * without bound: an empty tensor with a huge leading dimension, or a shape with thousands of
 * dimensions, is a decode error, while legitimate shapes (including small empty ones) decode.
 */
import { describe, it, expect } from 'vitest';
import { decodeValue, DecodeError } from '../../src/conform/wire.js';

describe('wire tensors', () => {
  it('decode ordinary and small empty shapes', () => {
    expect(decodeValue({ dtype: 'float32', shape: [2, 2], data: [1, 2, 3, 4] })).toEqual([[1, 2], [3, 4]]);
    expect(decodeValue({ dtype: 'float32', shape: [3, 0], data: [] })).toEqual([[], [], []]);
    expect(decodeValue({ dtype: 'int32', shape: [0], data: [] })).toEqual([]);
  });
  it.each([
    [[1e9, 0]],
    [[2048, 0]],
    [[1e6, 1e6, 0]],
    [Array.from({ length: 5000 }, () => 1)],
  ])('refuses shape %#, which would build rows without elements (or recurse without end)', (shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    expect(() => decodeValue({ dtype: 'float32', shape, data: size === 1 ? [0] : [] })).toThrow(DecodeError);
  });
});
