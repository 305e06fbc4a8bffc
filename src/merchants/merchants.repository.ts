import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import type { Merchants } from '../db/schema.js';

export type MerchantRow = Selectable<Merchants>;

export class MerchantsRepository {
  constructor(private readonly db: Database) {}

  /** Inserts, or returns null when the slug is taken. */
  async insert(m: { slug: string; name: string; defaultLocale: string }): Promise<MerchantRow | null> {
    const row = await this.db
      .insertInto('merchants')
      .values({ slug: m.slug, name: m.name, default_locale: m.defaultLocale })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  async findBySlug(slug: string): Promise<MerchantRow | null> {
    return (
      (await this.db.selectFrom('merchants').selectAll().where('slug', '=', slug).executeTakeFirst()) ?? null
    );
  }

  async list(): Promise<MerchantRow[]> {
    return this.db.selectFrom('merchants').selectAll().orderBy('created_at').execute();
  }
}
