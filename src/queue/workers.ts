import { type Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { evictionPolicyWarning } from '../boot/redis.js';
import { ADAPTERS } from '../carriers/registry.js';
import type { Deps } from '../deps.js';
import { maintenanceProcessor, maintenanceSchedules } from '../maintenance/maintenance.job.js';
import { startRelayLoop } from '../notifications/relay-loop.js';
import { SlowDown } from '../polling/poll.service.js';
import { startSchedulerLoop } from '../polling/scheduler-loop.js';
import { JOB_METRICS, observeJobs } from './job-metrics.js';
import {
  maintenanceQueue,
  type NormalizeJobData,
  type PollJobData,
  pollQueue,
  pollQueueName,
  QUEUES,
  type SendJobData,
} from './queues.js';

export interface RunningWorkers {
  workers: Worker[];
  /** Stops taking jobs, waits for the ones in flight, then closes connections. */
  close(): Promise<void>;
}

/** How often a worker makes sure the maintenance schedules are still in Redis. */
const SCHEDULE_CHECK_MS = 5_000;

/** Starts every BullMQ worker of the worker process and registers the repeating schedules. */
export async function startWorkers(deps: Deps): Promise<RunningWorkers> {
  const { config, logger } = deps;
  // Workers block on Redis; BullMQ requires maxRetriesPerRequest: null on their connection.
  const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', (err) =>
    logger.warn({ err: { message: err.message } }, 'worker redis connection error'),
  );

  const warning = await evictionPolicyWarning(connection);
  if (warning) {
    logger.warn(warning);
    console.error(`\n  WARNING: ${warning}\n`);
  }

  const queue = maintenanceQueue(connection, config.queuePrefix);
  const schedules = maintenanceSchedules(
    config.sweep.intervalMs,
    config.notifications.delayCheckIntervalMs,
    config.predictedEdd.intervalMs,
  );
  // Job schedulers are stored in Redis and upserted by id, so any number of worker replicas can run this.
  for (const s of schedules) {
    await queue.upsertJobScheduler(s.id, { every: s.everyMs }, { name: s.id, data: {} });
  }
  // Turned off (DELAY_CHECKS=false) after it ran: the schedule stored in Redis goes too.
  if (config.notifications.delayCheckIntervalMs === null) await queue.removeJobScheduler('check-delays');
  if (config.predictedEdd.intervalMs === null) await queue.removeJobScheduler('predict-edd');
  const restoring = keepSchedules(queue, schedules, logger);

  const maintenance = new Worker(
    QUEUES.maintenance,
    maintenanceProcessor({
      idempotency: deps.services.idempotency,
      rawPayloads: deps.services.rawPayloads,
      sendSweeper: deps.services.sendSweeper,
      delays: deps.services.delays,
      predictions: deps.services.eddPredictor,
      sweepAfterMs: config.sweep.afterMs,
      logger,
    }),
    // Two at a time: a long job (learning months of deliveries for predicted dates) must not hold up the
    // sweepers behind it. Every maintenance job already tolerates running beside the others, as it must
    // with several worker replicas.
    { connection, prefix: config.queuePrefix, concurrency: 2, metrics: JOB_METRICS },
  );
  maintenance.on('failed', (job, err) =>
    logger.error({ err, job: job?.name, jobId: job?.id }, 'maintenance job failed'),
  );
  maintenance.on('error', (err) => logger.error({ err }, 'maintenance worker error'));

  // Normalization is idempotent (event dedupe keys, row locks per shipment), so concurrent jobs and
  // redelivered jobs are safe; the concurrency only bounds database load.
  const normalize = new Worker<NormalizeJobData>(
    QUEUES.normalize,
    async (job) => {
      // Jobs queued by an earlier version carry one payloadId.
      const legacy = (job.data as { payloadId?: number }).payloadId;
      const ids = job.data.payloadIds ?? (legacy === undefined ? [] : [legacy]);
      const outcomes = await deps.services.normalize.normalizePayloads(ids);
      return outcomes.length === 1 ? outcomes[0] : { payloads: outcomes.length };
    },
    {
      connection,
      prefix: config.queuePrefix,
      metrics: JOB_METRICS,
      concurrency: config.normalizeConcurrency,
      // A worker that dies mid-job (killed, out of memory) loses its lock; another takes the job over.
      lockDuration: config.jobLockMs,
      stalledInterval: config.jobLockMs,
    },
  );
  normalize.on('failed', (job, err) =>
    logger.error({ err, jobId: job?.id, attempts: job?.attemptsMade }, 'normalize job failed'),
  );
  normalize.on('error', (err) => logger.error({ err }, 'normalize worker error'));

  const relay = config.notifications.relay.enabled
    ? startRelayLoop(deps.services.relay, {
        tickMs: config.notifications.relay.tickMs,
        batch: config.notifications.relay.batch,
        logger,
      })
    : null;
  // Changes this process committed are relayed at once rather than at the next tick.
  normalize.on('completed', () => relay?.wake());
  const sends = startSendWorkers(deps, connection);

  const polling = startPollWorkers(deps, connection);
  const scheduler = config.polling.schedulerEnabled
    ? startSchedulerLoop(deps.services.pollScheduler, {
        tickMs: config.polling.tickMs,
        claimLimit: config.polling.claimLimit,
        logger,
      })
    : null;

  const workers = [maintenance, normalize, ...sends, ...polling.workers];
  for (const w of workers) observeJobs(w);
  return {
    workers,
    async close() {
      clearInterval(restoring);
      await scheduler?.close();
      await relay?.close();
      await Promise.all(workers.map((w) => w.close()));
      await queue.close();
      await polling.close();
      connection.disconnect();
    },
  };
}

/** How many rows of a send job ended how: the job's result, as shown in queue dashboards. */
function count(outcomes: Map<unknown, string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes.values()) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}

/** Shopper messages and merchant webhook deliveries: each job attempts its row once (see the services). */
function startSendWorkers(deps: Deps, connection: Redis): Worker[] {
  const { config, logger } = deps;
  const common = {
    connection,
    prefix: config.queuePrefix,
    metrics: JOB_METRICS,
    lockDuration: config.jobLockMs,
    stalledInterval: config.jobLockMs,
  };
  const notifications = new Worker<SendJobData>(
    QUEUES.notifications,
    async (job) => {
      return count(await deps.services.sender.send(job.data.ids ?? (job.data.id ? [job.data.id] : [])));
    },
    { ...common, concurrency: config.notifications.concurrency },
  );
  const webhooks = new Worker<SendJobData>(
    QUEUES.merchantWebhooks,
    async (job) => {
      const ids = (job.data.ids ?? (job.data.id ? [job.data.id] : [])).map(Number);
      return count(await deps.services.deliveries.deliver(ids));
    },
    { ...common, concurrency: config.merchantWebhooks.concurrency },
  );
  for (const [name, w] of [
    ['notification', notifications],
    ['merchant webhook', webhooks],
  ] as const) {
    w.on('failed', (job, err) =>
      logger.error({ err, jobId: job?.id, attempts: job?.attemptsMade }, `${name} job failed`),
    );
    w.on('error', (err) => logger.error({ err }, `${name} worker error`));
  }
  return [notifications, webhooks];
}

/**
 * One worker per polled carrier, on that carrier's queue, with its rate limit: BullMQ keeps the limit in
 * Redis, so it holds across every worker process. A 429 or an open circuit breaker pauses the queue for
 * every process and puts the job back without spending one of its attempts.
 */
function startPollWorkers(deps: Deps, connection: Redis) {
  const { config, logger } = deps;
  const queues: ReturnType<typeof pollQueue>[] = [];
  const workers = ADAPTERS.flatMap((adapter) => {
    if (!adapter.poll) return [];
    const limit = config.polling.rateLimits[adapter.code] ?? adapter.poll.rateLimit;
    const queue = pollQueue(connection, config.queuePrefix, adapter.code);
    queue.on('error', () => undefined);
    queues.push(queue);
    const worker = new Worker<PollJobData>(
      pollQueueName(adapter.code),
      async (job) => {
        try {
          const outcome = await deps.services.polls.run(job.data);
          return { ...outcome, payloadIds: outcome.payloadIds.length };
        } catch (err) {
          if (!(err instanceof SlowDown)) throw err;
          logger.info(
            { carrier: adapter.code, pauseMs: err.ms, reason: err.message },
            'carrier queue paused',
          );
          await queue.rateLimit(err.ms);
          throw Worker.RateLimitError();
        }
      },
      {
        connection,
        prefix: config.queuePrefix,
        metrics: JOB_METRICS,
        concurrency: config.polling.concurrency,
        limiter: { max: limit.max, duration: limit.durationMs },
        lockDuration: config.jobLockMs,
        stalledInterval: config.jobLockMs,
      },
    );
    worker.on('failed', (job, err) =>
      logger.error(
        { err, carrier: adapter.code, jobId: job?.id, attempts: job?.attemptsMade },
        'poll job failed',
      ),
    );
    worker.on('error', (err) => logger.error({ err, carrier: adapter.code }, 'poll worker error'));
    return [worker];
  });
  return {
    workers,
    async close() {
      await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
    },
  };
}

/**
 * A Redis that restarted without persistence has lost the schedules with everything else, and the sweepers
 * that re-derive lost work from Postgres are among them: nothing would re-queue a payload whose job went
 * with Redis. Every worker therefore checks, every few seconds, that each schedule still exists, and puts
 * back the ones that do not (an existing schedule is left alone, so its next run is not pushed back).
 */
function keepSchedules(
  queue: Queue,
  schedules: readonly { id: string; everyMs: number }[],
  logger: Deps['logger'],
): NodeJS.Timeout {
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      for (const s of schedules) {
        if (await queue.getJobScheduler(s.id)) continue;
        await queue.upsertJobScheduler(s.id, { every: s.everyMs }, { name: s.id, data: {} });
        logger.warn({ schedule: s.id }, 'maintenance schedule was missing from Redis; restored');
      }
    } catch {
      // Redis away: the next check tries again.
    } finally {
      busy = false;
    }
  }, SCHEDULE_CHECK_MS);
  timer.unref();
  return timer;
}
