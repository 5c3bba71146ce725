/**
 * `lemmata/vitest`: conformance checks inside your own vitest suites.
 *
 *   import { testOp } from 'lemmata/vitest';      // importing it also registers the matcher
 *
 *   expect(mySoftmax({ x })).toConformTo('nn.softmax', { x }, { dtype: 'float32' });
 *   testOp('norm.layernorm', myLayerNorm, { dtype: 'float32', numRuns: 200, seed: 1 });
 *
 * `toConformTo` judges one output exactly against the op's oracle within the bound derived for
 * those arguments (src/fixtures/accept.ts). `testOp` registers a test that runs the op's
 * fast-check arbitrary through your function and judges every output, shrinking a failure to a
 * minimal counterexample; `conformsTo` does the same inside a test you write. For vitest's
 * `setupFiles`, use `lemmata/vitest/setup`.
 *
 * vitest is a peer dependency of this entry point (optional for the rest of the package).
 */
import { expect, test } from 'vitest';
import fc from 'fast-check';
import { judge, assertJudged, type JudgeOptions } from '../fixtures/accept.js';
import { opArbitrary } from './arbitraries.js';
import type { OpFunction } from './conform.js';

export type { JudgeOptions, PrecisionProfile } from '../fixtures/accept.js';
export type { OpFunction } from './conform.js';

/** The matchers this module registers with `expect.extend`. */
export interface LemmataMatchers<R = unknown> {
  /** The received output of `opId` on `args` is within the derived bound of the exact result (ties accepted as the gate does). */
  toConformTo(opId: string, args: Record<string, unknown>, options?: JudgeOptions): R;
}

declare module 'vitest' {
  // `T = any` mirrors vitest's own declaration of Matchers (required for the augmentation to merge).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends LemmataMatchers<T> {}
}

interface MatcherContext { isNot: boolean }

export const matchers = {
  toConformTo(this: MatcherContext, received: unknown, opId: string, args: Record<string, unknown>, options: JudgeOptions = {}) {
    const r = judge(opId, args, received, options);
    const dtype = options.dtype ?? 'float32';
    return {
      pass: r.ok,
      message: () => (r.ok
        ? `expected the output not to conform to ${opId} [${dtype}], but it does: ${r.detail}`
        : `expected the output to conform to ${opId} [${dtype}]: ${r.detail}`),
    };
  },
};

/** Register the matchers with vitest's `expect` (idempotent; importing this module already does it). */
export function setup(): void {
  expect.extend(matchers);
}

setup();

export interface ConformsToOptions extends JudgeOptions {
  /** Generated inputs (default 100). */
  numRuns?: number;
  /** fast-check seed (default: fast-check's random seed, printed on failure). */
  seed?: number;
  /** Replay path printed by a failure (with its seed). */
  path?: string;
  /** Stop generating after this many milliseconds (the inputs run so far count). */
  interruptAfterTimeLimit?: number;
}

export interface TestOpOptions extends ConformsToOptions {
  /** Test name (default "<op> conforms [<dtype>]"). */
  name?: string;
  /** Test timeout in milliseconds. */
  timeout?: number;
}

/**
 * Run the op's arbitrary through `fn` and judge every output; a failure is shrunk by fast-check
 * and thrown with its counterexample, seed and path. Each call gets its own copy of the arguments.
 */
export async function conformsTo(opId: string, fn: OpFunction, options: ConformsToOptions = {}): Promise<void> {
  assertJudged(opId);
  const call = fn as (a: Record<string, unknown>) => unknown;
  const dtype = options.dtype ?? 'float32';
  const details = await fc.check(
    fc.asyncProperty(opArbitrary(opId), async (args) => {
      const output = await call(structuredClone(args));
      const r = judge(opId, args, output, options);
      if (!r.ok) throw new Error(r.detail);
    }),
    {
      numRuns: options.numRuns ?? 100,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.path !== undefined ? { path: options.path } : {}),
      ...(options.interruptAfterTimeLimit !== undefined ? { interruptAfterTimeLimit: options.interruptAfterTimeLimit, markInterruptAsFailure: false } : {}),
    },
  );
  if (!details.failed) return;
  const cause = details.errorInstance;
  const why = cause instanceof Error ? cause.message : String(cause);
  throw new Error(
    `${opId} [${dtype}] does not conform: ${why}\n` +
    `Counterexample: ${fc.stringify(details.counterexample)}\n` +
    `Shrunk ${details.numShrinks} time(s) after ${details.numRuns} run(s); replay with { seed: ${details.seed}, path: ${JSON.stringify(details.counterexamplePath)} }`,
    { cause },
  );
}

/** Register a vitest test that checks `fn` against `opId` on generated inputs (see {@link conformsTo}). */
export function testOp(opId: string, fn: OpFunction, options: TestOpOptions = {}): void {
  const name = options.name ?? `${opId} conforms [${options.dtype ?? 'float32'}]`;
  test(name, () => conformsTo(opId, fn, options), options.timeout);
}
