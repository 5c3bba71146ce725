/**
 * The op catalogue: the contract between lemmata and any implementation under test, one module per
 * domain (src/registry/domains.ts). Arguments are one plain JSON-compatible object; matrices are
 * arrays of rows. Every op has an oracle (src/oracles/<domain>.ts), an error-bound model
 * (src/numerics/bounds*.ts), arbitraries, and (except sampling ops) fixtures (src/fixtures/<domain>.ts).
 */
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

export const OPS_BY_DOMAIN = {
  attention, softmax, normalisation, statistics, sampling, regression, quantisation,
  convolution, sequence, recurrent, 'state-space': stateSpace, optimisation, text,
} as const satisfies Record<OpDomain, readonly OpDef[]>;

export const OPS: readonly OpDef[] = Object.values(OPS_BY_DOMAIN).flat();

export function opById(id: string): OpDef | undefined {
  return OPS.find((o) => o.id === id);
}

export function domainOfOp(id: string): OpDomain | undefined {
  return (Object.keys(OPS_BY_DOMAIN) as OpDomain[]).find((d) => OPS_BY_DOMAIN[d].some((o) => o.id === id));
}
