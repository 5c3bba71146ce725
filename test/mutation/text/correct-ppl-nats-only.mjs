// Correct: always nats, e^H, whatever base is requested (the same number).
import { entry } from './_ppl.mjs';
export const meta = { op: 'text.perplexity', kind: 'correct', class: 'nats', description: 'e^{−mean(ln p)} for both bases' };
export default entry('correct-ppl-nats-only', { natsAlways: true });
