/**
 * The domains of lemmata, in one place. A domain has the same file stem in every layer that has
 * something for it: `src/oracles/<domain>.ts`, `src/ops/<domain>.ts`, `src/impl/tfjs/<domain>.ts`,
 * `src/fixtures/<domain>.ts` (ARCHITECTURE.md). Each layer's registry is typed against this list
 * (`satisfies Record<…>`), so a domain missing from a registry is a compile error, and
 * test/architecture/layout.test.ts checks that every file of a layer is a domain of this list.
 *
 * `claims` are the claim-id prefixes that belong to the domain (claim ids are public names and
 * never change; the prefix says where a claim's oracle lives).
 */
export const DOMAINS = {
  attention: { title: 'Attention and transformers', claims: ['attn', 'ffn'] },
  softmax: { title: 'Softmax', claims: [] },
  normalisation: { title: 'Normalisation layers', claims: ['norm', 'bn'] },
  statistics: { title: 'Statistics and estimation', claims: ['stats'] },
  sampling: { title: 'Seeded samplers', claims: [] },
  regression: { title: 'Linear regression', claims: ['reg'] },
  quantisation: { title: 'Quantisation', claims: ['quant'] },
  convolution: { title: 'Convolution and pooling', claims: ['cnn'] },
  sequence: { title: 'Sequence labelling', claims: ['seq'] },
  recurrent: { title: 'Recurrent networks and window language models', claims: ['rnn', 'lstm'] },
  'state-space': { title: 'State-space models', claims: ['ssm'] },
  optimisation: { title: 'Optimisation', claims: ['opt'] },
  text: { title: 'Tokenisation and text', claims: ['text'] },
  gradients: { title: 'Gradient estimators', claims: ['grad'] },
  pca: { title: 'PCA and linear autoencoders', claims: ['pca'] },
  graph: { title: 'Graphs and graph neural networks', claims: ['gnn'] },
  retrieval: { title: 'Retrieval and distillation', claims: ['ret'] },
  fourier: { title: 'Fourier analysis: transforms, the DFT and FFT, the STFT', claims: ['fourier'] },
  peft: { title: 'Parameter-efficient fine-tuning: LoRA, adapters, (IA)³, prefix tuning', claims: ['peft'] },
  decoding: { title: 'Decoding: greedy, beam search, top-k, top-p, temperature', claims: ['dec'] },
  pretraining: { title: 'Pretraining objectives: MLM, span corruption, denoising, QA heads', claims: ['pre'] },
  alignment: { title: 'Alignment: REINFORCE, reward models, KL penalties, DPO', claims: ['rlhf'] },
  scaling: { title: 'Scaling laws and multilingual sampling', claims: ['scale', 'ml'] },
} as const satisfies Record<string, { title: string; claims: readonly string[] }>;

export type Domain = keyof typeof DOMAINS;
export const DOMAIN_IDS = Object.keys(DOMAINS) as Domain[];

/** Domains that define ops (and so have a module in src/ops/ and src/impl/tfjs/). */
export type OpDomain =
  | 'attention' | 'softmax' | 'normalisation' | 'statistics' | 'sampling' | 'regression' | 'quantisation'
  | 'convolution' | 'sequence' | 'recurrent' | 'state-space' | 'optimisation' | 'text'
  | 'fourier' | 'peft' | 'decoding' | 'pretraining' | 'alignment' | 'retrieval';

/** Op domains with golden fixtures (sampling ops have none: their output depends on the generator). */
export type FixtureDomain = Exclude<OpDomain, 'sampling'>;

/** The domain a claim belongs to, by its id prefix. */
export function domainOfClaim(id: string): Domain | undefined {
  const prefix = id.slice(0, id.indexOf('.'));
  return DOMAIN_IDS.find((d) => (DOMAINS[d].claims as readonly string[]).includes(prefix));
}
