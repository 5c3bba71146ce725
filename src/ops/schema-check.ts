/**
 * Checking values against op schemas (src/ops/schema.ts): a reply of an implementation under test
 * is validated before any comparison sees it — structure and element types first (TypeBox's
 * compiled checker), then the shapes against the sizes bound from the arguments. A problem is one
 * line naming the field, what was expected and what was received:
 *
 *   result[2]: expected float32 number, received string "abc"
 *   result: expected shape [T=3, e=4], received [3, 5]
 *   result.path[1]: expected integer in [0, L=4), received 7
 *
 * Non-finite floats: the line protocol spells them "NaN", "Infinity", "-Infinity" (JSON has no
 * literals). The wire decoder (src/conform/wire.ts) reads them inside tensor objects and mixed
 * numeric arrays; `readResult` also reads them wherever the result schema has a float, so a
 * non-finite float is a number however it arrived. Floats may be NaN or ±∞ as far as the schema
 * is concerned; the properties' comparisons reject them where the exact value is finite.
 */
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { FLOAT_KIND, X_BELOW, X_DIM, type Dim, elementOf, kindOf, shapeOf, typeText } from './schema.js';
import { opById } from './index.js';
import type { OpDef } from '../registry/types.js';

type Dims = Map<string, number>;

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();
function checker(s: TSchema): TypeCheck<TSchema> {
  let c = compiled.get(s);
  if (!c) compiled.set(s, (c = TypeCompiler.Compile(s)));
  return c;
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/** A bounded preview of an untrusted value (JSON-like, non-finite numbers spelled out). */
function preview(v: unknown, max = 60): string {
  let out = '';
  const go = (x: unknown): boolean => {
    if (out.length > max) return false;
    if (Array.isArray(x)) {
      out += '[';
      for (let i = 0; i < x.length; i++) {
        if (i) out += ',';
        if (!go(x[i])) return false;
      }
      out += ']';
    } else if (x !== null && typeof x === 'object') {
      out += '{';
      let i = 0;
      for (const k in x) {
        if (i++) out += ',';
        out += `${JSON.stringify(k.slice(0, max))}:`;
        if (!go((x as Record<string, unknown>)[k])) return false;
      }
      out += '}';
    } else out += typeof x === 'string' ? JSON.stringify(x.slice(0, max + 1)) : String(x);
    return out.length <= max;
  };
  go(v);
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

function received(v: unknown): string {
  if (v === undefined) return 'nothing (field missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `array of ${v.length} ${preview(v)}`;
  if (typeof v === 'object') return `object ${preview(v)}`;
  return `${typeof v} ${preview(v)}`;
}

function expected(s: TSchema, dtype: string): string {
  if (kindOf(s) === FLOAT_KIND) return `${dtype} number`;
  const t = typeText(s, dtype);
  if (kindOf(s) !== 'Integer') return t;
  const min = s['minimum'] as number | undefined;
  return `integer${min !== undefined ? ` ≥ ${min}` : ''}`;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSON pointer into `value` as `result.dx[3][1]` (array steps as [i], object steps as .key). */
function where(root: string, value: unknown, pointer: string): string {
  let out = root;
  let cur: unknown = value;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += Array.isArray(cur) ? `[${seg}]` : IDENT.test(seg) ? `.${seg}` : `[${JSON.stringify(seg.slice(0, 40))}]`;
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
  }
  return out;
}

function describe(e: ValueError, value: unknown, root: string, dtype: string): string {
  const at = where(root, value, e.path);
  if (e.type === ValueErrorType.ObjectAdditionalProperties) {
    return `${at}: unexpected field (expected only ${Object.keys(e.schema['properties'] as object).join(', ')})`;
  }
  return `${at}: expected ${expected(e.schema, dtype)}, received ${received(e.value)}`;
}

/** The first structural problem of `value` (element types, nesting, fields), or null. */
function structure(s: TSchema, value: unknown, root: string, dtype: string): string | null {
  const c = checker(s);
  if (c.Check(value)) return null;
  const e = c.Errors(value).First();
  return e ? describe(e, value, root, dtype) : `${root}: does not match ${typeText(s, dtype)}`;
}

// ---------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------

function resolve(d: Dim, dims: Dims): number | undefined {
  if (typeof d === 'number') return d;
  let sum = 0;
  for (const term of d.split('+')) {
    const t = term.trim();
    const v = /^\d+$/.test(t) ? Number(t) : dims.get(t);
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

const isSymbol = (d: Dim): d is string => typeof d === 'string' && !d.includes('+');
const dimText = (d: Dim, dims: Dims): string => {
  const v = resolve(d, dims);
  return typeof d === 'number' || v === undefined ? String(d) : `${d}=${v}`;
};

/**
 * Check a tensor's sizes (binding unbound symbols from it), then — unless only binding — every
 * row's length and the index bounds of its elements.
 */
function tensorShape(s: TSchema, value: unknown[], at: string, shape: Dim[], dims: Dims, bindOnly: boolean): string | null {
  const got: number[] = [];
  for (let v: unknown = value, i = 0; i < shape.length && Array.isArray(v); i++) {
    got.push(v.length);
    if (v.length === 0) break;
    v = v[0];
  }
  got.forEach((n, i) => { const d = shape[i]!; if (isSymbol(d) && !dims.has(d)) dims.set(d, n); });
  if (got.some((n, i) => { const e = resolve(shape[i]!, dims); return e !== undefined && e !== n; })) {
    return `${at}: expected shape [${shape.map((d) => dimText(d, dims)).join(', ')}], received [${got.join(', ')}]`;
  }
  if (bindOnly) return null;
  const below = elementOf(s)[X_BELOW] as string | undefined;
  const limit = below !== undefined ? dims.get(below) : undefined;
  const walk = (v: unknown[], i: number, path: string): string | null => {
    if (!Array.isArray(v)) return `${path}: expected an array, received ${received(v)}`;
    const n = resolve(shape[i]!, dims);
    if (n !== undefined && v.length !== n) return `${path}: expected ${n} elements (${dimText(shape[i]!, dims)}), received ${v.length}`;
    for (let j = 0; j < v.length; j++) {
      const p = i + 1 < shape.length ? walk(v[j] as unknown[], i + 1, `${path}[${j}]`)
        : limit !== undefined && (v[j] as number) >= limit ? `${path}[${j}]: expected integer in [0, ${below}=${limit}), received ${v[j] as number}` : null;
      if (p) return p;
    }
    return null;
  };
  return walk(value, 0, at);
}

/**
 * Walk a value that matches the schema's structure: bind size symbols as they first occur and
 * report the first size that disagrees with an earlier binding.
 */
function shapes(s: TSchema, value: unknown, at: string, dims: Dims, bindOnly = false): string | null {
  const shape = shapeOf(s);
  if (shape) return tensorShape(s, value as unknown[], at, shape, dims, bindOnly);
  const dim = s[X_DIM] as string | undefined;
  if (dim !== undefined && typeof value === 'number') {
    const have = dims.get(dim);
    if (have === undefined) dims.set(dim, value);
    else if (have !== value) return `${at}: expected ${dim}=${have}, received ${value}`;
    return null;
  }
  const visit = (entries: [string, TSchema, unknown][]) => {
    for (const [step, sub, v] of entries) {
      if (v === undefined) continue;
      const p = shapes(sub, v, `${at}${step}`, dims, bindOnly);
      if (p) return p;
    }
    return null;
  };
  switch (kindOf(s)) {
    case 'Object': return visit(Object.entries(s['properties'] as Record<string, TSchema>).map(([k, sub]) => [`.${k}`, sub, (value as Record<string, unknown>)[k]]));
    case 'Tuple': return visit((s['items'] as TSchema[]).map((sub, i) => [`[${i}]`, sub, (value as unknown[])[i]]));
    case 'Array': return visit((value as unknown[]).map((v, i) => [`[${i}]`, s['items'] as TSchema, v]));
    default: return null;
  }
}

/** The sizes bound by an op's arguments (they come from lemmata and are trusted: only the first row of each tensor is read). */
export function bindSizes(op: OpDef, args: unknown): Record<string, number> {
  const dims: Dims = new Map();
  shapes(op.args, args, 'args', dims, true);
  const bound = Object.fromEntries(dims);
  for (const c of op.constraints) {
    if (!c.derives) continue;
    try {
      Object.assign(bound, c.derives(bound, args as Record<string, unknown>));
    } catch { /* arguments too malformed to derive from: the argument check reports them */ }
  }
  return bound;
}

// ---------------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------------

/**
 * Validate an implementation's result for `args`: null when it matches the op's result schema and
 * the sizes bound by the arguments, otherwise one line naming the field, the expected and the
 * received type or shape.
 */
export function validateResult(opId: string, args: unknown, result: unknown, dtype: string): string | null {
  const op = opById(opId);
  if (!op) return `unknown op ${JSON.stringify(opId.slice(0, 60))}`;
  const bad = structure(op.result, result, 'result', dtype);
  if (bad) return bad;
  const dims: Dims = new Map(Object.entries(bindSizes(op, args)));
  return shapes(op.result, result, 'result', dims);
}

/** Validate an argument object against the op's schema, its size symbols and its constraints. */
export function validateArgs(opId: string, args: unknown): string | null {
  const op = opById(opId);
  if (!op) return `unknown op ${JSON.stringify(opId.slice(0, 60))}`;
  const bad = structure(op.args, args, 'args', 'float');
  if (bad) return bad;
  const dims: Dims = new Map();
  const p = shapes(op.args, args, 'args', dims);
  if (p) return p;
  const bound = Object.fromEntries(dims);
  for (const c of op.constraints) if (c.holds && !c.holds(bound, args as Record<string, unknown>)) return `args: violates ${c.text}`;
  return null;
}

const NONFINITE = new Map<unknown, number>([['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity]]);

/** Read the protocol's spelling of non-finite floats ("NaN", "Infinity", "-Infinity") wherever `s` has a float. */
function readNonFinite(s: TSchema, v: unknown): unknown {
  const k = kindOf(s);
  if (k === FLOAT_KIND) return NONFINITE.get(v) ?? v;
  const copyOnChange = <T extends object>(orig: T, steps: [string | number, TSchema][]): T => {
    let out = orig;
    for (const [key, sub] of steps) {
      const before = (orig as Record<string | number, unknown>)[key];
      const after = readNonFinite(sub, before);
      if (after === before) continue;
      if (out === orig) out = (Array.isArray(orig) ? orig.slice() : { ...orig }) as T;
      (out as Record<string | number, unknown>)[key] = after;
    }
    return out;
  };
  if (Array.isArray(v)) {
    const items = s['items'] as TSchema;
    if (k === 'Array' && kindOf(items) === FLOAT_KIND && !v.some((e) => typeof e === 'string')) return v; // the common case: nothing to read
    if (k === 'Array') return copyOnChange(v, v.map((_, i) => [i, items]));
    if (k === 'Tuple') return copyOnChange(v, (s['items'] as TSchema[] ?? []).slice(0, v.length).map((sub, i) => [i, sub]));
  } else if (k === 'Object' && v !== null && typeof v === 'object') {
    return copyOnChange(v, Object.entries(s['properties'] as Record<string, TSchema>).filter(([key]) => Object.hasOwn(v, key)));
  }
  return v;
}

/** A decoded reply as the properties see it: non-finite floats read at the float positions of the op's result. */
export function readResult(opId: string, value: unknown): unknown {
  const op = opById(opId);
  return op ? readNonFinite(op.result, value) : value;
}
