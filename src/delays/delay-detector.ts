import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { readSettings } from '../notifications/settings.js';
import type { OrdersService } from '../orders/orders.service.js';
import type { OutboxMessage, OutboxRepository } from '../outbox/outbox.repository.js';
import { orderChanged, shipmentChanges } from '../tracking/outbox-messages.js';
import type { TrackingRepository } from '../tracking/tracking.repository.js';
import { type DelayState, detectDelay, sameDelay } from './delay.js';
import type { DelayCandidate, DelaysRepository } from './delays.repository.js';

// The periodic delay check (a maintenance job: BullMQ runs each interval's job once, whichever worker takes
// it). Verdicts are written with the orders and shipments locked, as normalization locks them, and re-checked
// under the lock, so a scan arriving at the same moment wins; each change writes its outbox rows, which the
// relay turns into the `delayed` message (once per estimate) and the merchant's webhook event.

const PAGE = 1000;

export class DelayDetector {
  constructor(
    private readonly db: Database,
    private readonly repo: DelaysRepository,
    private readonly tracking: TrackingRepository,
    private readonly orders: OrdersService,
    private readonly outbox: OutboxRepository,
    private readonly logger: Logger,
  ) {}

  async run(now = new Date()): Promise<{ checked: number; changed: number }> {
    let after: string | null = null;
    let checked = 0;
    let changed = 0;
    for (;;) {
      const page = await this.repo.candidates(now, after, PAGE);
      if (page.length === 0) break;
      checked += page.length;
      after = page[page.length - 1]?.id ?? null;
      const verdicts = page
        .map((c) => ({ c, next: verdict(c, now) }))
        .filter(({ c, next }) => !sameDelay(next, { reason: c.delayReason, edd: c.delayEdd }));
      if (verdicts.length > 0) changed += await this.apply(verdicts, now);
      if (page.length < PAGE) break;
    }
    if (changed > 0) this.logger.info({ checked, changed }, 'delay check changed shipments');
    return { checked, changed };
  }

  private async apply(verdicts: { c: DelayCandidate; next: DelayState }[], now: Date): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const orders = await this.orders.lockManyForShipmentChange(
        trx,
        verdicts.map((v) => v.c.orderId),
      );
      const locked = new Map(
        (await this.tracking.with(trx).lockShipments(verdicts.map((v) => v.c.id))).map((s) => [s.id, s]),
      );
      const outbox: OutboxMessage[] = [];
      let changed = 0;
      for (const { c, next } of verdicts) {
        const s = locked.get(c.id);
        // Changed since it was read (a scan, a normalization): the next run judges it afresh.
        if (!s || s.status !== c.status || s.delayReason !== c.delayReason || s.delayEdd !== c.delayEdd)
          continue;
        await this.repo.with(trx).setDelay(s.id, next.reason, next.edd);
        const derived = {
          status: s.status,
          substatus: c.substatus,
          delayReason: next.reason,
          shippedAt: null,
          deliveredAt: null,
          lastEventAt: c.lastEventAt?.toISOString() ?? null,
          decisions: new Map(),
        };
        outbox.push(...shipmentChanges(s, derived, 'clock', next.edd));
        changed++;
      }
      const touched = [...new Set(verdicts.map((v) => v.c.orderId))].flatMap((id) => orders.get(id) ?? []);
      const orderChanges = await this.orders.refreshLockedMany(trx, touched);
      for (const order of touched) {
        const change = orderChanges.get(order.id);
        if (change) outbox.push(orderChanged(order, change, `clock-${now.toISOString()}`));
      }
      await this.outbox.with(trx).add(outbox);
      return changed;
    });
  }
}

function verdict(c: DelayCandidate, now: Date): DelayState {
  const settings = readSettings(c.settings, c.defaultLocale);
  return detectDelay({
    status: c.status,
    current: { reason: c.delayReason, edd: c.delayEdd },
    edd: c.edd,
    lastNewsAt: c.lastEventAt,
    now,
    timeZone: settings.timeZone,
    stallAfterBusinessDays: settings.stallAfterBusinessDays,
  });
}
