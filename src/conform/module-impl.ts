/**
 * `--impl ./adapter.mjs`: a JavaScript module whose default export (or namespace) is
 * `{ name, dtype? | dtypes?, profile?, ops: { 'op.id': (args, dtype) => result | Promise<result> } }`
 * (`dtype` is the request's dtype, one of those declared: a module serving both computes in it)
 * (spec/protocol.md, "JavaScript modules"). Results pass through the same decoder as the line
 * protocol, so typed arrays and tensor objects are accepted.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAlgorithms, type AsyncImpl, type BatchItem, type Profile } from './async-impl.js';
import { decodeValue } from './wire.js';

function plain(v: unknown): unknown {
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, e]) => [k, plain(e)]));
  return v;
}

export async function loadModuleImpl(modulePath: string): Promise<AsyncImpl> {
  const abs = path.resolve(modulePath);
  const mod = (await import(pathToFileURL(abs).href)) as Record<string, unknown>;
  const def = (mod['default'] ?? mod) as Record<string, unknown>;
  return moduleImplementation(def, modulePath, path.basename(modulePath));
}

/**
 * An implementation object `{ name, dtype | dtypes, profile?, ops }` (an `--impl` module's export,
 * or an object given to the library's `conform()`) as the gate's batch interface. `where` names it
 * in errors and becomes the report's `spec`; `profileOverride` replaces declared profile fields.
 */
export function moduleImplementation(def: Record<string, unknown>, where: string, defaultName: string, profileOverride: Partial<Profile> = {}): AsyncImpl {
  const modulePath = where;
  const ops = def['ops'] as Record<string, unknown> | undefined;
  if (!ops || typeof ops !== 'object') throw new Error(`${modulePath}: the module must export { name, ops: { 'op.id': function } }`);
  // `dtype: 'float64'` or `dtypes: ['float32', 'float64']`; anything else is an error, never a silent float32.
  const declared = def['dtypes'] ?? def['dtype'] ?? 'float32';
  const list = Array.isArray(declared) ? declared : [declared];
  if (list.length === 0 || list.some((d) => d !== 'float32' && d !== 'float64')) {
    throw new Error(`${modulePath}: dtype(s) ${JSON.stringify(declared)} not understood: use dtype: 'float32' | 'float64' or dtypes: ['float32', 'float64']`);
  }
  const dtypes = (['float32', 'float64'] as const).filter((d) => list.includes(d));
  const fns = Object.fromEntries(Object.entries(ops).filter(([, f]) => typeof f === 'function')) as Record<string, (a: unknown, dtype: string) => unknown>;
  if (Object.keys(fns).length === 0) throw new Error(`${modulePath}: 'ops' has no functions`);
  const p = { ...(def['profile'] ?? {}) as Partial<Profile>, ...profileOverride };
  const algorithms = parseAlgorithms(p.algorithms);
  return {
    name: typeof def['name'] === 'string' ? def['name'] : defaultName,
    kind: 'module',
    spec: modulePath,
    ops: Object.fromEntries(Object.keys(fns).map((k) => [k, [...dtypes]])),
    profile: {
      ...(typeof p.elementaryUlps === 'number' ? { elementaryUlps: p.elementaryUlps } : {}),
      ...(typeof p.flushToZero === 'boolean' ? { flushToZero: p.flushToZero } : {}),
      ...(algorithms ? { algorithms } : {}),
    },
    events: [],
    async callBatch(op, dtype, batch) {
      const fn = fns[op]!;
      const out: BatchItem[] = [];
      for (const a of batch) {
        try {
          out.push({ ok: decodeValue(plain(await fn(a, dtype))) });
        } catch (e) {
          out.push({ error: `implementation error: ${e instanceof Error ? e.message : String(e)}` });
        }
      }
      return out;
    },
    async close() {},
  };
}
