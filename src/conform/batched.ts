/**
 * Batched evaluation of synchronous properties against an asynchronous implementation.
 *
 * A property's `check(input, impl)` calls ops synchronously. Here `impl` is a *facade* backed by a
 * cache of results: a call whose result is cached returns it; a call that is not yet cached is
 * recorded and aborts the check with `PENDING`. All pending calls of all inputs are then sent in
 * one batched request per op, and the checks are re-run until none is pending (as many rounds as
 * the longest chain of dependent calls, e.g. quantisation parameters → quantise → dequantise).
 *
 * Inputs are generated with `fc.sample(arbitrary, { seed, numRuns })`, which yields exactly the
 * inputs `fc.check` generates for the same seed, so the subsequent `fc.check` — which finds the
 * failure and shrinks it — hits the cache for every generated input and calls the implementation
 * (one request per call) only for shrinking candidates.
 */
import fc from 'fast-check';
import type { Dtype, Implementation, Outcome, PropertyDef } from '../registry/types.js';
import type { AsyncImpl, BatchItem } from './async-impl.js';
import { readResult, validateResult } from '../ops/schema-check.js';

export const PENDING: unique symbol = Symbol('lemmata.pending-call');

/** Thrown by the facade when the implementation answered an item with an error. */
export class ImplementationError extends Error {
  constructor(message: string, readonly infrastructure: boolean) {
    super(message);
  }
}

function keyOf(op: string, args: unknown): string {
  return `${op}\u0000${JSON.stringify(args, (_k, v) => (Object.is(v, -0) ? '-0' : v))}`;
}

/**
 * A reply item as the properties may see it: the protocol's non-finite floats read at the float
 * positions of the op's result, then validated against the op's schema (src/ops/schema-check.ts).
 * A result that does not match becomes an item error (not infrastructure: the implementation
 * answered, wrongly), so the property ends `error` with the message — never a crash, never a pass.
 */
export function checkItem(op: string, args: unknown, item: BatchItem | undefined, dtype: Dtype): BatchItem {
  if (item === undefined) return { error: 'missing result', infrastructure: true };
  if (!('ok' in item)) return item;
  const ok = readResult(op, item.ok);
  const problem = validateResult(op, args, ok, dtype);
  return problem === null ? { ok } : { error: `invalid result from ${op}: ${problem}` };
}

export class CallCache {
  private results = new Map<string, BatchItem>();
  pending = new Map<string, { op: string; args: Record<string, unknown> }>();
  requests = 0;
  items = 0;

  constructor(private impl: AsyncImpl, private dtype: Dtype, private batchSize: number) {}

  /** The synchronous Implementation facade the properties see. */
  facade(): Implementation {
    const ops: Record<string, (a: any) => any> = {};
    for (const [op, dtypes] of Object.entries(this.impl.ops)) {
      if (!dtypes.includes(this.dtype)) continue;
      // `replicate` k ≥ 1 asks for one more call with the same arguments (cached separately, sent
      // as another batch item): how the sampling properties test determinism for a given seed.
      ops[op] = (args: Record<string, unknown>, replicate?: number) => {
        const k = replicate ? `${keyOf(op, args)}\u0000replicate ${replicate}` : keyOf(op, args);
        const r = this.results.get(k);
        if (r === undefined) {
          this.pending.set(k, { op, args });
          throw PENDING;
        }
        if ('error' in r) throw new ImplementationError(r.error, r.infrastructure === true);
        return r.ok;
      };
    }
    return {
      name: this.impl.name,
      dtype: this.dtype,
      notes: [],
      ops,
      ...(this.impl.backend !== undefined ? { backend: this.impl.backend } : {}),
      profile: this.impl.profile,
    };
  }

  /** Send every pending call, grouped by op, in batches of at most `batchSize`. */
  async flush(): Promise<void> {
    const byOp = new Map<string, [string, Record<string, unknown>][]>();
    for (const [k, { op, args }] of this.pending) {
      if (!byOp.has(op)) byOp.set(op, []);
      byOp.get(op)!.push([k, args]);
    }
    this.pending.clear();
    // every request is issued before any reply is awaited: an implementation that pipelines (the
    // line protocol keeps two requests in flight) overlaps encoding, the program's work and decoding;
    // the requests still start in this order, so the calls an implementation sees are deterministic
    const sent: Promise<void>[] = [];
    for (const [op, calls] of byOp) {
      for (let i = 0; i < calls.length; i += this.batchSize) {
        const chunk = calls.slice(i, i + this.batchSize);
        this.requests++;
        this.items += chunk.length;
        sent.push(this.impl.callBatch(op, this.dtype, chunk.map(([, a]) => a)).then((res) => {
          chunk.forEach(([k, args], j) => this.results.set(k, checkItem(op, args, res[j], this.dtype)));
        }));
      }
    }
    await Promise.all(sent);
  }
}

/** Evaluate a check, fetching pending calls until it completes. Exceptions other than PENDING propagate. */
export async function evaluate<T>(prop: PropertyDef<T>, input: T, cache: CallCache, facade: Implementation): Promise<Outcome> {
  for (let round = 0; round < 64; round++) {
    try {
      return prop.check(input, facade);
    } catch (e) {
      if (e !== PENDING) throw e;
      await cache.flush();
    }
  }
  throw new Error('too many rounds of dependent calls');
}

/**
 * Evaluate all inputs with batched calls: every round runs all unfinished checks, collecting their
 * pending calls, then sends them together. Returns outcomes (or the thrown error) in input order.
 */
export async function evaluateAll<T>(prop: PropertyDef<T>, inputs: T[], cache: CallCache, facade: Implementation): Promise<(Outcome | { thrown: unknown })[]> {
  const out: (Outcome | { thrown: unknown } | undefined)[] = new Array(inputs.length);
  for (let round = 0; round < 64; round++) {
    let waiting = 0;
    for (let i = 0; i < inputs.length; i++) {
      if (out[i] !== undefined) continue;
      try {
        out[i] = prop.check(inputs[i]!, facade);
      } catch (e) {
        if (e === PENDING) waiting++;
        else out[i] = { thrown: e };
      }
    }
    if (waiting === 0) return out as (Outcome | { thrown: unknown })[];
    await cache.flush();
  }
  throw new Error('too many rounds of dependent calls');
}

export { fc };
