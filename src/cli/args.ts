/**
 * A small, strict argument parser: unknown flags are usage errors (exit 2). `list` flags may be
 * repeated and take comma-separated values; their values accumulate (joined with ','). Any other
 * flag given twice is a usage error rather than silently keeping the last value.
 */
export class UsageError extends Error {}

export interface Parsed { positional: string[]; flags: Map<string, string | true> }

export function parseArgs(argv: string[], spec: Record<string, 'bool' | 'value' | 'list'>): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'bool') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    } else {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      const prev = flags.get(name);
      if (prev !== undefined && kind !== 'list') throw new UsageError(`--${name} given more than once`);
      flags.set(name, prev === undefined ? v : `${String(prev)},${v}`);
    }
  }
  return { positional, flags };
}

export function intFlag(p: Parsed, name: string, min: number, max: number): number | undefined {
  const v = p.flags.get(name);
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^-?\d+$/.test(v)) throw new UsageError(`--${name} must be an integer`);
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}`);
  return n;
}
