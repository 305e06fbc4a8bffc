import { BadRequestError, ConflictError, NotFoundError } from '../errors.js';
import type { MerchantRow, MerchantsRepository } from './merchants.repository.js';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export interface Merchant {
  id: string;
  slug: string;
  name: string;
  defaultLocale: string;
  createdAt: string;
}

function toMerchant(row: MerchantRow): Merchant {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    defaultLocale: row.default_locale,
    createdAt: row.created_at.toISOString(),
  };
}

/** Turns a display name into a slug candidate: "Acme Outdoor GmbH" -> "acme-outdoor-gmbh". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

export class MerchantsService {
  constructor(private readonly repo: MerchantsRepository) {}

  async create(input: { name: string; slug?: string; defaultLocale?: string }): Promise<Merchant> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) throw new BadRequestError('name must be 1 to 200 characters');
    const slug = input.slug ?? slugify(name);
    if (!SLUG.test(slug)) {
      throw new BadRequestError(
        `slug "${slug}" must be 2 to 63 characters of lower-case letters, digits and dashes, starting with a letter or digit`,
      );
    }
    const row = await this.repo.insert({ slug, name, defaultLocale: input.defaultLocale ?? 'en' });
    if (!row) throw new ConflictError(`a merchant with slug "${slug}" already exists`);
    return toMerchant(row);
  }

  /** Returns the merchant with this slug, creating it the first time (used for the demo merchant). */
  async ensure(input: { name: string; slug: string }): Promise<{ merchant: Merchant; created: boolean }> {
    const row = await this.repo.insert({ slug: input.slug, name: input.name, defaultLocale: 'en' });
    if (row) return { merchant: toMerchant(row), created: true };
    return { merchant: await this.get(input.slug), created: false };
  }

  async get(slug: string): Promise<Merchant> {
    const row = await this.repo.findBySlug(slug);
    if (!row) throw new NotFoundError(`merchant "${slug}"`);
    return toMerchant(row);
  }

  async list(): Promise<Merchant[]> {
    return (await this.repo.list()).map(toMerchant);
  }
}
