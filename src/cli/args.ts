/**
 * What a command handler receives: positional arguments and flags (list flags joined with ',').
 * The command line is parsed by commander (src/cli/program.ts); this is its plain-data result.
 */
export class UsageError extends Error {}

export interface Parsed { positional: string[]; flags: Map<string, string | true> }

export function intFlag(p: Parsed, name: string, min: number, max: number): number | undefined {
  const v = p.flags.get(name);
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^-?\d+$/.test(v)) throw new UsageError(`--${name} must be an integer`);
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}`);
  return n;
}
