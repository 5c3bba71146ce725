/**
 * A progress line on a terminal (stderr): counts, failures and an estimate of the time left,
 * rewritten in place; nothing at all when stderr is not a TTY (CI logs stay clean).
 */
export class Progress {
  private done = 0;
  private bad = 0;
  private readonly t0 = Date.now();
  private readonly on: boolean;

  constructor(private total = 0, private readonly what = 'properties', tty = process.stderr.isTTY === true) {
    this.on = tty;
  }

  setTotal(n: number): void { this.total = n; }

  /** One item finished with this status and id. */
  tick(status: string, id: string): void {
    this.done++;
    if (status === 'fail' || status === 'error' || status === 'xpass') this.bad++;
    if (!this.on) return;
    const elapsed = (Date.now() - this.t0) / 1000;
    const eta = this.done > 0 && this.total > this.done ? `, ~${Math.ceil((elapsed / this.done) * (this.total - this.done))} s left` : '';
    const line = `  ${this.done}/${this.total || '?'} ${this.what}, ${this.bad} failed${eta}  ${id}`;
    const width = (process.stderr.columns ?? 100) - 1;
    process.stderr.write(`\r${line.slice(0, width).padEnd(Math.min(width, 100))}`);
  }

  /** Clear the line before the summary is printed. */
  end(): void {
    if (this.on && this.done > 0) process.stderr.write(`\r${' '.repeat(Math.min((process.stderr.columns ?? 100) - 1, 100))}\r`);
  }
}
