import { type ConnectionOptions, Queue } from 'bullmq';

// Queue names and their queues. Every queue lives under the configured prefix, so test runs and
// deployments sharing a Redis never see each other's jobs (use a {hash-tag} prefix on Redis Cluster).

export const QUEUES = {
  maintenance: 'maintenance',
  normalize: 'normalize',
} as const;

/** Payloads one normalize job carries at most: deliveries committed together are normalized together. */
export const NORMALIZE_JOB_PAYLOADS = 50;

/**
 * A normalize job: its id is the key stored on each of its payloads (raw_payloads.normalize_job), so
 * queueing it again, from the intake or the sweeper, is the same job.
 */
export interface NormalizeJob {
  key: string;
  payloadIds: number[];
}

/** The key of a payload queued on its own (one that names no job of its own). */
export const singlePayloadJobKey = (payloadId: number) => `payload-${payloadId}`;

export interface NormalizeJobData {
  payloadIds: number[];
}

export function normalizeQueue(connection: ConnectionOptions, prefix: string): Queue<NormalizeJobData> {
  return new Queue<NormalizeJobData>(QUEUES.normalize, {
    connection,
    prefix,
    defaultJobOptions: {
      // Completed jobs are kept a while, so a sweep that re-adds a finished job's id is a no-op.
      removeOnComplete: 5000,
      // A job that ran out of retries is removed so the sweeper can queue its payloads again under the same
      // id; the payload row keeps the error and counts attempts, and gives up after NORMALIZE_MAX_ATTEMPTS.
      removeOnFail: true,
      attempts: 8,
      // Transient failures (Postgres restarting) retry with growing, jittered delays.
      backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
    },
  });
}

export function maintenanceQueue(connection: ConnectionOptions, prefix: string): Queue {
  return new Queue(QUEUES.maintenance, {
    connection,
    prefix,
    defaultJobOptions: {
      removeOnComplete: 100,
      removeOnFail: 1000,
      attempts: 3,
      backoff: { type: 'exponential', delay: 5_000 },
    },
  });
}
