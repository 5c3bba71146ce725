// Correct: conlleval.pl's startOfChunk / endOfChunk predicates on (previous tag, current tag).
export const meta = { op: 'seq.bio-decode', kind: 'correct', class: 'conlleval predicates', description: 'endOfChunk / startOfChunk of conlleval.pl' };
const split = (t) => (t === 'O' ? ['O', ''] : [t[0], t.slice(2)]);
function decode({ tags }) {
  const out = [];
  let [pt, pty] = ['O', ''], start = 0;
  for (let i = 0; i <= tags.length; i++) {
    const [t, ty] = i < tags.length ? split(tags[i]) : ['O', ''];
    const end = (pt === 'B' || pt === 'I') && (t === 'B' || t === 'O' || (t === 'I' && ty !== pty));
    const st = t === 'B' || (t === 'I' && (pt === 'O' || ty !== pty));
    if (end) out.push([start, i - 1, pty]);
    if (st) start = i;
    [pt, pty] = [t, ty];
  }
  return out;
}
export default { name: 'correct-bio-conlleval', dtypes: ['float32', 'float64'], ops: { 'seq.bio-decode': decode } };
