/**
 * Client side of the lemmata line protocol (spec/protocol.md): start the program, shake hands,
 * send batched requests (up to two in flight: LineOptions.pipeline, "Two requests in flight" in
 * the spec), and turn every kind of misbehaviour into a per-item error
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
 *
 * Version 2 (spec/protocol.md, "Version 2: binary frames"; src/conform/frame.ts): when the
 * program's hello lists 2 in `protocols` (and the runner offered it), every later message is a
 * frame — a JSON header line followed by `blob` bytes. The header and the blob together count
 * against `maxReplyBytes`: a header announcing more is rejected before a byte of the blob is
 * stored. Bytes after the blob are output after the reply (attributed as above), a blob cut short
 * by EOF is a crash, a blob that never completes a timeout.
 */
import type { Dtype } from '../registry/types.js';
import { parseAlgorithms, type AsyncImpl, type BatchItem, type Profile } from './async-impl.js';
import { decodeValue, encodeArgs } from './wire.js';
import { blobLength, decodeFrameValue, encodeRequestFrame } from './frame.js';
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
  /** Send tensors as base64 when the program accepts it (version 1 only: version 2 always sends binary). */
  base64: boolean;
  /**
   * The highest protocol version the runner offers in its hello (default 2). Version 2 is used
   * when the program's hello lists it in `protocols`; 1 keeps every program on JSON lines.
   */
  maxProtocol?: 1 | 2;
  /**
   * How many requests may be in flight at once (default PIPELINE_DEPTH = 2; 1: strictly one at a
   * time). With 2, a caller that issues the next request before awaiting the previous one (as
   * CallCache.flush does) has it written while the program computes the previous one, so the
   * runner's encoding and decoding overlap the program's work. Replies are matched in order.
   */
  pipeline?: number;
}

/** Requests in flight at once by default (LineOptions.pipeline). */
export const PIPELINE_DEPTH = 2;

/** The protocol versions this runner speaks. */
export const PROTOCOL_VERSIONS = [1, 2] as const;

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

/** A reply: the parsed line (version 1) or frame header (version 2) and the frame's blob. */
interface Reply { value: unknown; blob: Uint8Array | null }

interface Label { id: number | 'hello'; op: string }
const named = (l: Label | null): string => (l === null ? 'the start' : l.id === 'hello' ? 'the handshake' : `request ${l.id} (${l.op})`);
const isBlank = (b: Buffer): boolean => b.every((c) => c === 32 || c === 9 || c === 13);
/** One turn of the event loop including a poll of the pipes: output written with the reply is read. */
const settle = async (): Promise<void> => {
  await new Promise<void>((r) => setImmediate(r));
  await new Promise<void>((r) => setImmediate(r));
};

/**
 * Reusable frame buffers. A fresh buffer of a frame's size is fresh memory, and on the 2-core VM this
 * was measured on its first touch cost a page fault per 4 KiB (≈ 18 per batched request of 256
 * softmax inputs): buffers are kept once a frame is done with them (a request written, a reply
 * decoded) and handed out again zero-filled. At most 4 are kept, of at most 16 MiB each (a program's
 * one huge reply does not stay in memory for the session's life).
 */
class BufferPool {
  private spare: ArrayBuffer[] = [];
  /** A zero-filled view of `n` bytes at offset 0 of a buffer of its own. */
  take(n: number): Uint8Array {
    if (n === 0) return new Uint8Array(0); // nothing to write: keep the spares for frames that have bytes
    const i = this.spare.findIndex((b) => b.byteLength >= n);
    if (i < 0) return new Uint8Array(n);
    const b = new Uint8Array(this.spare.splice(i, 1)[0]!, 0, n);
    b.fill(0);
    return b;
  }
  /** `b`'s buffer is not used any more (a view from `take`). */
  give(b: Uint8Array): void {
    const buf = b.buffer;
    if (b.byteOffset === 0 && buf instanceof ArrayBuffer && b.byteLength > 0 && buf.byteLength <= 1 << 24 && this.spare.length < 4 && !this.spare.includes(buf)) this.spare.push(buf);
  }
}

/** One running instance of the program. */
class Session {
  readonly group: ProcessGroup;
  private partial: Buffer[] = [];
  private partialLen = 0;
  /**
   * The requests written and not yet answered, oldest first (at most the client's pipeline depth):
   * the next reply belongs to the head. Only the head's timeout runs (started when it became the
   * head: a request behind another waits for that one first).
   */
  private queue: { label: Label; resolve: (r: string | Reply) => void; reject: (e: Error) => void; timeoutMs: number; timer: NodeJS.Timeout | null }[] = [];
  /** Protocol version of the messages after the handshake. */
  version: 1 | 2 = 1;
  /** Version 2: the frame whose blob is being read (header parsed, `got` of `blob.length` bytes in). */
  private frame: { header: unknown; n: number; blob: Uint8Array | null; got: number } | null = null;
  /** The latest request written. */
  private last: Label | null = null;
  private failure: ProtocolFailure | null = null;
  /**
   * The request the failure is charged to: the one whose reply was being read (timeout, crash,
   * malformed frame), or the one whose reply broke the rules (a violation found in it). Another
   * request in flight when the program was killed is innocent: it is sent again to the restarted
   * program (once), so one misbehaviour still costs one request.
   */
  chargedTo: number | 'hello' | null = null;
  private stdoutEnded = false;
  private eofTimer: NodeJS.Timeout | null = null;
  /** Output that arrived while no request was outstanding, charged to the request it followed. */
  stray: { after: Label | null; sample: string } | null = null;
  /** Whether a request has been failed for `stray` already. */
  strayCharged = false;
  stderr = '';
  /** Blob buffers of this session's frames (replies read, requests written), reused once let go of. */
  readonly buffers = new BufferPool();

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

  private deliver(r: string | Reply): void {
    const w = this.queue.shift();
    if (w?.timer) clearTimeout(w.timer);
    this.startHeadTimer();
    w?.resolve(r);
  }

  private startHeadTimer(): void {
    const h = this.queue[0];
    if (h && !h.timer) h.timer = setTimeout(() => this.fail(new ProtocolFailure(`timed out after ${h.timeoutMs / 1000} s`)), h.timeoutMs);
  }

  private onData(d: Buffer): void {
    let start = 0;
    while (start < d.length && !this.failure) {
      const f = this.frame;
      if (f) {
        // version 2: the blob of the frame whose header came last
        const take = Math.min(f.n - f.got, d.length - start);
        // copied out of the chunk into one buffer of its own (pooled; offset 0, so 8-aligned): tensors are then read through typed-array views
        (f.blob ??= this.buffers.take(f.n)).set(d.subarray(start, start + take), f.got);
        f.got += take;
        start += take;
        if (f.got === f.n) {
          this.frame = null;
          this.deliver({ value: f.header, blob: f.blob! });
        }
        continue;
      }
      const nl = d.indexOf(10, start);
      const end = nl < 0 ? d.length : nl;
      const seg = d.subarray(start, end);
      start = nl < 0 ? d.length : nl + 1;
      if (this.queue.length === 0) {
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
      const lineBytes = this.partialLen + seg.length;
      const line = (this.partialLen ? Buffer.concat([...this.partial, seg]) : seg).toString('utf8');
      this.partial = [];
      this.partialLen = 0;
      if (line.trim() === '') continue;
      if (this.version === 1) {
        this.deliver(line);
        continue;
      }
      // version 2: a frame header; its blob follows
      let header: unknown;
      try {
        header = JSON.parse(line) as unknown;
      } catch {
        this.fail(new ProtocolFailure(`malformed reply (frame header not JSON): ${JSON.stringify(line.slice(0, 80))}`));
        return;
      }
      const n = blobLength(header);
      if (n === null) {
        this.fail(new ProtocolFailure('malformed reply (frame header: "blob" must be a non-negative integer)'));
        return;
      }
      if (lineBytes + n > this.maxReplyBytes) {
        this.fail(new ProtocolFailure(`reply exceeds ${this.maxReplyBytes} bytes (frame header announces a ${n}-byte blob)`));
        return;
      }
      if (n === 0) this.deliver({ value: header, blob: new Uint8Array(0) });
      else this.frame = { header, n, blob: null, got: 0 };
    }
  }

  strayMessage(): string {
    return `output after the reply to ${named(this.stray?.after ?? null)}: ${JSON.stringify(this.stray?.sample ?? '')}`;
  }

  /** Stop: record why, drop buffered and future output, start killing the group. */
  fail(e: ProtocolFailure, chargedTo?: number | 'hello'): void {
    if (this.failure) return;
    this.failure = e;
    this.chargedTo = chargedTo ?? this.queue[0]?.label.id ?? null;
    this.partial = [];
    this.partialLen = 0;
    this.frame = null;
    if (this.eofTimer) clearTimeout(this.eofTimer);
    const c = this.group.child;
    c.stdout?.destroy();
    c.stdin?.destroy();
    void this.group.terminate();
    const waiting = this.queue;
    this.queue = [];
    for (const w of waiting) {
      if (w.timer) clearTimeout(w.timer);
      w.reject(e);
    }
  }

  get alive(): boolean {
    return this.failure === null;
  }


  /**
   * Write one message (a JSON line, or a version-2 frame: header line and blob) and wait for the
   * reply (within `timeoutMs` of becoming the oldest unanswered request); never writes to a dead
   * session. The write happens synchronously, before the returned promise is first awaited, so
   * messages go out in call order and replies are matched to them in that order.
   */
  async exchange(label: Label, msg: unknown | { frame: { header: string; blob: Uint8Array } }, timeoutMs: number): Promise<Reply> {
    if (this.failure) throw this.failure;
    this.last = label;
    const reply = new Promise<string | Reply>((resolve, reject) => { this.queue.push({ label, resolve, reject, timeoutMs, timer: null }); });
    this.startHeadTimer();
    const stdin = this.group.child.stdin!;
    const frame = (msg as { frame?: { header: string; blob: Uint8Array } } | null)?.frame;
    try {
      if (frame) {
        // the header line, then the blob, corked: one writev, and the blob is not copied into a joint buffer
        if (frame.blob.length) {
          stdin.cork();
          stdin.write(frame.header, 'utf8');
          const blob = frame.blob;
          stdin.write(blob, () => this.buffers.give(blob)); // reusable once written
          stdin.uncork();
        } else {
          stdin.write(frame.header, 'utf8');
        }
      } else {
        stdin.write(JSON.stringify(msg) + '\n');
      }
    } catch (e) {
      this.fail(new ProtocolFailure(`could not write the request: ${(e as Error).message}`));
    }
    const got = await reply;
    await settle();
    if (this.stray && this.stray.after === label) {
      this.strayCharged = true;
      throw new ProtocolFailure(`protocol violation: ${this.strayMessage()}`);
    }
    if (typeof got !== 'string') return got;
    try {
      return { value: JSON.parse(got) as unknown, blob: null };
    } catch {
      const e = new ProtocolFailure(`malformed reply (not JSON): ${JSON.stringify(got.slice(0, 80))}`);
      this.fail(e, label.id); // this request's reply: the failure is charged to it, not to one in flight behind it
      throw e;
    }
  }

  /** Kill the group (if not yet) and wait for it to end (bounded by the kill sequence). */
  async kill(why: string, chargedTo?: number): Promise<void> {
    this.fail(new ProtocolFailure(why), chargedTo);
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

interface Hello { name: string; ops: Record<string, string[]>; profile: Partial<Profile>; encodings: string[]; protocols: number[] }

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
  const protocols = Array.isArray(o['protocols']) ? (o['protocols'] as unknown[]).filter((x): x is number => x === 1 || x === 2) : [1];
  return { name: String(o['name']).slice(0, 200), ops, profile, encodings: enc, protocols };
}

/**
 * Start the program and shake hands; the result is an AsyncImpl whose failures are per-item errors
 * (`protocol`: the version spoken with the latest instance of the program).
 */
export async function connectLineProtocol(command: string, options: LineOptions = DEFAULT_LINE_OPTIONS): Promise<AsyncImpl & { readonly protocol: 1 | 2 }> {
  const opts: LineOptions = { ...options, maxReplyBytes: Math.max(1, Math.min(options.maxReplyBytes, MAX_REPLY_BYTES_LIMIT)) };
  const events: string[] = [];
  let restarts = 0;
  let nextId = 1;
  let session: Session | null = null;
  let givenUp: string | null = null;
  let closed = false;

  /** Kill a session's group and wait for it; say so if something survived even SIGKILL. */
  const stop = async (s: Session, why: string, chargedTo?: number): Promise<void> => {
    await s.kill(why, chargedTo);
    if (s.group.survivors.length) events.push(`${s.group.survivors.length} process(es) of the implementation still running after SIGKILL`);
  };
  const withStderr = (msg: string, s: Session): string => `${msg}${s.stderr.trim() ? `; stderr: ${s.stderr.slice(-300).trim()}` : ''}`;

  const open = async (): Promise<{ s: Session; hello: Hello }> => {
    const s = new Session(command, opts.maxReplyBytes);
    try {
      const offer = opts.maxProtocol === 1 ? { lemmata: 1, type: 'hello' } : { lemmata: 1, type: 'hello', protocols: [...PROTOCOL_VERSIONS] };
      const hello = parseHello((await s.exchange({ id: 'hello', op: 'hello' }, offer, opts.helloTimeoutMs ?? opts.timeoutMs)).value);
      if (opts.maxProtocol !== 1 && hello.protocols.includes(2)) s.version = 2;
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
  let version = session.version;

  const fail = (msg: string, n: number): BatchItem[] => Array.from({ length: n }, () => ({ error: msg, infrastructure: true }));
  const depth = Math.max(1, Math.floor(opts.pipeline ?? PIPELINE_DEPTH));
  let inFlight = 0;
  const slotWaiters: (() => void)[] = [];
  /** Resolved when the previous caller has written its request (or given up): writes go out in call order. */
  let gate: Promise<void> = Promise.resolve();

  const impl: AsyncImpl & { readonly protocol: 1 | 2 } = {
    /** The protocol version of the latest session (1: JSON lines; 2: binary frames). */
    get protocol() { return version; },
    name: hello.name,
    kind: 'command',
    spec: command,
    ops: hello.ops,
    profile: hello.profile,
    events,
    async callBatch(op: string, dtype: Dtype, batch: Record<string, unknown>[]): Promise<BatchItem[]> {
      // at most `depth` requests in flight; the session checks, restarts and the write itself run
      // one caller at a time (in call order), the waits for replies overlap
      while (inFlight >= depth) await new Promise<void>((r) => slotWaiters.push(r));
      inFlight++;
      try {
        return await callOne(op, dtype, batch);
      } finally {
        inFlight--;
        slotWaiters.shift()?.();
      }
    },
    async close() {
      closed = true;
      const s = session;
      session = null;
      if (s) await s.close();
    },
  };

  async function callOne(op: string, dtype: Dtype, batch: Record<string, unknown>[], retry = true): Promise<BatchItem[]> {
    const turn = gate;
    let release!: () => void;
    gate = new Promise<void>((r) => { release = r; });
    let sent: { s: Session; id: number; def: ReturnType<typeof opById>; pending: Promise<Reply> } | BatchItem[];
    try {
      await turn;
      sent = await send(op, dtype, batch);
    } finally {
      release();
    }
    if (Array.isArray(sent)) return sent;
    const { s, id, def } = sent;
    let reply: unknown;
    let blob: Uint8Array | null;
    try {
      ({ value: reply, blob } = await sent.pending);
    } catch (e) {
      await stop(s, (e as Error).message);
      if (retry && s.chargedTo !== null && s.chargedTo !== id) {
        // killed for another request's misbehaviour while this one was in flight: send it again
        events.push(`${op} request ${id}: in flight when the program was killed for request ${s.chargedTo}; sent again`);
        return callOne(op, dtype, batch, false);
      }
      events.push(`${op} request ${id}: ${(e as Error).message}`);
      return fail(withStderr((e as Error).message, s), batch.length);
    }
    const items = await judge(op, dtype, batch, s, id, def, reply, blob);
    if (blob) s.buffers.give(blob); // read: every item's values are copies
    return items;
  }

  /** Session checks (a dead one is stopped, a stray line charged, the program restarted), then the write; the reply is not awaited. */
  async function send(op: string, dtype: Dtype, batch: Record<string, unknown>[]): Promise<{ s: Session; id: number; def: ReturnType<typeof opById>; pending: Promise<Reply> } | BatchItem[]> {
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
        version = session.version;
        events.push(`restarted the implementation (restart ${restarts})`);
      } catch (e) {
        session = null;
        events.push(`restart ${restarts} failed: ${(e as Error).message}`);
        return fail(`restart failed: ${(e as Error).message}`, batch.length);
      }
    }
    const s = session;
    const id = nextId++;
    const def = opById(op);
    const tensors = def?.tensors ?? {};
    const msg = s.version === 2 ? { frame: encodeRequestFrame(id, op, dtype, batch, tensors, (n) => s.buffers.take(n).buffer as ArrayBuffer) } : { id, op, dtype, batch: batch.map((a) => encodeArgs(a, tensors, dtype, base64)) };
    const pending = s.exchange({ id, op }, msg, opts.timeoutMs);
    pending.catch(() => {}); // awaited by callOne; never an unhandled rejection meanwhile
    return { s, id, def, pending };
  }

  /** The reply to request `id`: checked and decoded into one item per argument set. */
  async function judge(op: string, dtype: Dtype, batch: Record<string, unknown>[], s: Session, id: number, def: ReturnType<typeof opById>, reply: unknown, blob: Uint8Array | null): Promise<BatchItem[]> {
    const r = reply as Record<string, unknown>;
    const violation = async (why: string): Promise<BatchItem[]> => {
      await stop(s, `protocol violation: ${why}`, id);
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
        return { ok: blob ? decodeFrameValue(it['ok'], blob, def?.result, dtype) : decodeValue(it['ok']) };
      } catch (e) {
        return { error: `malformed result: ${(e as Error).message}` };
      }
    });
  }

  return impl;
}
