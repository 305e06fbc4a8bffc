import { createHash } from 'node:crypto';
import { type ConnectionOptions, Queue } from 'bullmq';

// Queue names and their queues. Every queue lives under the configured prefix, so test runs and
// deployments sharing a Redis never see each other's jobs (use a {hash-tag} prefix on Redis Cluster).

export const QUEUES = {
  maintenance: 'maintenance',
  normalize: 'normalize',
} as const;

export interface PayloadRef {
  id: number;
  /** How often the payload was replayed on request: a replay is a new job. */
  replays: number;
}

/** Payloads one normalize job carries at most: deliveries committed together are normalized together. */
export const NORMALIZE_JOB_PAYLOADS = 50;

/**
 * A normalize job's id, derived from the payloads it carries (and their replay counts), so enqueueing the
 * same payloads twice (intake and sweeper) is one job, while a replay asked for by an agent is a new one.
 */
export function normalizeJobId(refs: readonly PayloadRef[]): string {
  const [only] = refs;
  if (refs.length === 1 && only) {
    return only.replays === 0 ? `payload-${only.id}` : `payload-${only.id}-r${only.replays}`;
  }
  const list = refs.map((r) => `${r.id}.${r.replays}`).join(',');
  return `payloads-${createHash('sha256').update(list).digest('hex').slice(0, 24)}`;
}

export interface NormalizeJobData {
  payloadIds: number[];
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
