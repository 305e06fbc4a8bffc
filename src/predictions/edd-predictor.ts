import type { Logger } from 'pino';
import { calendarDate, isTimeZone } from '../lib/time-zone.js';
import { dateOf, dayNumber } from './days.js';
import { METHOD, type Method } from './method.js';
import { predictInFlight } from './predict.js';
import type { InFlight, PredictionChange, PredictionsRepository } from './predictions.repository.js';
import { learnTransit, TransitTable } from './transit-stats.js';

// The periodic prediction pass (a maintenance job: BullMQ starts each interval's job once, whichever worker
// takes it; a run longer than the interval can overlap the next, which the writes tolerate: each one only
// changes a row still as it was read). It learns transit times from the deliveries of the trailing window when what is stored is
// older than RELEARN_AFTER_MS (learning reads months of deliveries; predicting reads only what is in flight),
// then predicts a date for every parcel in flight and writes the ones that changed.

const PAGE = 1000;
const RELEARN_AFTER_MS = 6 * 3_600_000;
const DAY_MS = 86_400_000;

export interface PredictionRun {
  learned: boolean;
  groups: number;
  checked: number;
  changed: number;
}

export class EddPredictor {
  constructor(
    private readonly repo: PredictionsRepository,
    private readonly logger: Logger,
    private readonly method: Method = METHOD,
  ) {}

  async run(now = new Date(), opts: { relearn?: boolean } = {}): Promise<PredictionRun> {
    const learnedAt = await this.repo.learnedAt();
    const due =
      opts.relearn === true || learnedAt === null || now.getTime() - learnedAt.getTime() >= RELEARN_AFTER_MS;
    let learned = false;
    if (due) {
      // A failed relearn (a timeout on a very large window, say) must not stop today's predictions: parcels
      // out for delivery or running late still get their dates from what was learned before.
      try {
        await this.learn(now);
        learned = true;
      } catch (err) {
        this.logger.error({ err }, 'learning transit times failed; predicting from the stored figures');
      }
    }
    const table = new TransitTable(await this.repo.loadStats());

    let after: string | null = null;
    let checked = 0;
    let changed = 0;
    for (;;) {
      const page = await this.repo.inFlight(after, PAGE);
      if (page.length === 0) break;
      checked += page.length;
      after = page[page.length - 1]?.id ?? null;
      const changes: PredictionChange[] = [];
      for (const row of page) {
        const predicted = this.predict(row, table, now);
        if (predicted !== row.predicted) changes.push({ row, predicted });
      }
      changed += await this.repo.setPredictions(changes);
      if (page.length < PAGE) break;
    }
    if (changed > 0 || learned)
      this.logger.info({ learned, groups: table.size, checked, changed }, 'predicted delivery dates');
    return { learned, groups: table.size, checked, changed };
  }

  private async learn(now: Date): Promise<void> {
    const window = { start: new Date(now.getTime() - this.method.windowDays * DAY_MS), end: now };
    const counts = await this.repo.transitCounts(window.start, window.end);
    await this.repo.replaceStats(learnTransit(counts, this.method), window);
  }

  private predict(row: InFlight, table: TransitTable, now: Date): string | null {
    if (row.destination === null) return null;
    const lane = {
      carrier: row.carrier,
      origin: row.origin,
      sender: row.origin === null ? row.merchantId : null,
      destination: row.destination,
    };
    const stats = table.find(lane, row.region, row.service);
    // As learned: shipped on the merchant's calendar, delivered on the shopper's.
    const merchantZone = zoneOr(row.merchantZone, 'UTC');
    const shopperZone = zoneOr(row.customerZone, merchantZone);
    const shipDay = dayNumber(calendarDate(row.shippedAt, merchantZone));
    const today = dayNumber(calendarDate(now, shopperZone));
    const day = predictInFlight({ status: row.status, shipDay, today }, stats, this.method);
    return day === null ? null : dateOf(day);
  }
}

function zoneOr(zone: string | null, fallback: string): string {
  return zone && isTimeZone(zone) ? zone : fallback;
}
