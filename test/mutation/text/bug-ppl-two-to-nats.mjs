// Bug: 2^H with H in nats (the reading 004:249 invites when the loss is in nats).
import { entry } from './_ppl.mjs';
export const meta = { op: 'text.perplexity', kind: 'bug', class: 'base', description: '2^{H} with H = −mean(ln p)' };
export default entry('bug-ppl-two-to-nats', { natsAlways: true, twoToNats: true });
