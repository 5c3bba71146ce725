/**
 * Client side of the lemmata line protocol (spec/protocol.md): start the program, shake hands,
 * send batched requests one at a time, and turn every kind of misbehaviour into a per-item error
 * instead of a crash of the runner. Replies are JSON-parsed (never evaluated), bounded in size,
 * and validated structurally; a hang, a crash, garbage or a protocol violation kills the program,
 * which is restarted for the next request (up to a limit).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Dtype } from '../registry/types.js';
import type { AsyncImpl, BatchItem, Profile } from './async-impl.js';
import { decodeValue, encodeArgs } from './wire.js';
import { opById } from '../ops/index.js';

export interface LineOptions {
  /** Per request timeout. */
  timeoutMs: number;
  /** Handshake timeout (program start-up included); defaults to `timeoutMs`. */
  helloTimeoutMs?: number;
  /** Largest reply line accepted. */
  maxReplyBytes: number;
  /** Restarts after which the program is given up. */
  maxRestarts: number;
  /** Send tensors as base64 when the program accepts it. */
  base64: boolean;
}

export const DEFAULT_LINE_OPTIONS: LineOptions = { timeoutMs: 30_000, maxReplyBytes: 64 * 1024 * 1024, maxRestarts: 10, base64: false };

class ProtocolFailure extends Error {}

const STDERR_KEEP = 2048;

/** One running instance of the program. */
class Session {
  private child: ChildProcess;
  private buf: Buffer[] = [];
  private bufLen = 0;
  private lines: string[] = [];
  private waiter: { resolve: (l: string) => void; reject: (e: Error) => void } | null = null;
  private dead: Error | null = null;
  stderr = '';

  constructor(command: string, private opts: LineOptions) {
    this.child = spawn(command, { shell: true, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d: Buffer) => this.onData(d));
    this.child.stderr!.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString('utf8')).slice(-STDERR_KEEP);
    });
    this.child.stdin!.on('error', () => {});
    this.child.on('error', (e) => this.die(new ProtocolFailure(`could not start: ${e.message}`)));
    this.child.on('exit', (code, signal) => this.die(new ProtocolFailure(`crashed with ${signal ? `signal ${signal}` : `exit code ${code}`}`)));
  }

  private onData(d: Buffer): void {
    let start = 0;
    for (let i = 0; i < d.length; i++) {
      if (d[i] !== 10) continue;
      this.buf.push(d.subarray(start, i));
      const line = Buffer.concat(this.buf).toString('utf8');
      this.buf = [];
      this.bufLen = 0;
      start = i + 1;
      this.push(line);
    }
    if (start < d.length) {
      this.buf.push(d.subarray(start));
      this.bufLen += d.length - start;
      if (this.bufLen > this.opts.maxReplyBytes) {
        this.buf = [];
        this.bufLen = 0;
        this.die(new ProtocolFailure(`reply exceeds ${this.opts.maxReplyBytes} bytes`));
        this.kill();
      }
    }
  }

  private push(line: string): void {
    if (line.trim() === '') return;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w.resolve(line);
    } else this.lines.push(line);
  }

  private die(e: Error): void {
    if (!this.dead) this.dead = e;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w.reject(this.dead);
    }
  }

  get alive(): boolean {
    return this.dead === null;
  }

  /** Write one line and wait for the next reply line (within `timeoutMs`, default the request timeout). */
  async exchange(obj: unknown, timeoutMs = this.opts.timeoutMs): Promise<unknown> {
    if (this.dead) throw this.dead;
    if (this.lines.length) throw new ProtocolFailure('unsolicited output before the request');
    const line = JSON.stringify(obj) + '\n';
    const reply = new Promise<string>((resolve, reject) => { this.waiter = { resolve, reject }; });
    this.child.stdin!.write(line);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ProtocolFailure(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
      const text = await Promise.race([reply, timeout]);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new ProtocolFailure(`malformed reply (not JSON): ${JSON.stringify(text.slice(0, 80))}`);
      }
    } finally {
      clearTimeout(timer);
      this.waiter = null;
    }
  }

  kill(): void {
    try { this.child.kill('SIGKILL'); } catch { /* already gone */ }
  }

  async close(): Promise<void> {
    if (this.dead) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.stdin!.end();
    const t = setTimeout(() => this.kill(), 2000);
    await exited;
    clearTimeout(t);
  }
}

interface Hello { name: string; ops: Record<string, string[]>; profile: Partial<Profile>; encodings: string[] }

function parseHello(v: unknown): Hello {
  const o = v as Record<string, unknown>;
  if (!o || typeof o !== 'object' || o['lemmata'] !== 1 || o['type'] !== 'hello') throw new ProtocolFailure('handshake: expected {"lemmata":1,"type":"hello",...}');
  if (typeof o['name'] !== 'string' || !o['ops'] || typeof o['ops'] !== 'object' || Array.isArray(o['ops'])) throw new ProtocolFailure('handshake: needs "name" and "ops"');
  const ops: Record<string, string[]> = {};
  for (const [k, d] of Object.entries(o['ops'] as Record<string, unknown>)) {
    if (Array.isArray(d) && d.every((x) => x === 'float32' || x === 'float64')) ops[k] = d as string[];
  }
  const p = (o['profile'] ?? {}) as Record<string, unknown>;
  const profile: Partial<Profile> = {};
  if (typeof p['elementaryUlps'] === 'number' && p['elementaryUlps'] >= 0 && p['elementaryUlps'] <= 1e6) profile.elementaryUlps = p['elementaryUlps'];
  if (typeof p['flushToZero'] === 'boolean') profile.flushToZero = p['flushToZero'];
  const enc = Array.isArray(o['encodings']) ? (o['encodings'] as unknown[]).filter((x): x is string => typeof x === 'string') : ['json'];
  return { name: String(o['name']).slice(0, 200), ops, profile, encodings: enc };
}

/** Start the program and shake hands; the result is an AsyncImpl whose failures are per-item errors. */
export async function connectLineProtocol(command: string, opts: LineOptions = DEFAULT_LINE_OPTIONS): Promise<AsyncImpl> {
  const events: string[] = [];
  let restarts = 0;
  let nextId = 1;
  let session: Session | null = null;
  let givenUp: string | null = null;

  const open = async (): Promise<{ s: Session; hello: Hello }> => {
    const s = new Session(command, opts);
    try {
      const hello = parseHello(await s.exchange({ lemmata: 1, type: 'hello' }, opts.helloTimeoutMs ?? opts.timeoutMs));
      return { s, hello };
    } catch (e) {
      s.kill();
      throw new ProtocolFailure(`${(e as Error).message}${s.stderr ? `; stderr: ${s.stderr.slice(-300)}` : ''}`);
    }
  };

  let first: { s: Session; hello: Hello };
  try {
    first = await open();
  } catch (e) {
    throw new Error(`implementation command failed its handshake: ${(e as Error).message}`);
  }
  session = first.s;
  const hello = first.hello;
  const base64 = opts.base64 && hello.encodings.includes('base64');

  const fail = (msg: string, n: number): BatchItem[] => Array.from({ length: n }, () => ({ error: msg, infrastructure: true }));

  const impl: AsyncImpl = {
    name: hello.name,
    kind: 'command',
    spec: command,
    ops: hello.ops,
    profile: hello.profile,
    events,
    async callBatch(op: string, dtype: Dtype, batch: Record<string, unknown>[]): Promise<BatchItem[]> {
      if (givenUp) return fail(givenUp, batch.length);
      if (!session || !session.alive) {
        if (restarts >= opts.maxRestarts) {
          givenUp = `implementation given up after ${restarts} restarts`;
          events.push(givenUp);
          return fail(givenUp, batch.length);
        }
        restarts++;
        try {
          session = (await open()).s;
          events.push(`restarted the implementation (restart ${restarts})`);
        } catch (e) {
          session = null;
          events.push(`restart ${restarts} failed: ${(e as Error).message}`);
          return fail(`restart failed: ${(e as Error).message}`, batch.length);
        }
      }
      const s = session;
      const id = nextId++;
      const tensors = opById(op)?.tensors ?? {};
      let reply: unknown;
      try {
        reply = await s.exchange({ id, op, dtype, batch: batch.map((a) => encodeArgs(a, tensors, dtype, base64)) });
      } catch (e) {
        s.kill();
        const why = `${(e as Error).message}${s.stderr ? `; stderr: ${s.stderr.slice(-300).trim()}` : ''}`;
        events.push(`${op} request ${id}: ${(e as Error).message}`);
        return fail(why, batch.length);
      }
      const r = reply as Record<string, unknown>;
      const violation = (why: string): BatchItem[] => {
        s.kill();
        events.push(`${op} request ${id}: protocol violation: ${why}`);
        return fail(`protocol violation: ${why}`, batch.length);
      };
      if (!r || typeof r !== 'object' || Array.isArray(r)) return violation('reply is not a JSON object');
      if (r['id'] !== id) return violation(`reply id ${JSON.stringify(r['id'])?.slice(0, 40)} for request ${id}`);
      if ('error' in r) return batch.map(() => ({ error: `implementation error: ${String(r['error']).slice(0, 500)}` }));
      const results = r['results'];
      if (!Array.isArray(results)) return violation('reply has neither "results" nor "error"');
      if (results.length !== batch.length) return violation(`${results.length} results for ${batch.length} argument sets`);
      return results.map((item: unknown): BatchItem => {
        const it = item as Record<string, unknown>;
        if (!it || typeof it !== 'object' || Array.isArray(it)) return { error: 'protocol violation: result item is not {"ok": …} or {"error": …}' };
        if ('error' in it) return { error: `implementation error: ${String(it['error']).slice(0, 500)}` };
        if (!('ok' in it)) return { error: 'protocol violation: result item has neither "ok" nor "error"' };
        try {
          return { ok: decodeValue(it['ok']) };
        } catch (e) {
          return { error: `malformed result: ${(e as Error).message}` };
        }
      });
    },
    async close() {
      if (session) await session.close();
    },
  };
  return impl;
}
