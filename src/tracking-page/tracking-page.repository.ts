import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { OrderRow } from '../orders/orders.repository.js';

// The SQL of the shopper's tracking page: merchants by their public slug, orders by id (a signed link) or by
// number (the lookup form), and the per-day counters of what the page is used for.

export interface PageMerchantRow {
  id: string;
  slug: string;
  name: string;
  defaultLocale: string;
  notificationSettings: unknown;
  trackingPage: unknown;
}

export type PageCount = 'view_link' | 'view_number' | 'lookup_found' | 'lookup_missed' | 'rate_limited';

const MERCHANT_COLUMNS = [
  'id',
  'slug',
  'name',
  'default_locale',
  'notification_settings',
  'tracking_page',
] as const;

function toMerchant(r: {
  id: string;
  slug: string;
  name: string;
  default_locale: string;
  notification_settings: unknown;
  tracking_page: unknown;
}): PageMerchantRow {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    defaultLocale: r.default_locale,
    notificationSettings: r.notification_settings,
    trackingPage: r.tracking_page,
  };
}

export class TrackingPageRepository {
  constructor(private readonly db: Database) {}

  async merchantBySlug(slug: string): Promise<PageMerchantRow | null> {
    const row = await this.db
      .selectFrom('merchants')
      .select(MERCHANT_COLUMNS)
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row ? toMerchant(row) : null;
  }

  async merchantById(id: string): Promise<PageMerchantRow | null> {
    const row = await this.db
      .selectFrom('merchants')
      .select(MERCHANT_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toMerchant(row) : null;
  }

  /** An order by id alone: a signed link names no merchant, the order's own is the scope. */
  async orderById(id: string): Promise<OrderRow | null> {
    return (await this.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** By number as a shopper types it: case does not matter (orders_merchant_number_upper_idx); one match only. */
  async orderByNumber(merchantId: string, orderNumber: string): Promise<OrderRow | null> {
    const rows = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where(sql<string>`upper(order_number)`, '=', orderNumber.toUpperCase())
      .limit(2)
      .execute();
    return rows.find((r) => r.order_number === orderNumber) ?? (rows.length === 1 ? (rows[0] ?? null) : null);
  }

  /** One more of `kind` today (UTC) for the merchant. No visitor data is kept, only the count. */
  async count(merchantId: string, kind: PageCount): Promise<void> {
    await this.db
      .insertInto('tracking_page_counts')
      .values({ merchant_id: merchantId, day: sql`current_date`, kind, count: 1 })
      .onConflict((oc) =>
        oc
          .columns(['merchant_id', 'day', 'kind'])
          .doUpdateSet({ count: sql`tracking_page_counts.count + 1` }),
      )
      .execute();
  }

  async pageSettings(merchantId: string): Promise<unknown> {
    const row = await this.db
      .selectFrom('merchants')
      .select('tracking_page')
      .where('id', '=', merchantId)
      .executeTakeFirst();
    return row?.tracking_page ?? {};
  }

  async savePageSettings(merchantId: string, settings: object): Promise<void> {
    await this.db
      .updateTable('merchants')
      .set({ tracking_page: JSON.stringify(settings), updated_at: sql`now()` })
      .where('id', '=', merchantId)
      .execute();
  }
}
