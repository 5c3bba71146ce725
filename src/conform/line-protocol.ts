/**
 * Client side of the lemmata line protocol (spec/protocol.md): start the program, shake hands,
 * send batched requests one at a time, and turn every kind of misbehaviour into a per-item error
 * instead of a crash of the runner. Replies are JSON-parsed (never evaluated), bounded in size,
 * and validated structurally; a hang, a crash, garbage or a protocol violation kills the program's
 * whole process group (src/conform/process-group.ts), waits for it to end, and restarts it for the
 * next request (up to a limit).
 *
 * Memory is bounded whatever the program does: a reply line may hold at most `maxReplyBytes`
 * (itself at most MAX_REPLY_BYTES_LIMIT), stderr keeps a 2 KiB tail, output that arrives while no
 * request is outstanding is not stored (it is a protocol violation: the program is killed at once),
 * and the streams of a killed program are destroyed.
 *
 * Attribution (spec/protocol.md, "Process control"): output is charged to the request it follows.
 * The reply is the first line after a request; anything received with it (the same read, or
 * already in the pipe when the runner looks once more before handing the results over) fails
 * that request. Output that comes later — between requests, or a repeated reply to an earlier
 * request while a later one is outstanding — cannot revise verdicts already given: it kills the
 * program and fails only the next request (not sent, or its reply lost), naming the request it
 * followed. One stray line therefore costs at most one request.
 */
import type { Dtype } from '../registry/types.js';
import { parseAlgorithms, type AsyncImpl, type BatchItem, type Profile } from './async-impl.js';
import { decodeValue, encodeArgs } from './wire.js';
import { opById } from '../ops/index.js';
import { ProcessGroup } from './process-group.js';

export interface LineOptions {
  /** Per request timeout. */
  timeoutMs: number;
  /** Handshake timeout (program start-up included); defaults to `timeoutMs`. */
  helloTimeoutMs?: number;
  /** Largest reply line accepted (bytes, without the newline); clamped to MAX_REPLY_BYTES_LIMIT. */
  maxReplyBytes: number;
  /** Restarts after which the program is given up. */
  maxRestarts: number;
  /** Send tensors as base64 when the program accepts it. */
  base64: boolean;
}

/**
 * The largest `--max-reply-bytes`: 128 MiB. A reply line is decoded into one string and parsed
 * with JSON.parse. Node's strings hold at most 2^29 − 24 UTF-16 units (≈ 512 MiB: a longer line
 * crashed the runner with ERR_STRING_TOO_LONG), and V8's arrays at most 2^27 − 1 elements, which a
 * line of 2^28 bytes (`[0,0,0,…]`) reaches: JSON.parse of a 256 MiB numeric line aborts the whole
 * process with a fatal "invalid size" error instead of throwing (measured, Node 20). At 128 MiB
 * every parse either succeeds or throws; the runner's peak memory for such a reply is ≈ 2 GB
 * (64 MiB: 0.96 GB measured).
 */
export const MAX_REPLY_BYTES_LIMIT = 128 * 1024 * 1024;

export const DEFAULT_LINE_OPTIONS: LineOptions = { timeoutMs: 30_000, maxReplyBytes: 64 * 1024 * 1024, maxRestarts: 10, base64: false };

/** At the end of a run: how long the program may take to exit by itself once its stdin is closed, before its group is killed. */
export const CLOSE_WAIT_MS = 1000;
/** Its stdout closed but no exit yet (or the reverse): how long to wait for the other before deciding which happened. */
const EOF_EXIT_WAIT_MS = 100;
const STDERR_KEEP = 2048;

class ProtocolFailure extends Error {}

interface Label { id: number | 'hello'; op: string }
const named = (l: Label | null): string => (l === null ? 'the start' : l.id === 'hello' ? 'the handshake' : `request ${l.id} (${l.op})`);
const isBlank = (b: Buffer): boolean => b.every((c) => c === 32 || c === 9 || c === 13);
/** One turn of the event loop including a poll of the pipes: output written with the reply is read. */
const settle = async (): Promise<void> => {
  await new Promise<void>((r) => setImmediate(r));
  await new Promise<void>((r) => setImmediate(r));
};

/** One running instance of the program. */
class Session {
  readonly group: ProcessGroup;
  private partial: Buffer[] = [];
  private partialLen = 0;
  private waiter: { resolve: (l: string) => void; reject: (e: Error) => void } | null = null;
  /** The request whose reply line is awaited (null: nothing may be written to stdout now). */
  private outstanding: Label | null = null;
  /** The latest request written. */
  private last: Label | null = null;
  private failure: ProtocolFailure | null = null;
  private stdoutEnded = false;
  private eofTimer: NodeJS.Timeout | null = null;
  /** Output that arrived while no request was outstanding, charged to the request it followed. */
  stray: { after: Label | null; sample: string } | null = null;
  /** Whether a request has been failed for `stray` already. */
  strayCharged = false;
  stderr = '';

  constructor(command: string, private maxReplyBytes: number) {
    this.group = new ProcessGroup(command);
    const c = this.group.child;
    c.stdout!.on('data', (d: Buffer) => this.onData(d));
    c.stdout!.on('end', () => this.onStdoutEnd());
    c.stderr!.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString('utf8')).slice(-STDERR_KEEP);
    });
    for (const s of [c.stdin!, c.stdout!, c.stderr!]) s.on('error', () => {});
    c.on('error', (e) => this.fail(new ProtocolFailure(`could not start: ${e.message}`)));
    c.on('exit', () => this.onExit());
  }

  private crashMessage(): string {
    const x = this.group.exit;
    return x?.signal ? `crashed with signal ${x.signal}` : `crashed with exit code ${x?.code}`;
  }

  private onExit(): void {
    if (this.failure) return;
    // read what it wrote before exiting (its last reply, say) before calling it a crash
    if (this.stdoutEnded) this.fail(new ProtocolFailure(this.crashMessage()));
    else this.eofTimer ??= setTimeout(() => this.fail(new ProtocolFailure(this.crashMessage())), EOF_EXIT_WAIT_MS);
  }

  private onStdoutEnd(): void {
    this.stdoutEnded = true;
    if (this.failure) return;
    if (this.group.exit) {
      if (this.eofTimer) clearTimeout(this.eofTimer);
      this.eofTimer = null;
      this.fail(new ProtocolFailure(this.crashMessage()));
    } else {
      this.eofTimer ??= setTimeout(() => this.fail(new ProtocolFailure(this.group.exit ? this.crashMessage() : 'closed its standard output (but kept running)')), EOF_EXIT_WAIT_MS);
    }
  }

  private onData(d: Buffer): void {
    let start = 0;
    while (start < d.length && !this.failure) {
      const nl = d.indexOf(10, start);
      const end = nl < 0 ? d.length : nl;
      const seg = d.subarray(start, end);
      start = nl < 0 ? d.length : nl + 1;
      if (this.outstanding === null) {
        if (isBlank(seg)) continue;
        // nothing was asked: a protocol violation, charged to the request it follows
        this.stray = { after: this.last, sample: seg.subarray(0, 80).toString('utf8') };
        this.fail(new ProtocolFailure(this.strayMessage()));
        return;
      }
      if (this.partialLen + seg.length > this.maxReplyBytes) {
        this.fail(new ProtocolFailure(`reply exceeds ${this.maxReplyBytes} bytes`));
        return;
      }
      if (nl < 0) {
        this.partial.push(Buffer.from(seg));
        this.partialLen += seg.length;
        return;
      }
      const line = (this.partialLen ? Buffer.concat([...this.partial, seg]) : seg).toString('utf8');
      this.partial = [];
      this.partialLen = 0;
      if (line.trim() === '') continue;
      this.outstanding = null;
      const w = this.waiter;
      this.waiter = null;
      w?.resolve(line);
    }
  }

  strayMessage(): string {
    return `output after the reply to ${named(this.stray?.after ?? null)}: ${JSON.stringify(this.stray?.sample ?? '')}`;
  }

  /** Stop: record why, drop buffered and future output, start killing the group. */
  fail(e: ProtocolFailure): void {
    if (this.failure) return;
    this.failure = e;
    this.partial = [];
    this.partialLen = 0;
    this.outstanding = null;
    if (this.eofTimer) clearTimeout(this.eofTimer);
    const c = this.group.child;
    c.stdout?.destroy();
    c.stdin?.destroy();
    void this.group.terminate();
    const w = this.waiter;
    this.waiter = null;
    w?.reject(e);
  }

  get alive(): boolean {
    return this.failure === null;
  }

  /** Write one line and wait for the next reply line (within `timeoutMs`); never writes to a dead session. */
  async exchange(label: Label, obj: unknown, timeoutMs: number): Promise<unknown> {
    if (this.failure) throw this.failure;
    this.outstanding = label;
    this.last = label;
    const reply = new Promise<string>((resolve, reject) => { this.waiter = { resolve, reject }; });
    const timer = setTimeout(() => this.fail(new ProtocolFailure(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    let text: string;
    try {
      this.group.child.stdin!.write(JSON.stringify(obj) + '\n');
      text = await reply;
      await settle();
    } finally {
      clearTimeout(timer);
    }
    if (this.stray && this.stray.after === label) {
      this.strayCharged = true;
      throw new ProtocolFailure(`protocol violation: ${this.strayMessage()}`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ProtocolFailure(`malformed reply (not JSON): ${JSON.stringify(text.slice(0, 80))}`);
    }
  }

  /** Kill the group (if not yet) and wait for it to end (bounded by the kill sequence). */
  async kill(why: string): Promise<void> {
    this.fail(new ProtocolFailure(why));
    await this.group.terminate();
  }

  /** End of the run: close stdin, let it exit by itself for CLOSE_WAIT_MS, then kill whatever is left of the group. */
  async close(): Promise<void> {
    if (!this.failure) {
      this.group.child.stdin!.end();
      const until = Date.now() + CLOSE_WAIT_MS;
      while (!this.group.exit && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      this.fail(new ProtocolFailure('closed by the runner'));
    }
    await this.group.terminate();
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
  const algorithms = parseAlgorithms(p['algorithms']);
  if (algorithms) profile.algorithms = algorithms;
  const enc = Array.isArray(o['encodings']) ? (o['encodings'] as unknown[]).filter((x): x is string => typeof x === 'string') : ['json'];
  return { name: String(o['name']).slice(0, 200), ops, profile, encodings: enc };
}

/** Start the program and shake hands; the result is an AsyncImpl whose failures are per-item errors. */
export async function connectLineProtocol(command: string, options: LineOptions = DEFAULT_LINE_OPTIONS): Promise<AsyncImpl> {
  const opts: LineOptions = { ...options, maxReplyBytes: Math.max(1, Math.min(options.maxReplyBytes, MAX_REPLY_BYTES_LIMIT)) };
  const events: string[] = [];
  let restarts = 0;
  let nextId = 1;
  let session: Session | null = null;
  let givenUp: string | null = null;
  let closed = false;

  /** Kill a session's group and wait for it; say so if something survived even SIGKILL. */
  const stop = async (s: Session, why: string): Promise<void> => {
    await s.kill(why);
    if (s.group.survivors.length) events.push(`${s.group.survivors.length} process(es) of the implementation still running after SIGKILL`);
  };
  const withStderr = (msg: string, s: Session): string => `${msg}${s.stderr.trim() ? `; stderr: ${s.stderr.slice(-300).trim()}` : ''}`;

  const open = async (): Promise<{ s: Session; hello: Hello }> => {
    const s = new Session(command, opts.maxReplyBytes);
    try {
      const hello = parseHello(await s.exchange({ id: 'hello', op: 'hello' }, { lemmata: 1, type: 'hello' }, opts.helloTimeoutMs ?? opts.timeoutMs));
      return { s, hello };
    } catch (e) {
      await stop(s, (e as Error).message);
      throw new ProtocolFailure(withStderr((e as Error).message, s));
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
      if (closed) return fail('the implementation was closed', batch.length);
      if (givenUp) return fail(givenUp, batch.length);
      if (session && !session.alive) {
        // never write to a dead session: wait for its group to end, then charge any stray output
        const dead = session;
        session = null;
        await stop(dead, 'dead');
        if (dead.stray && !dead.strayCharged) {
          dead.strayCharged = true;
          const why = `protocol violation: ${dead.strayMessage()}`;
          events.push(`${op} request not sent: ${why}`);
          return fail(`${why}; this request was not sent (the program was killed)`, batch.length);
        }
      }
      if (!session) {
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
        reply = await s.exchange({ id, op }, { id, op, dtype, batch: batch.map((a) => encodeArgs(a, tensors, dtype, base64)) }, opts.timeoutMs);
      } catch (e) {
        await stop(s, (e as Error).message);
        events.push(`${op} request ${id}: ${(e as Error).message}`);
        return fail(withStderr((e as Error).message, s), batch.length);
      }
      const r = reply as Record<string, unknown>;
      const violation = async (why: string): Promise<BatchItem[]> => {
        await stop(s, `protocol violation: ${why}`);
        events.push(`${op} request ${id}: protocol violation: ${why}`);
        return fail(`protocol violation: ${why}`, batch.length);
      };
      if (!r || typeof r !== 'object' || Array.isArray(r)) return violation('reply is not a JSON object');
      if (r['id'] !== id) {
        const rid = r['id'];
        // a repeated reply to an earlier request (the program wrote it twice): charged to that request
        if (typeof rid === 'number' && Number.isInteger(rid) && rid >= 1 && rid < id) return violation(`a second reply to request ${rid}, received instead of the reply to request ${id}`);
        return violation(`reply id ${JSON.stringify(rid)?.slice(0, 40)} for request ${id}`);
      }
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
      closed = true;
      const s = session;
      session = null;
      if (s) await s.close();
    },
  };
  return impl;
}
