import type { Database } from '../db/database.js';

// Outbox rows are written in the transaction of the change that causes them (DESIGN.md, Reliability); a relay
// moves them to the queue after commit. The dedupe key makes writing the same change twice one row.

export const OUTBOX_TOPICS = [
  'shipment.created',
  'shipment.status_changed',
  'shipment.delay_changed',
  'order.status_changed',
] as const;
export type OutboxTopic = (typeof OUTBOX_TOPICS)[number];

export interface OutboxMessage {
  merchantId: string;
  topic: OutboxTopic;
  dedupeKey: string;
  payload: Record<string, unknown>;
}

export class OutboxRepository {
  constructor(private readonly db: Database) {}

  with(trx: Database): OutboxRepository {
    return new OutboxRepository(trx);
  }

  /** How many rows were new. */
  async add(messages: readonly OutboxMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    const rows = await this.db
      .insertInto('outbox')
      .values(
        messages.map((m) => ({
          merchant_id: m.merchantId,
          topic: m.topic,
          dedupe_key: m.dedupeKey,
          payload: JSON.stringify(m.payload),
        })),
      )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    return rows.length;
  }
}
