/**
 * Counterexamples that explain themselves.
 *
 * Shrinking drives a failure towards "small" inputs, and for float inputs small means towards 0:
 * left alone, fast-check turns a logic bug seen at error/bound ≈ 10¹² on ordinary numbers into a
 * subnormal input failing by a hair ("distance 7e-46 > bound 1e-323"), which reads like underflow
 * noise. The shrink guard keeps a shrunk counterexample as convincing as the failure it came from:
 *
 *  - if the first failure had no subnormal input, a shrink candidate with a subnormal input
 *    (0 < |x| < 2⁻¹²⁶, the float32 normal range, for every dtype) does not count as failing;
 *  - if the first failure had error/bound r > 4, a candidate failing with error/bound ≤ min(√r, 10)
 *    does not count as failing (a bug seen at r = 10¹² shrinks to a counterexample still ≥ 10× over
 *    its bound, not to one a hair over it).
 *
 * Which of the two a first failure is, is decided by experiment: its subnormal input values are
 * flushed to zero and the property is checked again. If it still fails, the bug shows on normal-range
 * numbers (`normal-range`), shrinking starts from the flushed input's ratio and may not re-enter
 * the subnormal range; if it passes, the failure needs subnormal values — the signature of
 * flush-to-zero or gradual-underflow handling, not of a wrong formula (`subnormal-only`).
 *
 * The guard is a function of the first failure, which a replay does not see (it jumps to the
 * shrunk input), so the guard travels in the replay token.
 */
export const MIN_NORMAL_F32 = 2 ** -126;

export interface ShrinkGuard {
  /** Reject candidates with subnormal inputs. */
  noSubnormal: boolean;
  /** A candidate must fail with error/bound above this (1 = any failure). */
  minRatio: number;
}

export const NO_GUARD: ShrinkGuard = { noSubnormal: false, minRatio: 1 };

/** Does the input hold a finite nonzero number below the float32 normal range? */
export function hasSubnormal(v: unknown, depth = 0): boolean {
  if (typeof v === 'number') return v !== 0 && Number.isFinite(v) && Math.abs(v) < MIN_NORMAL_F32;
  if (depth > 32 || v === null || typeof v !== 'object') return false;
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>).some((x) => hasSubnormal(x, depth + 1));
  if (Array.isArray(v)) return v.some((x) => hasSubnormal(x, depth + 1));
  return Object.values(v as Record<string, unknown>).some((x) => hasSubnormal(x, depth + 1));
}

/** The guard for shrinking from this first failure. */
export function guardFrom(input: unknown, ratio: number | undefined): ShrinkGuard {
  const minRatio = ratio !== undefined && ratio > 4 ? Math.min(Math.sqrt(Math.min(ratio, 1e300)), 10) : 1;
  return { noSubnormal: !hasSubnormal(input), minRatio };
}

/**
 * Does the guard reject this candidate whatever its outcome? (It holds a subnormal number while the
 * guard keeps shrinking out of the subnormal range.) The runners skip such candidates without
 * evaluating them: a first failure with subnormals in a large input makes every one-step shrink of
 * it keep the other subnormals, and evaluating thousands of candidates that cannot be accepted was
 * most of the cost of a failing property.
 */
export function guardRejectsInput(g: ShrinkGuard, input: unknown): boolean {
  return g.noSubnormal && hasSubnormal(input);
}

/** Does a failing candidate count as a counterexample under the guard? */
export function guardAccepts(g: ShrinkGuard, input: unknown, ratio: number | undefined): boolean {
  return !guardRejectsInput(g, input) && guardAcceptsRatio(g, ratio);
}

/**
 * The ratio half of {@link guardAccepts}, for a candidate the runner already checked with
 * {@link guardRejectsInput} before evaluating it (the input is not walked a second time).
 */
export function guardAcceptsRatio(g: ShrinkGuard, ratio: number | undefined): boolean {
  return ratio === undefined || !Number.isFinite(ratio) || ratio > g.minRatio;
}

export type FailureClass = 'normal-range' | 'subnormal-only';

/** A copy of the input with every subnormal number replaced by 0 (same structure). */
export function flushSubnormals<T>(v: T, depth = 0): T {
  if (typeof v === 'number') return (hasSubnormal(v) ? 0 : v) as T;
  if (depth > 32 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => flushSubnormals(x, depth + 1)) as T;
  if (ArrayBuffer.isView(v) || Object.getPrototypeOf(v) !== Object.prototype) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) Object.defineProperty(out, k, { value: flushSubnormals(x, depth + 1), enumerable: true, writable: true, configurable: true });
  return out as T;
}

/**
 * Classify a first failure and choose the shrink guard. `recheck(flushed)` evaluates the property
 * on the input with subnormals flushed to zero: the error/bound ratio if it still fails, null if
 * it passes (or cannot be evaluated).
 */
export async function classifyFirstFailure(
  input: unknown, ratio: number | undefined, recheck: (flushed: unknown) => Promise<{ failed: boolean; ratio?: number } | null>,
): Promise<{ failureClass: FailureClass; guard: ShrinkGuard }> {
  if (!hasSubnormal(input)) return { failureClass: 'normal-range', guard: guardFrom(input, ratio) };
  const again = await recheck(flushSubnormals(input));
  if (again && again.failed) return { failureClass: 'normal-range', guard: { ...guardFrom(null, again.ratio), noSubnormal: true } };
  return { failureClass: 'subnormal-only', guard: guardFrom(input, ratio) };
}

/** Synchronous form for the built-in check path. */
export function classifyFirstFailureSync(
  input: unknown, ratio: number | undefined, recheck: (flushed: unknown) => { failed: boolean; ratio?: number } | null,
): { failureClass: FailureClass; guard: ShrinkGuard } {
  if (!hasSubnormal(input)) return { failureClass: 'normal-range', guard: guardFrom(input, ratio) };
  const again = recheck(flushSubnormals(input));
  if (again && again.failed) return { failureClass: 'normal-range', guard: { ...guardFrom(null, again.ratio), noSubnormal: true } };
  return { failureClass: 'subnormal-only', guard: guardFrom(input, ratio) };
}

/**
 * A JSON value for an input or output (reports must be plain JSON): non-finite numbers and −0 as
 * the protocol spells them ("NaN", "Infinity", "-Infinity", "-0"), typed arrays as arrays, bigints
 * and other objects with a custom toString (e.g. Rational) as strings, everything else structurally.
 * Large values are truncated with a marker (at most `maxItems` array elements in all).
 */
export function toJsonValue(v: unknown, budget = { left: 20_000 }, depth = 0): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (v === Infinity) return 'Infinity';
    if (v === -Infinity) return '-Infinity';
    if (Object.is(v, -0)) return '-0';
    return v;
  }
  if (typeof v === 'bigint') return v.toString();
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return null;
  if (depth > 64) return '…';
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return toJsonValue(Array.from(v as unknown as ArrayLike<number>), budget, depth);
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const x of v) {
      if (budget.left-- <= 0) { out.push(`… (${v.length - out.length} more)`); break; }
      out.push(toJsonValue(x, budget, depth + 1));
    }
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== null && proto !== Object.prototype && typeof (v as { toString?: unknown }).toString === 'function' && (v as object).toString !== Object.prototype.toString) {
    return String(v);
  }
  const out: Record<string, unknown> = {};
  // defineProperty: a key named __proto__ stays a plain key
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) Object.defineProperty(out, k, { value: toJsonValue(x, budget, depth + 1), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Compact JSON text of a report value, clipped to `max` characters (for consoles and documents). */
export function valueText(v: unknown, max = 2000): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length <= max ? s : `${s.slice(0, max)}… (${s.length} chars)`;
}
