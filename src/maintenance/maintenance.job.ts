import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';

export const MAINTENANCE_SCHEDULES = [
  // Idempotency records live a day (IDEMPOTENCY_TTL_HOURS); this keeps the table from growing without bound.
  { id: 'purge-idempotency-keys', everyMs: 60 * 60 * 1000 },
] as const;

/** Housekeeping that keeps Postgres tables bounded. Idempotent: running a job twice deletes nothing more. */
export function maintenanceProcessor(deps: { idempotency: IdempotencyService; logger: Logger }) {
  return async (job: Job): Promise<{ deleted: number }> => {
    switch (job.name) {
      case 'purge-idempotency-keys': {
        const deleted = await deps.idempotency.purgeExpired();
        if (deleted > 0) deps.logger.info({ deleted }, 'purged expired idempotency keys');
        return { deleted };
      }
      default:
        throw new Error(`unknown maintenance job ${job.name}`);
    }
  };
}
