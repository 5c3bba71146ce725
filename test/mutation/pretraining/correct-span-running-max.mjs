// Correct: O(n) windowed running maximum of the start scores (monotone deque), one float sum per j.
export const meta = { op: 'pre.squad-best-span', kind: 'correct', class: 'running maximum', description: 'for each end j the best start in [j − L + 1, j] from a monotone deque; O(n)' };
function best({ start, end, maxLen }) {
  const dq = []; let bi = 0, bj = 0, bs = -Infinity;
  for (let j = 0; j < start.length; j++) {
    while (dq.length && start[dq[dq.length - 1]] <= start[j]) dq.pop();
    dq.push(j);
    while (dq[0] <= j - maxLen) dq.shift();
    const s = start[dq[0]] + end[j];
    if (s > bs) { bs = s; bi = dq[0]; bj = j; }
  }
  return { start: bi, end: bj };
}
export default { name: 'correct-span-running-max', dtype: 'float64', ops: { 'pre.squad-best-span': best } };
