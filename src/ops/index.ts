/**
 * The op catalogue: the contract between lemmata and any implementation under test, one module per
 * domain (src/registry/domains.ts). Arguments are one plain JSON-compatible object; matrices are
 * arrays of rows. Arguments and results are declared as schemas (src/ops/schema.ts), from which come
 * the TypeScript types below, reply validation (src/ops/schema-check.ts), spec/ops.md and schemas/. Every op has an oracle (src/oracles/<domain>.ts), an error-bound model
 * (src/numerics/bounds*.ts), arbitraries, and (except sampling ops) fixtures (src/fixtures/<domain>.ts).
 */
import type { Static } from '@sinclair/typebox';
import type { OpDef } from '../registry/types.js';
import type { OpDomain } from '../registry/domains.js';
import { OPS as attention } from './attention.js';
import { OPS as softmax } from './softmax.js';
import { OPS as normalisation } from './normalisation.js';
import { OPS as statistics } from './statistics.js';
import { OPS as sampling } from './sampling.js';
import { OPS as regression } from './regression.js';
import { OPS as quantisation } from './quantisation.js';
import { OPS as convolution } from './convolution.js';
import { OPS as sequence } from './sequence.js';
import { OPS as recurrent } from './recurrent.js';
import { OPS as stateSpace } from './state-space.js';
import { OPS as optimisation } from './optimisation.js';
import { OPS as text } from './text.js';
import { OPS as fourier } from './fourier.js';
import { OPS as peft } from './peft.js';
import { OPS as decoding } from './decoding.js';
import { OPS as pretraining } from './pretraining.js';
import { OPS as alignment } from './alignment.js';
import { OPS as retrieval } from './retrieval.js';

export const OPS_BY_DOMAIN = {
  attention, softmax, normalisation, statistics, sampling, regression, quantisation,
  convolution, sequence, recurrent, 'state-space': stateSpace, optimisation, text, fourier, peft, decoding, pretraining, alignment, retrieval,
} as const satisfies Record<OpDomain, readonly OpDef[]>;

export const OPS: readonly OpDef[] = Object.values(OPS_BY_DOMAIN).flat();

/**
 * The sampling ops (`sampling: true` on the op definition): seeded random outputs, checked
 * statistically (no golden fixtures, no per-output judge).
 */
export const SAMPLING_OP_IDS: readonly string[] = OPS.filter((o) => o.sampling).map((o) => o.id);

type AnyOp = (typeof OPS_BY_DOMAIN)[OpDomain][number];
/** Every op id of the catalogue, as a type. */
export type OpId = AnyOp['id'];
type OpOf<I extends OpId> = Extract<AnyOp, { id: I }>;
/** The argument object of an op, e.g. `OpArgs<'norm.layernorm'>` = `{ x: number[][]; gamma: number[]; beta: number[]; eps: number }`. */
export type OpArgs<I extends OpId> = Static<OpOf<I>['args']>;
/** The result of an op, e.g. `OpResult<'seq.crf-viterbi'>` = `{ path: number[]; score: number }`. */
export type OpResult<I extends OpId> = Static<OpOf<I>['result']>;
/** An implementation of one op (a JS module may return a promise). */
export type OpFunction<I extends OpId> = (args: OpArgs<I>) => OpResult<I> | Promise<OpResult<I>>;
/** A typed op table: any subset of the catalogue. */
export type OpTable = { [I in OpId]?: OpFunction<I> };

export function opById(id: string): OpDef | undefined {
  return OPS.find((o) => o.id === id);
}

export function domainOfOp(id: string): OpDomain | undefined {
  return (Object.keys(OPS_BY_DOMAIN) as OpDomain[]).find((d) => OPS_BY_DOMAIN[d].some((o) => o.id === id));
}
