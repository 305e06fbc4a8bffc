// Records outcomes as they happen, a few at a time: one write while the next ones gather. A batch of sends
// then costs a handful of statements, yet each is recorded moments after its provider took it (a sender that
// dies in between is the only way a message goes twice; Message-IDs, idempotency keys and webhook ids let the
// receiving side collapse that).

export class Coalescer<T> {
  private buffer: T[] = [];
  private writing: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(private readonly write: (batch: T[]) => Promise<void>) {}

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

  // An outcome not written is work done again (a message sent twice): a passing database error is retried.
  private async writeWithRetries(batch: T[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.write(batch);
      } catch (err) {
        if (attempt >= 4) throw err;
        await new Promise((r) => setTimeout(r, 100 * 4 ** (attempt - 1)));
      }
    }
  }

  /** Resolves when everything pushed is written; rejects with the first failed write's error. */
  async settled(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.failure) throw this.failure;
  }
}
