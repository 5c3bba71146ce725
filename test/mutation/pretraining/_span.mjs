// Shared helpers of the pre.squad-best-span corpus entries: a best span over a set of legal pairs.
export function bestOver(start, end, legal) {
  let bi = -1, bj = -1, bs = -Infinity;
  for (let i = 0; i < start.length; i++) for (let j = 0; j < end.length; j++) {
    if (!legal(i, j)) continue;
    const s = start[i] + end[j];
    if (s > bs) { bs = s; bi = i; bj = j; }
  }
  return { start: bi, end: bj };
}
