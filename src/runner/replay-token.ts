/**
 * A replay token carries everything needed to re-run one failing property exactly:
 * the property id, the fast-check seed and counterexample path, the number of runs and the
 * implementation (backend) it failed on. It is base64url(JSON) so it can be pasted in a shell.
 */
export interface ReplayInfo {
  v: 1;
  /** `<claim>/<property>` */
  property: string;
  seed: number;
  path: string;
  runs: number;
  /** A tfjs backend name, or `external` for an implementation given with --impl / --impl-cmd. */
  backend: string;
  /** The dtype of a conform run (external implementations). */
  dtype?: 'float32' | 'float64';
  /** The shrink guard of the original run (src/runner/counterexample.ts): [no subnormal inputs 0|1, min error/bound]. */
  guard?: [0 | 1, number];
}

/** The most runs a replay token may carry (`--runs` is at most 10⁶; replays rerun up to the failure). */
export const MAX_TOKEN_RUNS = 1_000_000;

export function encodeReplay(info: Omit<ReplayInfo, 'v'>): string {
  return Buffer.from(JSON.stringify({ v: 1, ...info }), 'utf8').toString('base64url');
}

export function decodeReplay(token: string): ReplayInfo {
  let obj: unknown;
  try {
    obj = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new Error('not a lemmata replay token');
  }
  const o = obj as Partial<ReplayInfo>;
  if (o.v !== 1 || typeof o.property !== 'string' || typeof o.seed !== 'number'
    || typeof o.path !== 'string' || typeof o.runs !== 'number' || typeof o.backend !== 'string') {
    throw new Error('not a lemmata replay token (missing fields)');
  }
  if (o.dtype !== undefined && o.dtype !== 'float32' && o.dtype !== 'float64') throw new Error('not a lemmata replay token (bad dtype)');
  // Tokens may come from untrusted reports or xfail files: bound the work they can ask for.
  if (!Number.isSafeInteger(o.runs) || o.runs < 1 || o.runs > MAX_TOKEN_RUNS) throw new Error(`not a usable replay token (runs must be an integer in [1, ${MAX_TOKEN_RUNS}])`);
  if (!Number.isSafeInteger(o.seed)) throw new Error('not a usable replay token (seed must be an integer)');
  if (o.guard !== undefined && !(Array.isArray(o.guard) && o.guard.length === 2 && (o.guard[0] === 0 || o.guard[0] === 1) && typeof o.guard[1] === 'number' && o.guard[1] >= 1 && o.guard[1] <= 1e6)) {
    throw new Error('not a usable replay token (bad shrink guard)');
  }
  if (o.path.length > 10_000 || !/^[0-9:]*$/.test(o.path)) throw new Error('not a usable replay token (bad counterexample path)');
  return o as ReplayInfo;
}
