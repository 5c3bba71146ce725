// I-Y continues an open X chunk (type not compared)
import { bioEntry } from './_marg.mjs';
export const meta = { op: 'seq.bio-decode', kind: 'bug', class: 'comparison', description: 'I-Y continues an open X chunk (type not compared)' };
export default bioEntry('bug-bio-ignore-type', { ignoreType: true });
