/**
 * A minimal ONNX model builder: a protobuf encoder for just the parts of onnx.proto that the
 * lemmata adapters need (ModelProto, OperatorSetIdProto, GraphProto, NodeProto, AttributeProto,
 * ValueInfoProto/TypeProto/TensorShapeProto, TensorProto), so models are built in memory — no
 * .onnx files, no `onnx` Python package.
 *
 * Field numbers follow onnx/onnx.proto (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto).
 * Only proto3 wire types 0 (varint), 2 (length-delimited) and 5 (fixed32, for float attributes)
 * are used. Tensors are always written as `raw_data` (little-endian; int4/uint4 packed two per
 * byte, low nibble first, as the ONNX spec requires).
 *
 * Usage:
 *   const bytes = encodeModel({
 *     opset: 17,
 *     graph: {
 *       name: 'softmax',
 *       nodes: [node('Softmax', ['x'], ['y'], { axis: attr.int(-1) })],
 *       inputs: [valueInfo('x', DataType.FLOAT, [3])],
 *       outputs: [valueInfo('y', DataType.FLOAT, [3])],
 *     },
 *   });
 *   const session = await ort.InferenceSession.create(bytes);
 */

/** onnx.TensorProto.DataType */
export const DataType = Object.freeze({
  FLOAT: 1, UINT8: 2, INT8: 3, UINT16: 4, INT16: 5, INT32: 6, INT64: 7, STRING: 8, BOOL: 9,
  FLOAT16: 10, DOUBLE: 11, UINT32: 12, UINT64: 13, UINT4: 21, INT4: 22,
});

/** onnx.AttributeProto.AttributeType */
const AttrType = Object.freeze({ FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7, STRINGS: 8 });

// ---------------------------------------------------------------------------------------------
// Protobuf writer

const utf8 = new TextEncoder();

class Writer {
  constructor() { this.chunks = []; this.length = 0; }
  bytes(b) { this.chunks.push(b); this.length += b.length; return this; }
  /** Unsigned or signed 64-bit varint (negative values as 10-byte two's complement, as protobuf does for int64/int32). */
  varint(v) {
    let x = BigInt.asUintN(64, BigInt(v));
    const out = [];
    do {
      let b = Number(x & 0x7fn);
      x >>= 7n;
      if (x !== 0n) b |= 0x80;
      out.push(b);
    } while (x !== 0n);
    return this.bytes(Uint8Array.from(out));
  }
  tag(field, wire) { return this.varint((field << 3) | wire); }
  /** field, wire type 0 */
  int(field, v) { return this.tag(field, 0).varint(v); }
  /** field, wire type 5 (float32) */
  float(field, v) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    return this.tag(field, 5).bytes(b);
  }
  /** field, wire type 2 */
  lengthDelimited(field, b) { return this.tag(field, 2).varint(b.length).bytes(b); }
  string(field, s) { return this.lengthDelimited(field, utf8.encode(s)); }
  message(field, w) { return this.lengthDelimited(field, w.finish()); }
  finish() {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const c of this.chunks) { out.set(c, o); o += c.length; }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Attributes

/** Typed attribute values: `{ axis: attr.int(-1), epsilon: attr.float(1e-5) }`. */
export const attr = Object.freeze({
  int: (v) => ({ type: AttrType.INT, value: v }),
  float: (v) => ({ type: AttrType.FLOAT, value: v }),
  string: (v) => ({ type: AttrType.STRING, value: v }),
  ints: (v) => ({ type: AttrType.INTS, value: v }),
  floats: (v) => ({ type: AttrType.FLOATS, value: v }),
  tensor: (t) => ({ type: AttrType.TENSOR, value: t }),
});

function encodeAttribute(name, a) {
  const w = new Writer().string(1, name); // name = 1
  switch (a.type) {
    case AttrType.FLOAT: w.float(2, a.value); break; // f = 2
    case AttrType.INT: w.int(3, a.value); break; // i = 3
    case AttrType.STRING: w.string(4, a.value); break; // s = 4
    case AttrType.TENSOR: w.message(5, encodeTensor(a.value)); break; // t = 5
    case AttrType.FLOATS: for (const v of a.value) w.float(7, v); break; // floats = 7 (unpacked is accepted)
    case AttrType.INTS: for (const v of a.value) w.int(8, v); break; // ints = 8
    default: throw new Error(`attribute ${name}: unsupported type ${a.type}`);
  }
  w.int(20, a.type); // type = 20
  return w;
}

// ---------------------------------------------------------------------------------------------
// Tensors

/**
 * A constant tensor (initializer or Constant value): `tensor('scale', DataType.FLOAT, [], [0.5])`.
 * `values` is a flat row-major array of numbers (or bigints for int64).
 */
export function tensor(name, dataType, dims, values) {
  return { name, dataType, dims, values };
}

/** Little-endian element bytes (every platform Node runs on is little-endian). */
function rawData(dataType, values) {
  switch (dataType) {
    case DataType.FLOAT: return new Uint8Array(Float32Array.from(values).buffer);
    case DataType.DOUBLE: return new Uint8Array(Float64Array.from(values).buffer);
    case DataType.INT8: return new Uint8Array(Int8Array.from(values).buffer);
    case DataType.UINT8: case DataType.BOOL: return Uint8Array.from(values);
    case DataType.INT16: return new Uint8Array(Int16Array.from(values).buffer);
    case DataType.UINT16: return new Uint8Array(Uint16Array.from(values).buffer);
    case DataType.INT32: return new Uint8Array(Int32Array.from(values).buffer);
    case DataType.UINT32: return new Uint8Array(Uint32Array.from(values).buffer);
    case DataType.INT64: return new Uint8Array(BigInt64Array.from(values, (v) => BigInt(v)).buffer);
    case DataType.INT4: case DataType.UINT4: return packInt4(values);
    default: throw new Error(`tensor: unsupported data type ${dataType}`);
  }
}

/** Two 4-bit values per byte, the first in the low nibble (ONNX int4/uint4 layout). */
export function packInt4(values) {
  const out = new Uint8Array(Math.ceil(values.length / 2));
  for (let i = 0; i < values.length; i++) {
    const nib = values[i] & 0x0f;
    out[i >> 1] |= i & 1 ? nib << 4 : nib;
  }
  return out;
}

/** Inverse of packInt4, sign-extending when `signed`. */
export function unpackInt4(bytes, n, signed) {
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const nib = (bytes[i >> 1] >> (i & 1 ? 4 : 0)) & 0x0f;
    out[i] = signed && nib >= 8 ? nib - 16 : nib;
  }
  return out;
}

function encodeTensor(t) {
  const w = new Writer();
  for (const d of t.dims) w.int(1, d); // dims = 1 (unpacked repeated int64 is accepted by proto parsers)
  w.int(2, t.dataType); // data_type = 2
  if (t.name) w.string(8, t.name); // name = 8
  w.lengthDelimited(9, rawData(t.dataType, t.values)); // raw_data = 9
  return w;
}

// ---------------------------------------------------------------------------------------------
// Graph pieces

/**
 * A graph input/output description. `shape` entries are numbers (fixed), strings (symbolic
 * dim_param) or null (unknown); `shape === null` leaves the rank unknown.
 */
export function valueInfo(name, elemType, shape) {
  return { name, elemType, shape };
}

function encodeValueInfo(v) {
  const tensorType = new Writer().int(1, v.elemType); // TypeProto.Tensor.elem_type = 1
  if (v.shape !== null && v.shape !== undefined) {
    const shape = new Writer();
    for (const d of v.shape) {
      const dim = new Writer();
      if (typeof d === 'number') dim.int(1, d); // dim_value = 1
      else if (typeof d === 'string') dim.string(2, d); // dim_param = 2
      shape.message(1, dim); // TensorShapeProto.dim = 1
    }
    tensorType.message(2, shape); // TypeProto.Tensor.shape = 2
  }
  const type = new Writer().message(1, tensorType); // TypeProto.tensor_type = 1
  return new Writer().string(1, v.name).message(2, type); // ValueInfoProto: name = 1, type = 2
}

/** A node: `node('LayerNormalization', ['x', 'g', 'b'], ['y'], { axis: attr.int(-1) })`. */
export function node(opType, inputs, outputs, attributes = {}, { name, domain } = {}) {
  return { opType, inputs, outputs, attributes, name, domain };
}

function encodeNode(n, index) {
  const w = new Writer();
  for (const i of n.inputs) w.string(1, i); // input = 1 ('' = omitted optional input)
  for (const o of n.outputs) w.string(2, o); // output = 2
  w.string(3, n.name ?? `${n.opType}_${index}`); // name = 3
  w.string(4, n.opType); // op_type = 4
  for (const [k, a] of Object.entries(n.attributes)) w.message(5, encodeAttribute(k, a)); // attribute = 5
  if (n.domain) w.string(7, n.domain); // domain = 7
  return w;
}

function encodeGraph(g) {
  const w = new Writer();
  g.nodes.forEach((n, i) => w.message(1, encodeNode(n, i))); // node = 1
  w.string(2, g.name ?? 'graph'); // name = 2
  for (const t of g.initializers ?? []) w.message(5, encodeTensor(t)); // initializer = 5
  for (const v of g.inputs) w.message(11, encodeValueInfo(v)); // input = 11
  for (const v of g.outputs) w.message(12, encodeValueInfo(v)); // output = 12
  return w;
}

/** The IR version that goes with a default-domain opset (onnx/docs/Versioning.md). */
export function irVersionFor(opset) {
  if (opset <= 8) return 3;
  if (opset <= 10) return 5;
  if (opset <= 11) return 6;
  if (opset <= 14) return 7;
  if (opset <= 18) return 8;
  if (opset <= 20) return 9;
  if (opset <= 22) return 10;
  return 11;
}

/**
 * Serialise a ModelProto. `opset` is the default-domain version; `extraOpsets` e.g.
 * `[{ domain: 'com.microsoft', version: 1 }]` for contrib ops.
 */
export function encodeModel({ graph, opset, extraOpsets = [], irVersion, producer = 'lemmata-onnx-model' }) {
  const w = new Writer();
  w.int(1, irVersion ?? irVersionFor(opset)); // ir_version = 1
  w.string(2, producer); // producer_name = 2
  w.string(3, '0.1.0'); // producer_version = 3
  w.message(7, encodeGraph(graph)); // graph = 7
  for (const o of [{ domain: '', version: opset }, ...extraOpsets]) {
    const os = new Writer();
    if (o.domain) os.string(1, o.domain); // domain = 1
    os.int(2, o.version); // version = 2
    w.message(8, os); // opset_import = 8
  }
  return w.finish();
}
