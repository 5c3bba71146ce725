/**
 * `lemmata/oracles`: the exact oracles by op id, and the judge that accepts or rejects an output
 * within the bound derived for that very input (ties accepted the way the gate accepts them).
 *
 *   ORACLES['norm.layernorm'](args)            → Expected (exact values / enclosures + per-dtype bounds) | null
 *   judge('norm.layernorm', args, output, { dtype: 'float32' }) → { ok, ratio?, detail, expected }
 *   accept(expected, output, dtype, args?)       → { ok, ratio?, detail }   (e.g. for a case of fixtures/<op>.json)
 *
 * The lower-level exact reference functions are re-exported per domain (`attention`, `softmax`, …).
 * Sampling ops (`random.*`) have no judge: `judge` throws NoJudgeError (they are checked statistically by `conform`).
 */
import { JUDGED_OPS, expectedFor, type PrecisionProfile } from '../fixtures/accept.js';
import type { Expected } from '../fixtures/format.js';

export {
  accept, judge, expectedFor, assertJudged, toFixtureLayout, normalizeValue, fixtureOp, JUDGED_OPS, NoJudgeError,
  type Acceptance, type Judgement, type JudgeOptions, type PrecisionProfile,
} from '../fixtures/accept.js';
export { PROFILE as FIXTURE_PROFILE } from '../fixtures/format.js';
export type { Expected, ExactElement, EnclosureElement, IntegerElement, PerDtype, FixtureOp, Json } from '../fixtures/format.js';

/** An op's exact oracle: the expected result of `args` with bounds for both dtypes (null: infinite bound). */
export type Oracle = (args: Record<string, unknown>, profile?: PrecisionProfile) => Expected | null;

/** The exact oracle of every deterministic op, by op id. */
export const ORACLES: Readonly<Record<string, Oracle>> = Object.freeze(Object.fromEntries(
  JUDGED_OPS.map((id): [string, Oracle] => [id, (args, profile) => expectedFor(id, args, profile)]),
));

export * as attention from '../oracles/attention.js';
export * as convolution from '../oracles/convolution.js';
export * as gradients from '../oracles/gradients.js';
export * as graph from '../oracles/graph.js';
export * as normalisation from '../oracles/normalisation.js';
export * as optimisation from '../oracles/optimisation.js';
export * as pca from '../oracles/pca.js';
export * as quantisation from '../oracles/quantisation.js';
export * as recurrent from '../oracles/recurrent.js';
export * as regression from '../oracles/regression.js';
export * as sequence from '../oracles/sequence.js';
export * as softmax from '../oracles/softmax.js';
export * as stateSpace from '../oracles/state-space.js';
export * as statistics from '../oracles/statistics.js';
export * as text from '../oracles/text.js';
