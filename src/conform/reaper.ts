/**
 * The reaper: a tiny supervisor process that kills the implementation's process groups when the
 * runner dies without cleaning up — SIGKILL, an OOM kill, a crash of node itself — where no
 * 'exit' hook or signal handler of the runner can run.
 *
 * One reaper per runner process, started (detached: a session and process group of its own, so a
 * signal to the runner's group does not reach it first) on the first `ProcessGroup`. Its stdin is a
 * pipe whose only write end is held by the runner (node opens it close-on-exec: no adapter inherits
 * it), so the kernel closes it when the runner dies, however it dies. The runner writes one line per
 * event: `+ PGID` when it started a group, `- PGID` when it terminated one. On end of input the
 * reaper runs the kill sequence on every group still registered — SIGTERM to the group, its session
 * and every descendant found, then SIGKILL after KILL_GRACE_MS to whatever is left — and exits.
 * A runner that exits normally has unregistered every group, so the reaper just exits.
 *
 * What it finds (Linux, /proc): the group's members (kill(-pgid)); the members of its session
 * (the adapter's shell called setsid(), so sid = pgid: a child that moved to a group of its own with
 * setpgid() is still there); every descendant of the leader and of those (a child that called
 * setsid() while its parent lives); and every process it has seen as a descendant before (it walks
 * /proc/PID/task/TID/children from the group every WATCH_MS while the runner lives, and checks the
 * start time before signalling, so a recycled pid is never hit). What escapes: a daemon that both
 * left the session (setsid) and lost its parent (double fork) within less than WATCH_MS — it is
 * re-parented to init and nothing links it to the adapter any more — and any process that moved to
 * another PID namespace. A cgroup would close that gap, but it needs a writable cgroup hierarchy
 * (cgroup v2 delegation), which the runner cannot assume; PR_SET_CHILD_SUBREAPER needs prctl, which
 * node does not expose. Elsewhere than Linux (no /proc) only the group kill applies.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** How often the reaper records the descendants of each registered group (ms). */
export const WATCH_MS = 250;
/** SIGTERM → SIGKILL in the reaper's kill sequence (ms): the same grace as the runner's. */
export const REAPER_GRACE_MS = 500;

/** The reaper's program (run as `node -e`): no file to locate, whether the runner runs from dist/ or src/. */
export const REAPER_SOURCE = String.raw`
'use strict';
const fs = require('fs');
// node -e: process.argv is [node, ...the arguments after the code]
const GRACE = Number(process.argv[1]), WATCH = Number(process.argv[2]);
if (!(GRACE >= 0) || !(WATCH >= 10)) process.exit(2);
const HAS_PROC = process.platform === 'linux' && fs.existsSync('/proc/self/stat');
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGPIPE']) process.on(s, () => {});
const groups = new Map(); // pgid -> Map(pid -> start time) of the processes seen as its descendants
function stat(pid) {
  try {
    const s = fs.readFileSync('/proc/' + pid + '/stat', 'latin1');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { pid, state: f[0], ppid: +f[1], pgrp: +f[2], sid: +f[3], start: f[19] };
  } catch { return null; }
}
function children(pid) {
  const out = [];
  let tasks;
  try { tasks = fs.readdirSync('/proc/' + pid + '/task'); } catch { return out; }
  for (const t of tasks) {
    try { for (const c of fs.readFileSync('/proc/' + pid + '/task/' + t + '/children', 'latin1').split(' ')) if (c) out.push(+c); } catch {}
  }
  return out;
}
/** Walk the tree below the group's known processes and record every process found (cheap: children files only). */
function watch(pgid, known) {
  const queue = [];
  for (const [pid, start] of known) { const s = stat(pid); if (s && s.start === start) queue.push(pid); else known.delete(pid); }
  const seen = new Set();
  while (queue.length) {
    const pid = queue.pop();
    if (seen.has(pid)) continue;
    seen.add(pid);
    for (const c of children(pid)) {
      const s = stat(c);
      if (s && s.state !== 'Z') { known.set(c, s.start); queue.push(c); }
    }
  }
}
/** Every process of the group now: members of its group and session, descendants of those, known processes still the same. */
function members(pgid, known) {
  if (!HAS_PROC) return [];
  const all = [];
  for (const n of fs.readdirSync('/proc')) { if (n.charCodeAt(0) >= 48 && n.charCodeAt(0) <= 57) { const s = stat(+n); if (s) all.push(s); } }
  const kids = new Map();
  for (const p of all) { if (!kids.has(p.ppid)) kids.set(p.ppid, []); kids.get(p.ppid).push(p); }
  const queue = all.filter((p) => p.pgrp === pgid || p.sid === pgid || known.get(p.pid) === p.start);
  const found = new Map();
  while (queue.length) {
    const p = queue.pop();
    if (found.has(p.pid) || p.pid === process.pid) continue;
    found.set(p.pid, p);
    for (const c of kids.get(p.pid) || []) queue.push(c);
  }
  return [...found.values()].filter((p) => p.state !== 'Z' && p.state !== 'X');
}
function signal(sig) {
  let any = false;
  for (const [pgid, known] of groups) {
    try { process.kill(-pgid, sig); any = true; } catch {}
    for (const p of members(pgid, known)) { known.set(p.pid, p.start); try { process.kill(p.pid, sig); any = true; } catch {} }
  }
  return any;
}
function alive() {
  for (const [pgid, known] of groups) {
    if (members(pgid, known).length) return true;
    if (!HAS_PROC) { try { process.kill(-pgid, 0); return true; } catch {} }
  }
  return false;
}
let buf = '';
process.stdin.on('data', (d) => {
  buf += d.toString('latin1');
  let nl;
  while ((nl = buf.indexOf('\n')) >= 0) {
    const [op, id] = buf.slice(0, nl).split(' ');
    buf = buf.slice(nl + 1);
    const pgid = Number(id);
    if (!(pgid > 1)) continue;
    if (op === '+') { const s = HAS_PROC ? stat(pgid) : null; groups.set(pgid, new Map(s ? [[pgid, s.start]] : [])); }
    else if (op === '-') groups.delete(pgid);
  }
});
const timer = HAS_PROC ? setInterval(() => { for (const [pgid, known] of groups) watch(pgid, known); }, WATCH) : null;
process.stdin.on('error', () => {});
process.stdin.on('close', () => {
  if (timer) clearInterval(timer);
  if (groups.size === 0) process.exit(0);
  for (const [pgid, known] of groups) if (HAS_PROC) watch(pgid, known);
  signal('SIGTERM');
  const until = Date.now() + GRACE;
  const poll = setInterval(() => {
    if (!alive()) { clearInterval(poll); process.exit(0); }
    if (Date.now() >= until) {
      clearInterval(poll);
      signal('SIGKILL');
      setTimeout(() => process.exit(0), 100);
    }
  }, 20);
});
`;

let reaper: ChildProcess | null = null;
/** The groups registered and not yet unregistered: a fresh reaper (the previous one died) is told all of them. */
const registered = new Set<number>();

function start(): ChildProcess | null {
  if (reaper && reaper.exitCode === null && reaper.signalCode === null && reaper.stdin?.writable) return reaper;
  try {
    const c = spawn(process.execPath, ['-e', REAPER_SOURCE, String(REAPER_GRACE_MS), String(WATCH_MS), 'lemmata-reaper', String(process.pid)], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      // node options of the runner (a loader, an inspector port) are not for the reaper
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    c.on('error', () => {});
    c.stdin!.on('error', () => {});
    // the reaper never keeps the runner alive
    c.unref();
    (c.stdin as unknown as { unref?: () => void }).unref?.();
    reaper = c;
    for (const pgid of registered) c.stdin!.write(`+ ${pgid}\n`);
    return c;
  } catch {
    return null;
  }
}

/** Tell the reaper about a started group (it kills the group if the runner dies before `unregister`). */
export function registerGroup(pgid: number): void {
  const fresh = !(reaper && reaper.exitCode === null && reaper.signalCode === null && reaper.stdin?.writable);
  registered.add(pgid);
  const c = start();
  if (c && !fresh) c.stdin!.write(`+ ${pgid}\n`);
}

/** The runner has terminated the group itself. */
export function unregisterGroup(pgid: number): void {
  registered.delete(pgid);
  if (reaper && reaper.exitCode === null && reaper.stdin?.writable) reaper.stdin.write(`- ${pgid}\n`);
}

/** The reaper's pid (tests), or undefined before the first group. */
export function reaperPid(): number | undefined {
  return reaper?.pid;
}
