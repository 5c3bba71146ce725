/**
 * The vocabulary of lemmata (see DESIGN.md): claims, ops, implementations, properties, verdicts.
 *
 * - A *claim* is one checkable statement from the course notes. Its human-facing text (title,
 *   statement, source quote, conventions, the expected verdict on the notes) lives in
 *   `spec/<id>.md`; its executable part (properties and audit) in `src/properties/<id>.ts`.
 * - An *op* is a computation an implementation provides (`attn.sdpa`, `norm.layernorm`, ...),
 *   with a signature, an oracle, an error-bound model and input arbitraries (`src/ops/`).
 * - An *implementation* maps op ids to functions. It never imports an oracle.
 */
import type { Arbitrary } from 'fast-check';
import type { TObject, TSchema } from '@sinclair/typebox';

export type ClaimKind =
  | 'exact-rational'
  | 'exact-discrete'
  | 'exact-moments'
  | 'enclosure'
  | 'shape';

export const CLAIM_KINDS: readonly ClaimKind[] = [
  'exact-rational', 'exact-discrete', 'exact-moments', 'enclosure', 'shape',
];

/** What lemmata concludes about a statement of the notes. */
export type NotesVerdict = 'confirmed' | 'refuted' | 'convention-dependent' | 'approximate';
export const NOTES_VERDICTS: readonly NotesVerdict[] = [
  'confirmed', 'refuted', 'convention-dependent', 'approximate',
];

/** The outcome of checking one property against one implementation. */
export type CheckVerdict = 'pass' | 'fail' | 'unsupported' | 'error';

/** Metadata of a claim, read from `spec/<id>.md` (YAML front matter + Markdown body). */
export interface ClaimSpec {
  id: string;
  title: string;
  kind: ClaimKind;
  /** The statement in LaTeX. */
  statement: string;
  source: { file: string; quote: string; line?: number };
  conventions: string[];
  /** Op ids exercised by the claim's conformance properties. */
  ops: string[];
  /** The verdict on what the notes say, as the spec file records it (checked against the audit). */
  verdict: NotesVerdict;
  /** Markdown body of the spec file. */
  body: string;
  /** Path of the spec file, relative to the package root. */
  file: string;
}

/** One audited statement of the notes. `id` is the claim id, optionally `#suffix` for a sub-statement. */
export interface AuditFinding {
  id: string;
  verdict: NotesVerdict;
  /** Exact value, counterexample, or the size of a convention difference — plain text. */
  evidence: string;
  /**
   * The rubric rule the finding applied (an id of src/audit/rubric.ts, spec/audit-rubric.md). A claim
   * module may set it; otherwise the audit takes it from the statement registry
   * (src/audit/statements/), and a finding that has none fails the audit.
   */
  rule?: string;
}

/**
 * The result of one property evaluation on one input.
 * `ratio` is observed error / derived bound (≤ 1 passes); absent for exact checks.
 */
export interface Outcome {
  ok: boolean;
  ratio?: number;
  /**
   * Observed error / the probabilistic bound (Higham & Mary 2019: √n·u-type, holding with a stated
   * probability) where the property has one. Above 1 while `ratio` ≤ 1 the input is `suspicious`:
   * the error is possible for a correct algorithm only with that small probability.
   */
  probRatio?: number;
  detail?: string;
}

export type PropertyKind = 'identity' | 'conformance' | 'metamorphic';

/**
 * A fast-check property attached to a claim. `check` must be a pure function of its input
 * (and of the implementation), synchronous, and must not throw on a *failing* input — it returns
 * `{ ok: false, detail }`; a throw is reported as an `error` of the implementation.
 */
export interface PropertyDef<T = any> {
  /** Unique within the claim; the full id is `<claim>/<name>`. */
  name: string;
  kind: PropertyKind;
  /** Plain-language statement of what is checked. */
  description: string;
  arbitrary: Arbitrary<T>;
  /** Default number of generated inputs (overridable with --runs). */
  runs?: number;
  /** Op ids this property calls (conformance and metamorphic properties). */
  ops?: string[];
  check(input: T, impl: Implementation | null): Outcome;
}

/** The executable half of a claim. */
export interface ClaimModule {
  id: string;
  properties: PropertyDef[];
  /** Evaluate what the notes say. Deterministic; exact. */
  audit(): AuditFinding[];
}

export type Dtype = 'float32' | 'float64';

/** An implementation under test: op id → function. Functions are synchronous. */
export interface Implementation {
  name: string;
  /** The precision it computes in (drives the unit roundoff of error bounds). */
  dtype: Dtype;
  /** Human note, e.g. which backend and which ops were routed elsewhere. */
  notes: string[];
  /**
   * Backend name, used to pick the ulp allowance for elementary functions
   * (`ELEMENTARY_ULPS` in src/numerics/bounds.ts); absent → the default allowance.
   */
  backend?: string;
  /**
   * Precision profile declared by the implementation (external implementations, line protocol
   * hello): ulps allowed for elementary functions, and whether subnormal results may be flushed
   * to zero. Overrides the per-backend defaults of src/numerics/bounds.ts. `algorithms` names,
   * per op, a declared (non-default) standard algorithm of the op (`OpDef.algorithms`), e.g.
   * `{ 'nn.softmax': 'exp-minus-logsumexp' }`: that op is then judged with the algorithm's own
   * derived bound, and the report's headline says so.
   */
  profile?: { elementaryUlps?: number; flushToZero?: boolean; algorithms?: Record<string, string> };
  ops: Record<string, (args: any) => any>;
}

/**
 * A shape constraint on an op's arguments beyond what repeated size symbols already say
 * (`T = S when causal`). `holds` evaluates it on the sizes bound from the arguments (and the
 * arguments themselves); constraints without it are documentation only.
 */
export interface ShapeConstraint {
  text: string;
  holds?: (dims: Readonly<Record<string, number>>, args: Record<string, unknown>) => boolean;
  /** Sizes of the result that the arguments determine without naming them (e.g. K = ⌊N/2⌋ + 1): bound before a result is checked. */
  derives?: (dims: Readonly<Record<string, number>>, args: Record<string, unknown>) => Record<string, number>;
}

/**
 * An op: the contract between lemmata and implementations. `args` and `result` are TypeBox
 * schemas (JSON Schema) with lemmata's shape keywords (src/ops/schema.ts); `signature` and
 * `tensors` are derived from them by `defineOp`.
 */
export interface OpDef<Id extends string = string, A extends TSchema = TObject, R extends TSchema = TSchema> {
  id: Id;
  description: string;
  /** The argument object: field → schema (element type, shape symbols). */
  args: A;
  /** The result: a scalar, a tensor, a tuple, a list or a record. */
  result: R;
  constraints: readonly ShapeConstraint[];
  /** One-line rendering of args → result, e.g. `{ q: float[T, d], k: float[S, d], v: float[S, e], causal: boolean } → float[T, e]`. */
  signature: string;
  /**
   * Arguments that travel as tensors on the line protocol (spec/protocol.md): field → element
   * kind. Floats use the request's dtype, ints `int32`. Other fields are plain JSON.
   */
  tensors: Record<string, 'float' | 'int'>;
  /**
   * The standard algorithms a correct implementation may use; the default bound is derived to
   * cover every one of them in the op's dtype (spec/ops.md lists them). An algorithm whose
   * coverage would loosen the default bound until real bugs pass is `declared`: an implementation
   * names it in its profile and gets that algorithm's own derived bound, stated in the report.
   */
  algorithms?: readonly OpAlgorithm[];
  /** The input classes the op's generators guarantee a share of the runs (spec/ops.md lists them). */
  inputClasses?: readonly InputClass[];
  /** Inputs on which every correct algorithm is exact (convention bugs show at any size), or why there are none. */
  exactFriendly?: string;
  /**
   * A sampling op: seeded random outputs, checked statistically as a distribution — no golden
   * fixtures, no per-output oracle (SAMPLING_OP_IDS in src/ops/index.ts lists them).
   */
  sampling?: true;
}

export interface OpAlgorithm {
  name: string;
  description: string;
  /** Covered by the default bound (false: must be declared in the implementation's profile). */
  default: boolean;
}

export interface InputClass {
  name: string;
  description: string;
  /** The minimum share of generated inputs in this class (0–1). */
  minShare: number;
}
