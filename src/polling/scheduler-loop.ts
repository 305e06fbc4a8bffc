import type { Logger } from 'pino';
import type { PollScheduler } from './scheduler.js';

// Runs the scheduler in a worker process: a tick every tickMs, or at once again when a tick took a full
// claim (a backlog drains at the speed of the database, not of the timer). Every worker process runs one;
// SKIP LOCKED claims make them share the work rather than repeat it.

export function startSchedulerLoop(
  scheduler: PollScheduler,
  opts: { tickMs: number; claimLimit: number; logger: Logger },
): { close(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let failing = false;

  const loop = () => {
    if (stopped) return;
    running = (async () => {
      let again = false;
      try {
        const result = await scheduler.tick();
        again = result.claimed >= opts.claimLimit;
        if (result.claimed > 0) opts.logger.debug(result, 'poll scheduler tick');
        if (failing) opts.logger.info('poll scheduler recovered');
        failing = false;
      } catch (err) {
        // Postgres or Redis away: said once, then quiet until it works again.
        if (!failing) opts.logger.error({ err }, 'poll scheduler tick failed');
        failing = true;
      }
      if (!stopped) timer = setTimeout(loop, again ? 0 : opts.tickMs);
    })();
  };
  timer = setTimeout(loop, 0);

  return {
    async close() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
