// Bug: V taken as the number of distinct training words instead of the vocabSize given.
import { entry } from './_ngram.mjs';
export const meta = { op: 'text.ngram-prob', kind: 'bug', class: 'vocabulary', description: 'V = distinct words seen in training, vocabSize ignored' };
export default entry('bug-ngram-seen-vocab', { vocabSize: (a) => new Set(a.sentences.flat()).size });
