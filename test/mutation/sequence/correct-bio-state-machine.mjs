// one open chunk: O closes, B opens, I extends or opens
import { bioEntry } from './_marg.mjs';
export const meta = { op: 'seq.bio-decode', kind: 'correct', class: 'open-chunk state machine', description: 'one open chunk: O closes, B opens, I extends or opens' };
export default bioEntry('correct-bio-state-machine', {});
