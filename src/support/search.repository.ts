import { sql } from 'kysely';
import type { Database } from '../db/database.js';

// The SQL of agent search. Candidates come from one indexed probe per field (trigram indexes for the partial
// matches, btree for the exact ones), each bounded, so a common word cannot make the query read a whole
// store; they are then scored together and the best come first.

export interface SearchTerms {
  /** As typed, trimmed. */
  raw: string;
  upper: string;
  lower: string;
  /** The digits of the term, for phone numbers typed with spaces, dashes or a country code. */
  digits: string;
  /** The term as a tracking number: upper case, no spaces or dashes. */
  trackingNumber: string;
  /** Whether it can be (part of) a name: not an email, not a number. */
  name: boolean;
}

export interface SearchRow {
  id: string;
  order_number: string;
  status: string;
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  updated_at: Date;
  tracking_numbers: string[] | null;
  score: number;
  matched_on: string;
}

/** LIKE patterns take the term literally: its own % and _ are not wildcards. */
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const PER_FIELD = 50;

export class SearchRepository {
  constructor(private readonly db: Database) {}

  async search(merchantId: string, t: SearchTerms, limit: number): Promise<SearchRow[]> {
    const partial = t.raw.length >= 3;
    const up = literal(t.upper);
    const low = literal(t.lower);
    const tn = literal(t.trackingNumber);
    const digits = t.digits.length >= 4 ? t.digits : null;
    const rows = await sql<SearchRow>`
      WITH candidates AS (
        (SELECT id FROM orders WHERE merchant_id = ${merchantId} AND upper(order_number) = ${t.upper} LIMIT ${PER_FIELD})
        UNION
        (SELECT id FROM orders WHERE merchant_id = ${merchantId} AND lower(customer_email) = ${t.lower} LIMIT ${PER_FIELD})
        UNION
        (SELECT order_id FROM shipments WHERE merchant_id = ${merchantId} AND tracking_number = ${t.trackingNumber} LIMIT ${PER_FIELD})
        UNION
        (SELECT id FROM orders WHERE ${partial} AND merchant_id = ${merchantId}
           AND upper(order_number) LIKE '%' || ${up} || '%' LIMIT ${PER_FIELD})
        UNION
        (SELECT id FROM orders WHERE ${partial} AND merchant_id = ${merchantId}
           AND lower(customer_email) LIKE '%' || ${low} || '%' LIMIT ${PER_FIELD})
        UNION
        (SELECT id FROM orders WHERE ${partial && t.name} AND merchant_id = ${merchantId}
           AND (lower(customer_name) LIKE '%' || ${low} || '%' OR lower(customer_name) % ${t.lower}) LIMIT ${PER_FIELD})
        UNION
        (SELECT id FROM orders WHERE ${digits}::text IS NOT NULL AND merchant_id = ${merchantId}
           AND regexp_replace(customer_phone, '\\D', '', 'g') LIKE '%' || ${digits} || '%' LIMIT ${PER_FIELD})
        UNION
        (SELECT order_id FROM shipments WHERE ${partial} AND merchant_id = ${merchantId}
           AND tracking_number LIKE '%' || ${tn} || '%' LIMIT ${PER_FIELD})
      ),
      scored AS (
        SELECT o.id, o.order_number, o.status, o.customer_name, o.customer_email, o.customer_phone, o.updated_at,
               (SELECT array_agg(s.tracking_number ORDER BY s.created_at) FROM shipments s WHERE s.order_id = o.id)
                 AS tracking_numbers,
               m.score, m.matched_on
        FROM candidates c
        JOIN orders o ON o.id = c.id AND o.merchant_id = ${merchantId}
        CROSS JOIN LATERAL (
          SELECT score, matched_on FROM (VALUES
            (CASE WHEN upper(o.order_number) = ${t.upper} THEN 1.0
                  WHEN upper(o.order_number) LIKE ${up} || '%' THEN 0.8
                  WHEN upper(o.order_number) LIKE '%' || ${up} || '%' THEN 0.6 ELSE 0 END, 'order_number'),
            (CASE WHEN EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND s.tracking_number = ${t.trackingNumber})
                    THEN 1.0
                  WHEN EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id
                                 AND s.tracking_number LIKE '%' || ${tn} || '%') THEN 0.6 ELSE 0 END,
             'tracking_number'),
            (CASE WHEN lower(o.customer_email) = ${t.lower} THEN 0.95
                  WHEN lower(o.customer_email) LIKE ${low} || '%' THEN 0.7
                  WHEN lower(o.customer_email) LIKE '%' || ${low} || '%' THEN 0.55 ELSE 0 END, 'email'),
            (CASE WHEN ${digits}::text IS NULL THEN 0
                  WHEN regexp_replace(o.customer_phone, '\\D', '', 'g') LIKE '%' || ${digits} THEN 0.9
                  WHEN regexp_replace(o.customer_phone, '\\D', '', 'g') LIKE '%' || ${digits} || '%' THEN 0.5
                  ELSE 0 END, 'phone'),
            (greatest(
               CASE WHEN lower(o.customer_name) = ${t.lower} THEN 0.9
                    WHEN lower(o.customer_name) LIKE ${low} || '%' THEN 0.75
                    WHEN lower(o.customer_name) LIKE '%' || ${low} || '%' THEN 0.65 ELSE 0 END,
               coalesce(similarity(lower(o.customer_name), ${t.lower}), 0) * 0.8), 'name')
          ) AS v(score, matched_on)
          ORDER BY score DESC LIMIT 1
        ) m
      )
      SELECT * FROM scored WHERE score > 0
      ORDER BY score DESC, updated_at DESC, id
      LIMIT ${limit}`.execute(this.db);
    return rows.rows.map((r) => ({ ...r, score: Number(r.score) }));
  }
}
