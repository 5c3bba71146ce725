/**
 * The implementation under test (`--impl-cmd`) runs in a process group of its own, and the
 * runner kills the whole group — never just the shell that started it.
 *
 * - Start: `/bin/sh -c COMMAND` with `detached: true`, so the shell calls setsid() and becomes the
 *   leader of a new session and process group (pgid = its pid). A simple command (no shell
 *   operators) is run as `exec COMMAND`, so the program replaces the shell and is the runner's own
 *   child: same semantics, one process fewer, and its exit status is reported directly.
 * - Kill sequence (`terminate`): SIGTERM to the group and to every descendant seen in /proc, then,
 *   if anything is still running after `KILL_GRACE_MS`, SIGKILL to the same; then wait (at most
 *   `KILL_WAIT_MS`) until nothing of it runs. Zombies count as gone: they have exited and only
 *   wait for their parent (or init) to collect their exit status.
 * - Descendants: on Linux the runner also walks /proc (parent pids) from the group leader when it
 *   kills, and kills those descendants by pid (checked against their start time, so a recycled pid
 *   is never hit). This catches a child that called setsid() or setpgid() while its parent chain
 *   was still alive. A process that has left the group AND whose parent has already exited (a
 *   daemon that double-forked) has been re-parented to init and cannot be found: it escapes. That
 *   is the one limit; spec/protocol.md says so.
 * - The runner itself: SIGINT, SIGTERM and SIGHUP are routed to a controller (`lemmata conform`
 *   writes an interrupted report); without one, every live group is terminated and the signal is
 *   re-raised. On process exit, whatever is still alive is sent SIGKILL synchronously.
 * - The runner killed outright (SIGKILL, OOM): none of the above can run, so every group is also
 *   registered with the reaper (src/conform/reaper.ts), a small process that notices the runner's
 *   death as the end of a pipe only the runner holds and then runs the same kill sequence.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { registerGroup, unregisterGroup } from './reaper.js';

/** SIGTERM → SIGKILL: how long a program may take to exit after SIGTERM. */
export const KILL_GRACE_MS = 500;
/** After SIGKILL: the longest the runner waits for the group to vanish before it gives up (and says so). */
export const KILL_WAIT_MS = 2000;
const POLL_MS = 10;

const HAS_PROC = process.platform === 'linux' && fs.existsSync('/proc/self/stat');

interface ProcInfo { pid: number; ppid: number; pgrp: number; state: string; start: string }

function readStat(pid: number): ProcInfo | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    // the command name (field 2) is in parentheses and may contain spaces or parentheses
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { pid, state: f[0]!, ppid: Number(f[1]), pgrp: Number(f[2]), start: f[19]! };
  } catch {
    return null;
  }
}

function allProcesses(): ProcInfo[] {
  let names: string[];
  try { names = fs.readdirSync('/proc'); } catch { return []; }
  const out: ProcInfo[] = [];
  for (const n of names) {
    if (n.charCodeAt(0) < 48 || n.charCodeAt(0) > 57) continue;
    const i = readStat(Number(n));
    if (i) out.push(i);
  }
  return out;
}

/** `exec COMMAND` for a simple command (words, quotes, no operators, no leading assignment); else COMMAND. */
export function shellLine(command: string): string {
  const t = command.trim();
  const first = t.split(/\s+/)[0] ?? '';
  return t !== '' && /^[A-Za-z0-9_\-.,/:@+%=~ \t'"]+$/.test(t) && !first.includes('=') ? `exec ${t}` : command;
}

const LIVE = new Set<ProcessGroup>();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One started command: its process group and the descendants seen. */
export class ProcessGroup {
  readonly child: ChildProcess;
  /** The group id (= the leader's pid); undefined if the spawn failed. */
  readonly pgid: number | undefined;
  /** The leader's exit, once it happened. */
  exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  /** Pids (with their start time) that were seen as descendants of the leader. */
  private known = new Map<number, string>();
  private ending: Promise<void> | null = null;
  /** Processes still running when `terminate` gave up (normally empty). */
  survivors: number[] = [];

  constructor(command: string) {
    installGuards();
    this.child = spawn('/bin/sh', ['-c', shellLine(command)], { detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    this.pgid = this.child.pid;
    this.child.on('exit', (code, signal) => { this.exit = { code, signal }; });
    this.child.on('error', () => { if (this.pgid === undefined) this.exit ??= { code: null, signal: null }; });
    if (this.pgid !== undefined) {
      LIVE.add(this);
      registerGroup(this.pgid);
    }
  }

  /** Record the current descendants of the leader (and of every known descendant) from /proc. */
  snapshot(): void {
    if (!HAS_PROC || this.pgid === undefined) return;
    const procs = allProcesses();
    const kids = new Map<number, ProcInfo[]>();
    for (const p of procs) {
      if (!kids.has(p.ppid)) kids.set(p.ppid, []);
      kids.get(p.ppid)!.push(p);
    }
    // roots: the leader while it has not exited (after that its pid may be reused), the group's
    // members, and descendants seen before that are still the same processes (start time)
    const roots = [
      ...(this.exit === null ? [this.pgid] : []),
      ...procs.filter((p) => p.pgrp === this.pgid || this.known.get(p.pid) === p.start).map((p) => p.pid),
    ];
    const seen = new Set<number>();
    const queue = [...roots];
    while (queue.length) {
      const pid = queue.pop()!;
      if (seen.has(pid)) continue;
      seen.add(pid);
      for (const c of kids.get(pid) ?? []) {
        if (c.state !== 'Z') this.known.set(c.pid, c.start);
        queue.push(c.pid);
      }
    }
  }

  /** Whether the group has any member (zombies included): one kill(-pgid, 0). */
  private groupHasMembers(): boolean {
    if (this.pgid === undefined) return false;
    try { process.kill(-this.pgid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
  }

  /** Known descendants outside the group that still run (one /proc/<pid>/stat read each). */
  private outsidersRunning(): number[] {
    const out: number[] = [];
    for (const [pid, start] of this.known) {
      const now = readStat(pid);
      if (now && now.start === start && now.state !== 'Z' && now.pgrp !== this.pgid) out.push(pid);
    }
    return out;
  }

  /** Processes of this implementation that still run (not zombies): group members and known descendants (a full /proc scan). */
  running(): number[] {
    if (this.pgid === undefined) return [];
    if (!HAS_PROC) return this.groupHasMembers() ? [this.pgid] : [];
    const members = this.groupHasMembers() ? allProcesses().filter((p) => p.pgrp === this.pgid && p.state !== 'Z').map((p) => p.pid) : [];
    return [...members, ...this.outsidersRunning()];
  }

  /** Send `sig` to the group and to every known descendant outside it that is still the same process. */
  signal(sig: NodeJS.Signals): void {
    if (this.pgid === undefined) return;
    try { process.kill(-this.pgid, sig); } catch { /* the group is empty */ }
    for (const pid of HAS_PROC ? this.outsidersRunning() : []) {
      try { process.kill(pid, sig); } catch { /* gone */ }
    }
  }

  /**
   * Nothing of it runs any more. Cheap checks first (the leader's exit event, kill(-pgid, 0));
   * only when the group still has members does `deep` scan /proc to see whether they are all
   * zombies (exited, waiting for init to reap them).
   */
  private gone(deep: boolean): boolean {
    if (this.pgid === undefined) return true;
    if (this.exit === null) return false;
    if (HAS_PROC && this.outsidersRunning().length) return false;
    if (!this.groupHasMembers()) return true;
    if (!HAS_PROC || !deep) return false;
    return allProcesses().every((p) => p.pgrp !== this.pgid || p.state === 'Z');
  }

  private async waitGone(ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    for (let i = 0; ; i++) {
      if (this.gone(i % 10 === 9)) return true;
      if (Date.now() >= until) return this.gone(true);
      await sleep(POLL_MS);
    }
  }

  /**
   * Kill the whole group: SIGTERM, SIGKILL after KILL_GRACE_MS, wait at most KILL_WAIT_MS more.
   * Idempotent; resolves when nothing of the program runs any more (or the wait gave up), after
   * closing the runner's ends of its pipes so that no stream keeps the runner alive.
   */
  terminate(): Promise<void> {
    this.ending ??= (async () => {
      if (!this.gone(false)) {
        this.snapshot();
        this.signal('SIGTERM');
        if (!(await this.waitGone(KILL_GRACE_MS))) {
          this.snapshot();
          this.signal('SIGKILL');
          if (!(await this.waitGone(KILL_WAIT_MS))) this.survivors = this.running();
        }
      }
      for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) s?.destroy();
      this.child.unref();
      LIVE.delete(this);
      // anything that survived stays with the reaper, which tries again if the runner dies
      if (this.pgid !== undefined && this.survivors.length === 0) unregisterGroup(this.pgid);
    })();
    return this.ending;
  }

  /** SIGKILL everything now (synchronous; for process exit and a second interrupt). */
  killNow(): void {
    this.snapshot();
    this.signal('SIGKILL');
  }
}

/** Terminate every live group (the kill sequence, in parallel). */
export async function terminateAll(): Promise<void> {
  await Promise.all([...LIVE].map((g) => g.terminate()));
}

/** SIGKILL every live group, synchronously. */
export function killAllNow(): void {
  for (const g of LIVE) g.killNow();
}

/** The number of groups not yet terminated (for tests). */
export function liveGroupCount(): number {
  return LIVE.size;
}

export const SIGNAL_EXIT_CODES: Readonly<Record<string, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
type Controller = (sig: NodeJS.Signals) => void;
let controller: Controller | null = null;
let guarded = false;

/** Route SIGINT/SIGTERM/SIGHUP to `c` (null: default handling). Returns a function that removes it. */
export function setSignalController(c: Controller | null): () => void {
  installGuards();
  controller = c;
  return () => { if (controller === c) controller = null; };
}

/**
 * Installed once, on the first spawn or controller: a process 'exit' hook that SIGKILLs whatever
 * is still alive, and signal handlers. Without a controller a signal terminates every live group
 * and is then re-raised with the default action, so the runner still dies of it.
 */
function installGuards(): void {
  if (guarded) return;
  guarded = true;
  process.on('exit', killAllNow);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const handler = (): void => {
      if (controller) { controller(sig); return; }
      void terminateAll().finally(() => {
        process.removeListener(sig, handler);
        process.kill(process.pid, sig);
      });
    };
    process.on(sig, handler);
  }
}
