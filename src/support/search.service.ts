import type { z } from 'zod';
import { normalizeTrackingNumber } from '../shipments/tracking-number.js';
import type { SearchRepository } from './search.repository.js';
import type { SearchHit, SearchResult } from './search.schemas.js';

// "Where is my order?" starts with finding it: the agent types whatever the shopper gave (an order number, an
// email, a phone in any format, a tracking number, a name) and gets the orders it can mean, best first.

export class SearchService {
  constructor(private readonly repo: SearchRepository) {}

  async search(merchantId: string, q: string, limit: number): Promise<z.infer<typeof SearchResult>> {
    const raw = q.trim();
    const rows = await this.repo.search(
      merchantId,
      {
        raw,
        upper: raw.replace(/^#\s*/, '').toUpperCase(),
        lower: raw.toLowerCase(),
        digits: raw.replace(/\D/g, ''),
        trackingNumber: normalizeTrackingNumber(raw),
        // An email or a number is not looked for among names: a long term's trigrams would only cost time there.
        name: !raw.includes('@') && /\p{L}/u.test(raw) && !/\d{3}/.test(raw),
      },
      limit,
    );
    return {
      query: raw,
      data: rows.map((r) => ({
        orderId: r.id,
        orderNumber: r.order_number,
        status: r.status as z.infer<typeof SearchHit>['status'],
        customer: { name: r.customer_name, email: r.customer_email, phone: r.customer_phone },
        trackingNumbers: r.tracking_numbers ?? [],
        matchedOn: r.matched_on as z.infer<typeof SearchHit>['matchedOn'],
        score: Math.round(r.score * 1000) / 1000,
        updatedAt: r.updated_at.toISOString(),
      })),
    };
  }
}
