/**
 * Report files are replaced atomically: each is written to a temporary file in its own directory,
 * flushed to disk, and renamed over the old one. A run killed at any moment (even SIGKILL) leaves
 * every report file either the previous complete version or the new complete one — never a
 * truncated file. A set of files is renamed in the order given, so the caller puts the
 * authoritative file (conform.json) last: when it is new, the whole set is new.
 */
import fs from 'node:fs';
import path from 'node:path';

const TMP_RE = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.lemmata-tmp$/;

function tempName(target: string): string {
  const rand = Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0');
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${rand}.lemmata-tmp`);
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** Remove temporary files of `target` left by a runner that was killed while writing (its pid is gone). */
function removeStaleTemps(target: string): void {
  const dir = path.dirname(target);
  let names: string[];
  try { names = fs.readdirSync(dir); } catch { return; }
  for (const n of names) {
    const m = TMP_RE.exec(n);
    if (!m || m[1] !== path.basename(target) || alive(Number(m[2]))) continue;
    try { fs.unlinkSync(path.join(dir, n)); } catch { /* raced with another cleaner */ }
  }
}

function writeTemp(target: string, content: string): string {
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  removeStaleTemps(target);
  const tmp = tempName(target);
  const fd = fs.openSync(tmp, 'w', 0o644);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return tmp;
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
  } catch { /* not supported here (e.g. some network file systems): the renames still happened */ }
}

/** Replace one file atomically. */
export function writeFileAtomic(target: string, content: string): void {
  writeReportSet([[target, content]]);
}

/**
 * Write every file to a temporary file first, then rename them into place in the order given
 * (the authoritative one last). If writing any temporary file fails, none is renamed and the
 * temporary files are removed.
 */
export function writeReportSet(files: readonly (readonly [string, string])[]): void {
  const temps: [string, string][] = [];
  try {
    for (const [target, content] of files) temps.push([writeTemp(target, content), target]);
  } catch (e) {
    for (const [tmp] of temps) { try { fs.unlinkSync(tmp); } catch { /* already gone */ } }
    throw e;
  }
  for (const [tmp, target] of temps) fs.renameSync(tmp, target);
  for (const dir of new Set(temps.map(([, t]) => path.dirname(path.resolve(t))))) fsyncDir(dir);
}
