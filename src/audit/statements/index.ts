/**
 * The statements of the notes, one module per domain (src/audit/statements/<domain>.ts); the
 * registry is typed against the domain list, so a domain missing here is a compile error.
 */
import type { Domain } from '../../registry/domains.js';
import type { StatementDef } from './types.js';
import { STATEMENTS as attention } from './attention.js';
import { STATEMENTS as convolution } from './convolution.js';
import { STATEMENTS as gradients } from './gradients.js';
import { STATEMENTS as graph } from './graph.js';
import { STATEMENTS as normalisation } from './normalisation.js';
import { STATEMENTS as optimisation } from './optimisation.js';
import { STATEMENTS as pca } from './pca.js';
import { STATEMENTS as quantisation } from './quantisation.js';
import { STATEMENTS as recurrent } from './recurrent.js';
import { STATEMENTS as regression } from './regression.js';
import { STATEMENTS as retrieval } from './retrieval.js';
import { STATEMENTS as sequence } from './sequence.js';
import { STATEMENTS as stateSpace } from './state-space.js';
import { STATEMENTS as statistics } from './statistics.js';
import { STATEMENTS as text } from './text.js';
import { STATEMENTS as fourier } from './fourier.js';
import { STATEMENTS as peft } from './peft.js';
import { STATEMENTS as decoding } from './decoding.js';
import { STATEMENTS as pretraining } from './pretraining.js';
import { STATEMENTS as alignment } from './alignment.js';
import { STATEMENTS as scaling } from './scaling.js';

export const STATEMENTS_BY_DOMAIN = {
  attention, softmax: [], normalisation, statistics, sampling: [], regression, quantisation, convolution, sequence,
  recurrent, 'state-space': stateSpace, optimisation, text, gradients, pca, graph, retrieval,
  fourier, peft, decoding, pretraining, alignment, scaling,
} as const satisfies Record<Domain, readonly StatementDef[]>;

export { NOTES_FILES, NOTES_KEYS, type NotesKey, type StatementDef } from './types.js';
