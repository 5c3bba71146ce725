/**
 * The `lemmata` command run asynchronously, for tests whose runs are independent of each other:
 * started together they overlap their start-up and their waits instead of queueing (same result,
 * same exit code, same output as a `spawnSync` run).
 */
import { spawn } from 'node:child_process';
import { fromRoot } from '../../src/util/paths.js';

export interface CliRun { code: number | null; out: string; err: string }

export function lemmataAsync(args: string[], { cwd = fromRoot(), timeoutMs = 120_000 }: { cwd?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [fromRoot('bin', 'lemmata.mjs'), ...args], { cwd, timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    c.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    c.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
    c.on('error', reject);
    c.on('close', (code) => resolve({ code, out, err }));
  });
}
