/**
 * Generated from the op schemas (`npm run docs`; tests check both are current):
 *   spec/ops.md            every op: arguments, result, sizes and constraints, dtypes, and the
 *                          properties that exercise it (with the other ops each needs)
 *   schemas/<op-id>.json   every op's arguments and result as one JSON Schema (draft-07)
 * `opUses` / `opsOfProperty` also serve `lemmata list`.
 */
import type { TObject, TSchema } from '@sinclair/typebox';
import { OPS } from './index.js';
import { FLOAT_KIND, X_BELOW, X_DIM, X_SHAPE, X_TENSOR, X_ELEMENT, elementOf, isOptional, kindOf, shapeOf, someNode, typeText } from './schema.js';
import { CLAIM_MODULES } from '../properties/index.js';
import type { ClaimModule, OpDef, PropertyKind } from '../registry/types.js';

/** A property that calls an op, and the other ops it needs. */
export interface OpUse { property: string; kind: PropertyKind; with: string[] }

/** op id → the properties calling it (from each property's `ops`), sorted by property id. */
export function opUses(claims: readonly ClaimModule[] = CLAIM_MODULES): Map<string, OpUse[]> {
  const out = new Map<string, OpUse[]>(OPS.map((o) => [o.id, []]));
  for (const c of claims) {
    for (const p of c.properties) {
      for (const op of p.ops ?? []) out.get(op)?.push({ property: `${c.id}/${p.name}`, kind: p.kind, with: (p.ops ?? []).filter((o) => o !== op) });
    }
  }
  for (const uses of out.values()) uses.sort((a, b) => (a.property < b.property ? -1 : a.property > b.property ? 1 : 0));
  return out;
}

/** The ops a property (`claim/name`) needs, or every op of a claim's properties; undefined when there is no such id. */
export function opsOfProperty(id: string, claims: readonly ClaimModule[] = CLAIM_MODULES): string[] | undefined {
  const [claimId, name] = id.split('/');
  const claim = claims.find((c) => c.id === claimId);
  if (!claim) return undefined;
  const props = name === undefined ? claim.properties : claim.properties.filter((p) => p.name === name);
  if (props.length === 0) return undefined;
  return [...new Set(props.flatMap((p) => p.ops ?? []))];
}

/** Where each size symbol is read from: `T` → `q.length`, `e` → `v[0].length`, `kh` → `kernel[0]`. */
export function sizeSources(args: TObject): [string, string][] {
  const out = new Map<string, string>();
  const visit = (s: TSchema, at: string) => {
    const shape = shapeOf(s);
    if (shape) {
      shape.forEach((d, i) => { if (typeof d === 'string' && !d.includes('+') && !out.has(d)) out.set(d, `${at}${'[0]'.repeat(i)}.length`); });
      return;
    }
    const dim = s[X_DIM] as string | undefined;
    if (dim !== undefined && !out.has(dim)) out.set(dim, at);
    if (kindOf(s) === 'Tuple') (s['items'] as TSchema[]).forEach((x, i) => visit(x, `${at}[${i}]`));
  };
  for (const [k, s] of Object.entries(args.properties)) visit(s, k);
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// JSON Schema files
// ---------------------------------------------------------------------------------------------

const VENDOR_NOTE = 'Values are the decoded JavaScript/JSON values (on the line protocol, tensors may travel as tensor objects: spec/protocol.md). ' +
  `Vendor keywords: ${X_SHAPE} (sizes of a tensor, outer axis first: a symbol, a sum of symbols such as "m+n", or an integer; ` +
  'a symbol is read from the first argument that has it, and every other occurrence must agree); ' +
  `${X_TENSOR} (float: elements of the request dtype, float32 or float64; int: int32; an argument with it travels as a tensor); ` +
  `${X_DIM} (an integer whose value is a size symbol); ${X_BELOW} (integer elements lie in [0, symbol)); ` +
  `${X_ELEMENT} ("float": any IEEE value of the request dtype, NaN and ±Infinity included; the comparison judges them).`;

/** One op's JSON Schema document: an object `{ args, result }`. */
export function opJsonSchema(o: OpDef): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: o.id,
    description: o.description,
    $comment: VENDOR_NOTE,
    'x-lemmata-signature': o.signature,
    'x-lemmata-sizes': Object.fromEntries(sizeSources(o.args)),
    'x-lemmata-constraints': o.constraints.map((c) => c.text),
    type: 'object',
    properties: { args: o.args, result: o.result },
    required: ['args', 'result'],
    additionalProperties: false,
  };
}

/** `schemas/<op-id>.json` for every op: file name → content. */
export function schemaFiles(): Map<string, string> {
  return new Map(OPS.map((o) => [`${o.id}.json`, `${JSON.stringify(opJsonSchema(o), null, 2)}\n`]));
}

// ---------------------------------------------------------------------------------------------
// spec/ops.md
// ---------------------------------------------------------------------------------------------

const cell = (s: string) => s.replace(/\|/g, '\\|');
const code = (s: string) => `\`${cell(s)}\``;

function travels(s: TSchema): string {
  const t = s[X_TENSOR];
  return t === 'float' ? 'tensor, request dtype' : t === 'int' ? 'tensor, int32' : 'JSON';
}

function notes(s: TSchema): string {
  const parts: string[] = [];
  if (s['description']) parts.push(String(s['description']));
  const e = shapeOf(s) ? elementOf(s) : s;
  if (e['minimum'] !== undefined && e[X_BELOW] === undefined) parts.push(`≥ ${String(e['minimum'])}`);
  if (e['maximum'] !== undefined) parts.push(`≤ ${String(e['maximum'])}`);
  return parts.join('; ');
}

function fieldTable(head: string, fields: Record<string, TSchema>, withTravel: boolean): string[] {
  const rows = Object.entries(fields).map(([k, s]) =>
    `| ${code(k)}${isOptional(s) ? ' (optional)' : ''} | ${code(typeText(s))} |${withTravel ? ` ${travels(s)} |` : ''} ${cell(notes(s))} |`);
  return [`| ${head} | type |${withTravel ? ' travels as |' : ''} notes |`, `|---|---|${withTravel ? '---|' : ''}---|`, ...rows];
}

function dtypeRule(o: OpDef): string {
  const floats = Object.entries(o.tensors).filter(([, t]) => t === 'float').map(([k]) => code(k));
  const ints = Object.entries(o.tensors).filter(([, t]) => t === 'int').map(([k]) => code(k));
  const floatResult = someNode(o.result, (n) => kindOf(n) === FLOAT_KIND);
  const intResult = someNode(o.result, (n) => kindOf(n) === 'Integer');
  const parts = [
    floats.length ? `${floats.join(', ')}: tensors of the request dtype (float32 or float64)` : '',
    ints.length ? `${ints.join(', ')}: int32 tensors` : '',
    `result: ${[floatResult ? 'floats of the request dtype' : '', intResult ? 'integers (JSON numbers)' : '', !floatResult && !intResult ? 'no numbers' : '']
      .filter(Boolean).join(', ')}`,
  ].filter(Boolean);
  return `${parts.join('; ')}. Other arguments are plain JSON.`;
}

function opSection(o: OpDef, uses: OpUse[]): string[] {
  const out = [`## \`${o.id}\``, '', o.description, '', '```', o.signature, '```', '', ...fieldTable('argument', o.args.properties, true), ''];
  out.push(`**Result:** ${code(typeText(o.result))}${o.result['description'] ? ` — ${cell(String(o.result['description']))}` : ''}`, '');
  if (kindOf(o.result) === 'Object') out.push(...fieldTable('field', (o.result as TObject).properties, false), '');
  const sizes = sizeSources(o.args);
  if (sizes.length) out.push(`**Sizes:** ${sizes.map(([d, from]) => `${code(d)} = ${code(from)}`).join(', ')}.`, '');
  if (o.constraints.length) out.push(`**Constraints:** ${o.constraints.map((c) => cell(c.text)).join('; ')}.`, '');
  out.push(`**Dtypes:** ${dtypeRule(o)}`, '');
  if (o.algorithms?.length) {
    out.push('**Algorithms** (a correct implementation may use any; the default bound covers those marked default, the others are declared in the profile with their own bound):', '', '| algorithm | bound | what it is |', '|---|---|---|');
    for (const a of o.algorithms) out.push(`| ${cell(a.name)} | ${a.default ? 'default' : 'declared'} | ${cell(a.description)} |`);
    out.push('');
  }
  if (o.inputClasses?.length) {
    out.push('**Input classes** (each guaranteed at least this share of the generated inputs):', '', '| class | min share | inputs |', '|---|---:|---|');
    for (const c of o.inputClasses) out.push(`| ${cell(c.name)} | ${(100 * c.minShare).toFixed(0)} % | ${cell(c.description)} |`);
    out.push('');
  }
  if (o.exactFriendly) out.push(`**Exact-friendly inputs:** ${cell(o.exactFriendly)}`, '');
  if (uses.length === 0) out.push('**Exercised by:** no property yet.', '');
  else {
    out.push('**Exercised by:**', '', '| property | kind | also needs |', '|---|---|---|');
    for (const u of uses) out.push(`| ${code(u.property)} | ${u.kind} | ${u.with.length ? u.with.map(code).join(', ') : '—'} |`);
    out.push('');
  }
  return out;
}

export function opsMarkdown(): string {
  const uses = opUses();
  const out = [
    '# Ops',
    '',
    'Generated from the op schemas in `src/ops/<domain>.ts` by `npm run docs`; do not edit by hand.',
    'The same schemas are in `schemas/<op-id>.json` (JSON Schema, draft-07) and in `npx lemmata list --json`.',
    '',
    'Each op takes one argument object and returns one value. Notation: `float[T, d]` is a tensor',
    'with T rows of d elements (nested arrays, rows first); `int[n]` holds integers; `float` alone is a',
    'scalar; `number` and `integer` are plain JSON numbers; `[a, b]` is a fixed-length tuple, `x[]` a',
    'list of any length; `field?` is optional.',
    '',
    '- **Sizes.** A size symbol is read from the first argument that has it (empty arrays say nothing',
    '  about inner sizes); every other occurrence, in the arguments and in the result, must agree.',
    '  `m+n` is a sum of sizes.',
    '- **Dtypes.** Float tensors and float results use the request dtype (float32 or float64; the',
    '  inputs are exactly representable in it); int tensors are int32. On the line protocol',
    '  (`spec/protocol.md`) the arguments marked "tensor" travel as tensor objects; everything else is',
    '  plain JSON. A result may be a tensor object or plain nested arrays (typed arrays for JS modules).',
    '- **Non-finite floats** are spelled `"NaN"`, `"Infinity"`, `"-Infinity"` on the wire and read as',
    '  numbers wherever the result has a float. A float may be NaN or ±∞ as far as the schema goes;',
    '  the properties compare with the exact value, so NaN never passes and ±∞ passes only where the',
    '  exact value is infinite.',
    '- **Validation.** Every reply is checked against its op\'s result schema before a property sees',
    '  it: element types, nesting, fields, then sizes. A reply that does not match makes the property',
    '  `error` with one line naming the field, e.g. `result[2]: expected float32 number, received',
    '  string "abc"` or `result: expected shape [T=3, e=4], received [3, 5]`.',
    '',
  ];
  for (const o of OPS) out.push(...opSection(o, uses.get(o.id) ?? []));
  return out.join('\n');
}
