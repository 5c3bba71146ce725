import picomatch from 'picomatch';
/**
 * Deterministic per-property seeds. Each property gets its own 32-bit seed derived from the run
 * seed and its id (FNV-1a over `seed:id`), so a property's inputs do not depend on which other
 * claims ran. (An earlier version also XORed the seed into the offset basis, which cancelled
 * against its own digit for one-digit seeds: --seed 1…9 all gave the same inputs. A test pins this.)
 */
export function propertySeed(runSeed: number, propertyId: string): number {
  let h = 0x811c9dc5;
  const s = `${runSeed}:${propertyId}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h | 0;
}

/** Globs on op or claim ids (picomatch), comma-separated alternatives. */
export function globToPredicate(glob: string | undefined): (id: string) => boolean {
  if (!glob) return () => true;
  const res = glob.split(',').map((g) => g.trim()).filter(Boolean).map((g) => picomatch.makeRe(g, { dot: true }));
  return (id) => res.some((r) => r.test(id));
}
