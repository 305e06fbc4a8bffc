// Records outcomes as they happen, a few at a time: one write while the next ones gather. A batch of sends
// then costs a handful of statements, yet each is recorded moments after its provider took it (a sender that
// dies in between is the only way a message goes twice; Message-IDs, idempotency keys and webhook ids let the
// receiving side collapse that).

export class Coalescer<T> {
  private buffer: T[] = [];
  private writing: Promise<void> | null = null;
  private failure: unknown = null;

  /**
   * `retryForMs`: how long a failed write keeps being retried. The callers pass most of their claim's lease:
   * until it runs out nobody else can take the rows, so an outcome written late (Postgres back after an
   * outage) still counts, where giving up would have the message sent again.
   */
  constructor(
    private readonly write: (batch: T[]) => Promise<void>,
    private readonly retryForMs = 2_000,
  ) {}

  push(item: T): void {
    this.buffer.push(item);
    if (!this.writing) this.writing = this.drain();
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer;
      this.buffer = [];
      try {
        await this.writeWithRetries(batch);
      } catch (err) {
        this.failure = err;
      }
    }
    this.writing = null;
  }

  // An outcome not written is work done again (a message sent twice): a failed write is retried, soon and
  // often (every 100 ms to 1 s), so it lands moments after Postgres is back.
  private async writeWithRetries(batch: T[]): Promise<void> {
    const until = Date.now() + this.retryForMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.write(batch);
      } catch (err) {
        const wait = Math.min(100 * 2 ** (attempt - 1), 1_000);
        if (Date.now() + wait > until) throw err;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  /** Resolves when everything pushed is written; rejects with the first failed write's error. */
  async settled(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.failure) throw this.failure;
  }
}
