import { type Selectable, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { Orders } from '../db/schema.js';
import type { OrderStatus } from '../domain/status.js';
import type { Keyset } from '../lib/cursor.js';

export type OrderRow = Selectable<Orders>;

/** Columns a storefront may set; absent keys are left as stored. */
export interface OrderWrite {
  placed_at?: Date | null;
  promised_date?: string | null;
  customer_name?: string | null;
  customer_email?: string | null;
  customer_phone?: string | null;
  customer_locale?: string | null;
  customer_time_zone?: string | null;
  sms_consent?: boolean;
  shipping_address?: string | null;
  postal_code_normalized?: string | null;
  items?: string;
  metadata?: string;
}

export type MilestoneColumn = 'confirmed_at' | 'packed_at' | 'cancelled_at';

export interface OrderFilter {
  statuses?: OrderStatus[];
  carrier?: string;
  updatedSince?: Date;
  after?: Keyset;
  limit: number;
}

export class OrdersRepository {
  constructor(private readonly db: Database) {}

  with(trx: Database): OrdersRepository {
    return new OrdersRepository(trx);
  }

  /**
   * Creates the order or applies the given columns to the existing one, and locks its row for the rest of
   * the transaction. updated_at moves only when a value actually changed.
   */
  async upsertAndLock(
    merchantId: string,
    orderNumber: string,
    write: OrderWrite,
  ): Promise<{ row: OrderRow; created: boolean }> {
    const columns = Object.keys(write) as (keyof OrderWrite)[];
    const inserted = await this.db
      .insertInto('orders')
      .values({ merchant_id: merchantId, order_number: orderNumber, ...write })
      .onConflict((oc) => oc.columns(['merchant_id', 'order_number']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { row: inserted, created: true };

    if (columns.length > 0) {
      const changed = sql<boolean>`(${sql.join(columns.map((c) => sql.ref(`orders.${c}`)))}) IS DISTINCT FROM (${sql.join(
        columns.map((c) => sql`${write[c]}::${sql.raw(CAST[c])}`),
      )})`;
      await this.db
        .updateTable('orders')
        .set({ ...write, updated_at: sql<Date>`now()` })
        .where('merchant_id', '=', merchantId)
        .where('order_number', '=', orderNumber)
        .where(changed)
        .execute();
    }
    const row = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('order_number', '=', orderNumber)
      .forNoKeyUpdate()
      .executeTakeFirstOrThrow();
    return { row, created: false };
  }

  async lockById(merchantId: string, id: string): Promise<OrderRow | null> {
    const row = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .forNoKeyUpdate()
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * Locks these orders in id order (every locker takes them in that order, so none deadlock). Every order
   * lock here is FOR NO KEY UPDATE: lockers still exclude each other, but rows that merely reference an order
   * (a message the relay writes, a parcel being attached) do not wait for a normalization to commit.
   */
  async lockByIds(ids: readonly string[]): Promise<OrderRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('orders')
      .selectAll()
      .where('id', 'in', ids)
      .orderBy('id')
      .forNoKeyUpdate()
      .execute();
  }

  async findById(merchantId: string, id: string): Promise<OrderRow | null> {
    const row = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ?? null;
  }

  async findByNumber(merchantId: string, orderNumber: string): Promise<OrderRow | null> {
    const row = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('order_number', '=', orderNumber)
      .executeTakeFirst();
    return row ?? null;
  }

  /** Sets a milestone the first time it is reported; a repeat keeps the first time. */
  async setMilestone(id: string, column: MilestoneColumn, at: Date): Promise<OrderRow> {
    return this.db
      .updateTable('orders')
      .set((eb) => ({ [column]: eb.fn.coalesce(column, eb.val(at)), updated_at: sql<Date>`now()` }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async setStatus(id: string, status: OrderStatus): Promise<void> {
    await this.db
      .updateTable('orders')
      .set({ status, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', '<>', status)
      .execute();
  }

  /** setStatus for several orders, in one statement. */
  async setStatuses(changes: readonly { id: string; status: OrderStatus }[]): Promise<void> {
    if (changes.length === 0) return;
    await sql`
      UPDATE orders o SET status = c.status, updated_at = now()
      FROM jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) AS c(id uuid, status text)
      WHERE o.id = c.id AND o.status <> c.status`.execute(this.db);
  }

  /** Newest change first, keyset-paginated on (updated_at, id). */
  async list(merchantId: string, f: OrderFilter): Promise<OrderRow[]> {
    let q = this.db.selectFrom('orders').selectAll().where('merchant_id', '=', merchantId);
    if (f.statuses) q = q.where('status', 'in', f.statuses);
    if (f.updatedSince) q = q.where('updated_at', '>=', f.updatedSince);
    if (f.carrier) {
      const carrier = f.carrier;
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('shipments')
            .select(sql`1`.as('one'))
            .whereRef('shipments.order_id', '=', 'orders.id')
            .where('shipments.carrier_code', '=', carrier),
        ),
      );
    }
    if (f.after) {
      const { at, id } = f.after;
      q = q.where(sql<boolean>`(updated_at, id) < (${at}::timestamptz, ${id}::uuid)`);
    }
    return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  }
}

// The SQL type of each writable column, so the "did anything change" comparison compares like with like.
const CAST: Record<keyof OrderWrite, string> = {
  placed_at: 'timestamptz',
  promised_date: 'date',
  customer_name: 'text',
  customer_email: 'text',
  customer_phone: 'text',
  customer_locale: 'text',
  customer_time_zone: 'text',
  sms_consent: 'boolean',
  shipping_address: 'jsonb',
  postal_code_normalized: 'text',
  items: 'jsonb',
  metadata: 'jsonb',
};
