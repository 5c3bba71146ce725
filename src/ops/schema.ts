/**
 * The vocabulary of op schemas: every op declares its arguments and result as data.
 *
 * TypeBox (@sinclair/typebox) does the element and structure typing: its schemas are JSON Schema
 * (draft-07), `Static<>` gives the TypeScript types of the op functions (src/ops/index.ts), and its
 * compiled checker validates replies (src/ops/schema-check.ts). On top, lemmata's shape layer, in
 * vendor keywords that JSON Schema validators ignore:
 *
 *   x-lemmata-shape    on the outer array of a tensor: its sizes, e.g. ["T", "e"], ["m", "m+n"], [2]
 *   x-lemmata-tensor   on the same array: "float" (the request dtype) or "int" (int32); for an
 *                      argument, this is what travels as a tensor object on the line protocol
 *   x-lemmata-dim      on an integer: the size symbol its value is (random.normal's n, a kernel's kh)
 *   x-lemmata-below    on int tensor elements: a size symbol bounding them, 0 ≤ value < L (a label)
 *   x-lemmata-element  "float" on a float element: any IEEE value of the request dtype, NaN and ±∞
 *                      included (whether they are acceptable is for the comparison to say)
 *
 * A size is a symbol (`T`), a sum of symbols and integers (`m+n`), or a fixed integer. Symbols are
 * bound from the arguments in field order (first occurrence); a symbol used twice means the same
 * size. The results are checked against them (schema-check.ts).
 */
import { Type, Kind, OptionalKind, TypeRegistry, type TSchema, type TObject, type TArray, type TUnsafe, type TInteger, type TNumber,
  type TProperties, type TTuple, type TRecord, type TString, type TBoolean, type TUnion, type TLiteral } from '@sinclair/typebox';
import type { OpDef, ShapeConstraint, OpAlgorithm, InputClass } from '../registry/types.js';

export const X_SHAPE = 'x-lemmata-shape';
export const X_TENSOR = 'x-lemmata-tensor';
export const X_DIM = 'x-lemmata-dim';
export const X_BELOW = 'x-lemmata-below';
export const X_ELEMENT = 'x-lemmata-element';

/** A size: a symbol, a sum such as `m+n`, or a fixed integer. */
export type Dim = string | number;

/** The TypeBox kind of a float element (registered below: any JavaScript number). */
export const FLOAT_KIND = 'LemmataFloat';
TypeRegistry.Set(FLOAT_KIND, (_schema, value) => typeof value === 'number');

export type TFloat = TUnsafe<number>;
type Nest<E extends TSchema, D extends readonly Dim[]> = D extends readonly [Dim, ...infer R extends readonly Dim[]] ? TArray<Nest<E, R>> : E;

const described = (description?: string) => (description ? { description } : {});

/** A float of the request dtype (a scalar result such as a variance or a score). */
export function float(description?: string): TFloat {
  return Type.Unsafe<number>({ [Kind]: FLOAT_KIND, type: 'number', [X_ELEMENT]: 'float', ...described(description) });
}

/** A plain JSON number (finite), e.g. ε or λ. */
export function number(o: { minimum?: number; maximum?: number; description?: string } = {}): TNumber {
  return Type.Number(o);
}

/** A plain JSON integer; `dim` names the size symbol its value is. */
export function integer(o: { minimum?: number; dim?: string; description?: string } = {}): TInteger {
  const { dim, ...rest } = o;
  return Type.Integer({ ...rest, ...(dim !== undefined ? { [X_DIM]: dim } : {}) });
}

export const boolean = (description?: string): TBoolean => Type.Boolean(described(description));
export const string = (description?: string): TString => Type.String(described(description));

/** One of a few literal values (an enum). */
export function oneOf<const L extends readonly (string | number)[]>(values: L, description?: string): TUnion<TLiteral<L[number]>[]> {
  return Type.Union(values.map((v) => Type.Literal(v)), described(description)) as never;
}

/**
 * A tensor: nested arrays (rows first) of `float` (the request dtype) or `int` (int32) elements
 * with the given sizes. `below` bounds int elements: 0 ≤ value < below.
 */
export function tensor<const D extends readonly Dim[]>(element: 'float', dims: D, o?: { description?: string }): Nest<TFloat, D>;
export function tensor<const D extends readonly Dim[]>(element: 'int', dims: D, o?: { below?: string; description?: string }): Nest<TInteger, D>;
export function tensor(element: 'float' | 'int', dims: readonly Dim[], o: { below?: string; description?: string } = {}): TSchema {
  if (dims.length === 0) throw new Error('a tensor has at least one axis (use float() or integer() for scalars)');
  let s: TSchema = element === 'float' ? float()
    : Type.Integer(o.below !== undefined ? { minimum: 0, [X_BELOW]: o.below } : {});
  for (let i = dims.length - 1; i > 0; i--) s = Type.Array(s);
  return Type.Array(s, { [X_TENSOR]: element, [X_SHAPE]: [...dims], ...described(o.description) });
}

/** A fixed-length tuple, e.g. [kh, kw]. */
export const tuple = <const T extends TSchema[]>(items: [...T], description?: string): TTuple<T> => Type.Tuple(items, described(description));
/** A list of any length. */
export const list = <T extends TSchema>(items: T, description?: string): TArray<T> => Type.Array(items, described(description));
/** A JSON object with arbitrary string keys. */
export const record = <T extends TSchema>(values: T, description?: string): TRecord<TString, T> => Type.Record(Type.String(), values, described(description));
/** An optional field of an argument or result object. */
export const optional = <T extends TSchema>(s: T) => Type.Optional(s);
/** A record with exactly these fields (no others). */
export const object = <P extends TProperties>(fields: P, description?: string): TObject<P> =>
  Type.Object(fields, { additionalProperties: false, ...described(description) });

// ---------------------------------------------------------------------------------------------
// Reading a schema
// ---------------------------------------------------------------------------------------------

export const kindOf = (s: TSchema): string => (s as unknown as Record<symbol, string>)[Kind]!;
export const shapeOf = (s: TSchema): Dim[] | undefined => s[X_SHAPE] as Dim[] | undefined;
export const isOptional = (s: TSchema): boolean => (s as unknown as Record<symbol, unknown>)[OptionalKind] === 'Optional';

/** The element schema of a tensor (the innermost items). */
export function elementOf(s: TSchema): TSchema {
  let e = s;
  while (kindOf(e) === 'Array') e = e['items'] as TSchema;
  return e;
}

/** Whether `s` or any schema inside it satisfies `pred`. */
export function someNode(s: TSchema, pred: (n: TSchema) => boolean): boolean {
  if (pred(s)) return true;
  const kids = [s['items'], Object.values(s['properties'] ?? {}), Object.values(s['patternProperties'] ?? {}), s['anyOf']]
    .flat().filter((k): k is TSchema => k !== undefined && k !== null);
  return kids.some((k) => someNode(k, pred));
}

/**
 * A schema as a short type expression: `float[T, e]`, `int[T] in [0, L)`, `[integer, integer]`,
 * `{ path: int[T] in [0, L), score: float }`, `'a' | 'b'`. With `dtype`, `float` is spelled as it.
 */
export function typeText(s: TSchema, dtype?: string): string {
  const flt = dtype ?? 'float';
  const shape = shapeOf(s);
  if (shape) {
    const below = elementOf(s)[X_BELOW];
    return `${s[X_TENSOR] === 'int' ? 'int' : flt}[${shape.join(', ')}]${below !== undefined ? ` in [0, ${below})` : ''}`;
  }
  const dim = s[X_DIM] as string | undefined;
  switch (kindOf(s)) {
    case FLOAT_KIND: return flt;
    case 'Number': return 'number';
    case 'Integer': return dim !== undefined ? `${dim}: integer` : 'integer';
    case 'Boolean': return 'boolean';
    case 'String': return 'string';
    case 'Literal': return typeof s['const'] === 'string' ? `'${s['const']}'` : String(s['const']);
    case 'Union': return (s['anyOf'] as TSchema[]).map((x) => typeText(x, dtype)).join(' | ');
    case 'Tuple': return `[${(s['items'] as TSchema[]).map((x) => typeText(x, dtype)).join(', ')}]`;
    case 'Array': {
      const inner = typeText(s['items'] as TSchema, dtype);
      return `${kindOf(s['items'] as TSchema) === 'Union' ? `(${inner})` : inner}[]`;
    }
    case 'Record': return `Record<string, ${typeText(Object.values(s['patternProperties'] as Record<string, TSchema>)[0]!, dtype)}>`;
    case 'Object': {
      const fields = Object.entries(s['properties'] as Record<string, TSchema>)
        .map(([k, v]) => `${k}${isOptional(v) ? '?' : ''}: ${kindOf(v) === 'Integer' && v[X_DIM] === k ? 'integer' : typeText(v, dtype)}`);
      return `{ ${fields.join(', ')} }`;
    }
    default: throw new Error(`op schemas: no rendering for kind ${kindOf(s)}`);
  }
}

/** Which arguments travel as tensors on the line protocol (field → element kind). */
function tensorsOf(args: { properties: TProperties }): Record<string, 'float' | 'int'> {
  const out: Record<string, 'float' | 'int'> = {};
  for (const [k, v] of Object.entries(args.properties)) if (v[X_TENSOR]) out[k] = v[X_TENSOR] as 'float' | 'int';
  return out;
}

/** An op from its schemas; the one-line signature and the tensor arguments are derived. */
export function defineOp<const Id extends string, A extends TProperties, R extends TSchema>(d: {
  id: Id; description: string; args: A; result: R; constraints?: ShapeConstraint[];
  algorithms?: OpAlgorithm[]; inputClasses?: InputClass[]; exactFriendly?: string; sampling?: true;
}): OpDef<Id, TObject<A>, R> {
  const args = object(d.args);
  return {
    id: d.id,
    description: d.description,
    args,
    result: d.result,
    constraints: d.constraints ?? [],
    signature: `${typeText(args)} → ${typeText(d.result)}`,
    tensors: tensorsOf(args),
    ...(d.algorithms ? { algorithms: d.algorithms } : {}),
    ...(d.inputClasses ? { inputClasses: d.inputClasses } : {}),
    ...(d.exactFriendly ? { exactFriendly: d.exactFriendly } : {}),
    ...(d.sampling ? { sampling: true as const } : {}),
  };
}
