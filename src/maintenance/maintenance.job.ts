import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import type { DelayDetector } from '../delays/delay-detector.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { RawPayloadsService } from '../intake/raw-payloads.service.js';
import type { SendSweeper } from '../notifications/send-sweeper.js';
import type { EddPredictor } from '../predictions/edd-predictor.js';

export function maintenanceSchedules(
  sweepIntervalMs: number,
  delayCheckIntervalMs: number | null,
  predictedEddIntervalMs: number | null = null,
) {
  const schedules: { id: string; everyMs: number }[] = [
    // Idempotency records live a day (IDEMPOTENCY_TTL_HOURS); this keeps the table from growing without bound.
    { id: 'purge-idempotency-keys', everyMs: 60 * 60 * 1000 },
    // Payloads committed whose normalize job never reached Redis, or whose worker died: enqueued again.
    { id: 'sweep-raw-payloads', everyMs: sweepIntervalMs },
    // Shopper messages and webhook deliveries whose job was lost, or whose sender died holding them.
    { id: 'sweep-sends', everyMs: sweepIntervalMs },
  ];
  // Estimates that passed and parcels gone silent: marked delayed (once per estimate).
  if (delayCheckIntervalMs !== null) schedules.push({ id: 'check-delays', everyMs: delayCheckIntervalMs });
  // Parcels in flight get the delivery date learned from this deployment's own deliveries.
  if (predictedEddIntervalMs !== null) schedules.push({ id: 'predict-edd', everyMs: predictedEddIntervalMs });
  return schedules;
}

/** Housekeeping that keeps Postgres tables bounded. Idempotent: running a job twice deletes nothing more. */
export function maintenanceProcessor(deps: {
  idempotency: IdempotencyService;
  rawPayloads: RawPayloadsService;
  sendSweeper: SendSweeper;
  delays: DelayDetector;
  predictions: EddPredictor;
  sweepAfterMs: number;
  logger: Logger;
}) {
  return async (job: Job): Promise<unknown> => {
    switch (job.name) {
      case 'purge-idempotency-keys': {
        const deleted = await deps.idempotency.purgeExpired();
        if (deleted > 0) deps.logger.info({ deleted }, 'purged expired idempotency keys');
        return { deleted };
      }
      case 'sweep-raw-payloads': {
        const result = await deps.rawPayloads.sweep(deps.sweepAfterMs);
        if (result.swept > 0) deps.logger.warn(result, 'enqueued stranded raw payloads');
        return result;
      }
      case 'sweep-sends': {
        const result = await deps.sendSweeper.sweep(deps.sweepAfterMs);
        if (result.messages + result.deliveries > 0) deps.logger.warn(result, 'queued stranded sends again');
        return result;
      }
      case 'check-delays':
        return deps.delays.run();
      case 'predict-edd':
        return deps.predictions.run();
      default:
        throw new Error(`unknown maintenance job ${job.name}`);
    }
  };
}
