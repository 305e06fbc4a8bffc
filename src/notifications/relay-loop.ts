import type { Logger } from 'pino';
import type { OutboxRelay } from './relay.service.js';

// Runs the outbox relay in a worker process: every tickMs, at once again while it finds full batches, and at
// once when woken (this process just committed changes). Every worker runs one; SKIP LOCKED claims make them
// share the outbox rather than relay a row twice at the same time, and unique keys make a repeat harmless.

export function startRelayLoop(
  relay: OutboxRelay,
  opts: { tickMs: number; batch: number; logger: Logger },
): { wake(): void; close(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let woken = false;
  let failing = false;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(run, ms);
  };

  const run = () => {
    if (stopped) return;
    if (running) {
      woken = true;
      return;
    }
    woken = false;
    running = (async () => {
      let again = false;
      try {
        const result = await relay.relay();
        again = result.events >= opts.batch;
        if (failing) opts.logger.info('outbox relay recovered');
        failing = false;
      } catch (err) {
        if (!failing) opts.logger.error({ err }, 'outbox relay failed');
        failing = true;
      }
      running = null;
      schedule(again || woken ? 0 : opts.tickMs);
    })();
  };
  schedule(0);

  return {
    wake() {
      if (running) woken = true;
      else schedule(0);
    },
    async close() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
