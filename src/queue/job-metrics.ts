import { type Job, MetricsTime, type Worker } from 'bullmq';
import { workerJobs } from '../metrics.js';

// What becomes of jobs, counted twice over on purpose: by each worker process (wismo_worker_jobs_total on its
// METRICS_PORT, per replica, retries and stalls included), and by BullMQ in Redis (read by the api into
// wismo_queue_jobs_finished_total), which sums every replica without scraping any of them.

/** Worker option turning on BullMQ's counters of completed and failed jobs (a day of per-minute points). */
export const JOB_METRICS = { maxDataPoints: MetricsTime.ONE_HOUR * 24 };

/** A failed attempt is final when BullMQ will not run the job again (out of attempts, or unrecoverable). */
function finalFailure(job: Job): boolean {
  return Boolean(job.finishedOn) || job.attemptsMade >= (job.opts.attempts ?? 1);
}

export function observeJobs(worker: Worker): void {
  const queue = worker.name;
  worker.on('completed', () => workerJobs.inc({ queue, outcome: 'completed' }));
  worker.on('failed', (job) =>
    workerJobs.inc({ queue, outcome: job && !finalFailure(job) ? 'retried' : 'failed' }),
  );
  // A job whose worker stopped renewing its lock (it died, or its event loop was blocked), seen by this one.
  worker.on('stalled', () => workerJobs.inc({ queue, outcome: 'stalled' }));
}
