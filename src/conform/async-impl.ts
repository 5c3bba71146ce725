/**
 * An implementation under test seen through a batch interface: one call evaluates many argument
 * sets of one op. The line protocol, JS modules and the built-in tfjs implementation all fit it.
 */
import type { Dtype, Implementation } from '../registry/types.js';

export type BatchItem = { ok: unknown } | { error: string; infrastructure?: boolean };

/** `algorithms`: op id → a declared (non-default) algorithm of that op (OpDef.algorithms), judged with its own bound. */
export interface Profile { elementaryUlps: number; flushToZero: boolean; algorithms: Record<string, string> }

/** The `algorithms` field of a declared profile, kept only where it is a plain op → name map of short strings. */
export function parseAlgorithms(v: unknown): Record<string, string> | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, a] of Object.entries(v as Record<string, unknown>).slice(0, 64)) {
    if (typeof a === 'string' && k.length <= 100 && a.length <= 100) out[k] = a;
  }
  return Object.keys(out).length ? out : undefined;
}

export interface AsyncImpl {
  name: string;
  kind: 'module' | 'command' | 'builtin';
  /** The --impl path, the --impl-cmd command line, or the backend name. */
  spec: string;
  /** op id → dtypes it supports. */
  ops: Record<string, string[]>;
  /** Declared precision profile (line-protocol hello or module export); absent fields use defaults. */
  profile: Partial<Profile>;
  /** Backend name for per-backend defaults of the profile (built-in tfjs). */
  backend?: string;
  /** Evaluate a batch; never throws for implementation misbehaviour (items carry the error). */
  callBatch(op: string, dtype: Dtype, batch: Record<string, unknown>[]): Promise<BatchItem[]>;
  /** Infrastructure events (restarts, timeouts, crashes), deterministic text. */
  events: string[];
  /** Why the implementation never started (`deadImplementation`): every property is an error without being run. */
  notStarted?: string;
  close(): Promise<void>;
}

/** Wrap a synchronous Implementation (e.g. tfjs) as an AsyncImpl. */
export function fromSyncImplementation(impl: Implementation, kind: AsyncImpl['kind'], spec: string): AsyncImpl {
  const dtypes = [impl.dtype];
  return {
    name: impl.name,
    kind,
    spec,
    ops: Object.fromEntries(Object.keys(impl.ops).map((op) => [op, dtypes])),
    profile: { ...impl.profile },
    ...(impl.backend !== undefined ? { backend: impl.backend } : {}),
    events: [],
    async callBatch(op, _dtype, batch) {
      const fn = impl.ops[op]!;
      return batch.map((a) => {
        try {
          return { ok: fn(a) };
        } catch (e) {
          return { error: e instanceof Error ? e.message : String(e) };
        }
      });
    },
    async close() {},
  };
}

/**
 * The stand-in for an implementation that could not be started (failed handshake): it claims
 * every op so that every selected property ends as `error` with the reason, and the report is
 * still written (spec/protocol.md).
 */
export function deadImplementation(reason: string, kind: AsyncImpl['kind'], spec: string, opIds: readonly string[]): AsyncImpl {
  return {
    name: '(not started)',
    kind,
    spec,
    ops: Object.fromEntries(opIds.map((op) => [op, ['float32', 'float64']])),
    profile: {},
    events: [reason],
    notStarted: reason,
    async callBatch(_op, _dtype, batch) {
      return batch.map(() => ({ error: reason, infrastructure: true }));
    },
    async close() {},
  };
}
