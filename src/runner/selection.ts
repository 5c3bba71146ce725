/**
 * Selecting ops, claims and properties from the command line (`--ops`, `--claims`).
 *
 * A selection is a list of patterns (repeated flags and comma-separated values accumulate):
 * picomatch globs (`*`, `?`, `[abc]`, `{a,b}`), and a leading `!` excludes. A positive
 * pattern that matches no known id is a usage error (a typo must never select nothing silently),
 * with the closest known id as a hint.
 *
 * Properties are selected through their ops: a property is selected when (no positive op
 * pattern is given, or one of its ops matches a positive pattern) and none of its ops matches an
 * exclusion; likewise for claim patterns, which match a claim id or a property id `claim/name`.
 */

import picomatch from 'picomatch';

export class SelectionError extends Error {}

export interface Patterns { include: RegExp[]; exclude: RegExp[]; raw: string[] }

/** A glob as a RegExp, by picomatch (`*`, `?`, `[…]`, `{a,b}`; `*` does not cross the `/` of `claim/property`). */
function globRegExp(glob: string): RegExp {
  return picomatch.makeRe(glob, { dot: true });
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length]!;
}

export function closest(id: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bd = Infinity;
  for (const k of known) {
    const dd = distance(id, k);
    if (dd < bd) { bd = dd; best = k; }
  }
  return bd <= Math.max(3, Math.floor(id.length / 3)) ? best : undefined;
}

/**
 * Parse comma-separated patterns; every positive pattern must match at least one of `known`
 * (`what` names the kind of id in the error).
 */
export function parsePatterns(spec: string | undefined, known: readonly string[], what: string): Patterns {
  const raw = (spec ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const include: RegExp[] = [], exclude: RegExp[] = [];
  for (const p of raw) {
    const neg = p.startsWith('!');
    const body = neg ? p.slice(1) : p;
    if (body === '') throw new SelectionError(`empty ${what} pattern '${p}'`);
    const re = globRegExp(body);
    if (!known.some((k) => re.test(k))) {
      const hint = /[*?]/.test(body) ? undefined : closest(body, known);
      throw new SelectionError(`unknown ${what} '${body}'${hint ? ` (did you mean '${hint}'?)` : ''}; \`lemmata list\` shows them`);
    }
    (neg ? exclude : include).push(re);
  }
  return { include, exclude, raw };
}

/** Does a thing with these ids pass the patterns? (any id matching a positive; none an exclusion) */
export function selects(p: Patterns, ids: readonly string[]): boolean {
  if (p.exclude.some((re) => ids.some((id) => re.test(id)))) return false;
  return p.include.length === 0 || p.include.some((re) => ids.some((id) => re.test(id)));
}
