import { type ConnectionOptions, Queue } from 'bullmq';

// Queue names and their queues. Every queue lives under the configured prefix, so test runs and
// deployments sharing a Redis never see each other's jobs (use a {hash-tag} prefix on Redis Cluster).

export const QUEUES = {
  maintenance: 'maintenance',
} as const;

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
