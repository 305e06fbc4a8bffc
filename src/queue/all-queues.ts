import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { ADAPTERS } from '../carriers/registry.js';
import { maintenanceQueue, normalizeQueue, pollQueue, QUEUES, sendQueue } from './queues.js';

// Every queue a wismo deployment has, for the operator's views of them (the queue dashboard, queue depths in
// /metrics). The per-carrier poll queues are those of the carriers wismo can poll: workers.ts starts a
// worker for each, so the list follows the code, not whatever happens to be in Redis.

export interface OperatorQueues {
  queues: Queue[];
  close(): Promise<void>;
}

/**
 * Handles on every queue, sharing one connection. Built by the same factories as the producers' so that a
 * job the operator adds or retries from the dashboard gets the queue's usual attempts and back-off.
 */
export function openOperatorQueues(connection: Redis, prefix: string): OperatorQueues {
  const queues: Queue[] = [
    maintenanceQueue(connection, prefix),
    normalizeQueue(connection, prefix) as Queue,
    sendQueue(QUEUES.notifications, connection, prefix) as Queue,
    sendQueue(QUEUES.merchantWebhooks, connection, prefix) as Queue,
    ...ADAPTERS.filter((a) => a.poll).map((a) => pollQueue(connection, prefix, a.code) as Queue),
  ];
  // The shared connection already logs its errors; without a listener BullMQ prints each one again.
  for (const q of queues) q.on('error', () => undefined);
  return {
    queues,
    async close() {
      await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
    },
  };
}
