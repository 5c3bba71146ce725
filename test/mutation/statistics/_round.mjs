// Shared helpers of the statistics corpus (not an entry).
export const round = (dtype) => (dtype === 'float32' ? (x) => { const r = Math.fround(x); return Object.is(r, -0) ? 0 : r; } : (x) => x);
export const nanIfEmpty = (n, c) => n - c <= 0;
