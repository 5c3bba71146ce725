// top-k keeps exactly k words (torch.topk), dropping words tied with the k-th
import { sampleEntry } from './_sample.mjs';
export const meta = { op: 'dec.sample', kind: 'bug', class: 'top-k', description: 'top-k keeps exactly k words (torch.topk), dropping words tied with the k-th' };
export default sampleEntry('bug-sample-topk-exactly-k', { exactlyK: true });
