/**
 * Pipelining in the line-protocol client (src/conform/line-protocol.ts, LineOptions.pipeline):
 * concurrent callBatch calls keep at most two requests in flight, written in call order, replies
 * matched in order; results equal those of one request at a time; a misbehaving reply costs the
 * requests in flight at most, and the program is restarted for the next; `pipeline: 1` keeps the
 * strict one-at-a-time attribution (output after a reply fails that request).
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectLineProtocol, type LineOptions } from '../../src/conform/line-protocol.js';
import { fromRoot } from '../../src/util/paths.js';
import type { BatchItem } from '../../src/conform/async-impl.js';

const adapter = (name: string) => fromRoot('test', 'conform', 'adapters', name);
const REFERENCE = `node ${fromRoot('clients', 'js', 'serve-line.mjs')} ${adapter('float64-reference.mjs')}`;
const OPTS: LineOptions = { timeoutMs: 20_000, helloTimeoutMs: 20_000, maxReplyBytes: 1 << 22, maxRestarts: 5, base64: false };
const batches = Array.from({ length: 7 }, (_, b) => Array.from({ length: 1 + ((b * 37) % 50) }, (_, i) => ({ x: Array.from({ length: 1 + ((i + b) % 9) }, (_, j) => Math.fround(Math.sin(b * 31 + i * 7 + j) * 10)) })));

async function run(command: string, opts: Partial<LineOptions>, concurrent: boolean, bs = batches): Promise<{ res: BatchItem[][]; events: string[]; maxInFlight: number }> {
  const impl = await connectLineProtocol(command, { ...OPTS, ...opts });
  try {
    let inFlight = 0, maxInFlight = 0;
    const one = async (b: Record<string, unknown>[]) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try { return await impl.callBatch('nn.softmax', 'float32', b); } finally { inFlight--; }
    };
    const res: BatchItem[][] = [];
    if (concurrent) res.push(...await Promise.all(bs.map(one)));
    else for (const b of bs) res.push(await one(b));
    return { res, events: [...impl.events], maxInFlight };
  } finally {
    await impl.close();
  }
}

describe('line protocol: two requests in flight', () => {
  it('concurrent calls give the results of one request at a time, in order, under versions 1 and 2', async () => {
    for (const maxProtocol of [1, 2] as const) {
      const seq = await run(REFERENCE, { maxProtocol, pipeline: 1 }, false);
      const pipe = await run(REFERENCE, { maxProtocol }, true);
      expect(pipe.maxInFlight).toBe(batches.length);
      expect(pipe.events).toEqual([]);
      expect(seq.res.flat().every((r) => 'ok' in r)).toBe(true);
      expect(pipe.res).toEqual(seq.res);
    }
  }, 60_000);

  it('a reply written twice, with the next request in flight: that request fails naming request 1, the program is restarted, the rest pass', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-pipe-'));
    try {
      const cmd = `node ${adapter('duplicate-reply.mjs')} ${path.join(dir, 'pids')} 1 0 50`;
      const three = batches.slice(0, 3);
      const pipe = await run(cmd, {}, true, three);
      const status = pipe.res.map((r) => r.every((it) => 'ok' in it));
      expect(status).toEqual([true, false, true]);
      expect((pipe.res[1]![0] as { error: string }).error).toMatch(/a second reply to request 1, received instead of the reply to request 2/);
      expect(pipe.events.some((e) => /restarted the implementation/.test(e))).toBe(true);
      // one request at a time (pipeline 1): the duplicate fails request 1 itself, as spec/protocol.md says
      const seq = await run(cmd, { pipeline: 1 }, true, three);
      expect(seq.res.map((r) => r.every((it) => 'ok' in it))).toEqual([false, true, true]);
      expect((seq.res[0]![0] as { error: string }).error).toMatch(/output after the reply to request 1/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a timeout fails the requests in flight: each item an error, never a pass', async () => {
    // slow-softmax answers after its delay; a timeout shorter than it fails the requests in flight
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lemmata-pipe-'));
    try {
      const cmd = `node ${adapter('duplicate-reply.mjs')} ${path.join(dir, 'pids')} 0 0 3000`;
      const r = await run(cmd, { timeoutMs: 1000, maxRestarts: 1 }, true, batches.slice(0, 3));
      for (const b of r.res) for (const it of b) expect('error' in it && /timed out|given up|restart/.test(it.error), JSON.stringify(it)).toBe(true);
      expect(r.events.filter((e) => /timed out/.test(e)).length).toBeGreaterThanOrEqual(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
