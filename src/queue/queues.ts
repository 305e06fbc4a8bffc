import { type ConnectionOptions, Queue } from 'bullmq';

// Queue names and their queues. Every queue lives under the configured prefix, so test runs and
// deployments sharing a Redis never see each other's jobs (use a {hash-tag} prefix on Redis Cluster).

export const QUEUES = {
  maintenance: 'maintenance',
  normalize: 'normalize',
} as const;

/**
 * A raw payload's normalize job: one id per payload, so enqueueing twice (intake and sweeper) is one job. A
 * replay asked for by an agent is a new job: the payload's replay count is part of the id.
 */
export const normalizeJobId = (payloadId: number, replays = 0) =>
  replays === 0 ? `payload-${payloadId}` : `payload-${payloadId}-r${replays}`;

export interface NormalizeJobData {
  payloadId: number;
}

export function normalizeQueue(connection: ConnectionOptions, prefix: string): Queue<NormalizeJobData> {
  return new Queue<NormalizeJobData>(QUEUES.normalize, {
    connection,
    prefix,
    defaultJobOptions: {
      removeOnComplete: 1000,
      // A job that ran out of retries is removed so the sweeper can enqueue its payload again under the same
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
