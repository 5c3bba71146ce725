// GPT-2 pattern compiled case-insensitively ('S split off like 's)
import { entry } from './_pretok.mjs';
export const meta = { op: 'text.pretokenize', kind: 'bug', class: 'gpt2', description: "GPT-2 pattern compiled case-insensitively ('S split off like 's)" };
export default entry('bug-pretok-gpt2-ignore-case', { ignoreCase: true });
