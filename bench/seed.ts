import { sql } from 'kysely';
import type { Database } from '../src/db/database.js';

// Bulk inserts skip the read-model triggers (session_replication_role = replica) and the documents are built
// once at the end, as a migration rebuilding the column would: row-by-row rebuilds would take minutes.

/**
 * Seeds `orders` orders with two shipments each and `eventsPerShipment` carrier events per shipment, in
 * set-based SQL (seconds, not minutes). Tracking numbers are BENCH<n>A and BENCH<n>B.
 */
export async function seed(
  db: Database,
  merchantId: string,
  orders: number,
  eventsPerShipment: number,
): Promise<void> {
  // One transaction, so the settings below (SET LOCAL) end with it whatever happens.
  await db.transaction().execute((trx) => seedOn(trx, merchantId, orders, eventsPerShipment));
  await sql`VACUUM ANALYZE`.execute(db);
}

async function seedOn(
  db: Database,
  merchantId: string,
  orders: number,
  eventsPerShipment: number,
): Promise<void> {
  await sql`SET LOCAL statement_timeout = 0`.execute(db);
  await sql`SET LOCAL session_replication_role = replica`.execute(db);
  await sql`
    INSERT INTO orders (merchant_id, order_number, status, placed_at, promised_date, customer_name, customer_email,
                        customer_locale, customer_time_zone, items, shipping_address, postal_code_normalized)
    SELECT ${merchantId}::uuid, 'B-' || n, 'in_transit', now() - interval '3 days', current_date + 2,
           'Shopper ' || n, 'shopper' || n || '@example.com', 'en', 'Europe/Warsaw',
           '[{"sku":"SKU-1","name":"Tent","quantity":1},{"sku":"SKU-2","name":"Stove","quantity":2}]'::jsonb,
           jsonb_build_object('city', 'Kraków', 'postalCode', '31-' || lpad((n % 1000)::text, 3, '0'), 'countryCode', 'PL'),
           '31' || lpad((n % 1000)::text, 3, '0')
    FROM generate_series(1, ${orders}) AS n`.execute(db);
  await sql`
    INSERT INTO shipments (merchant_id, order_id, carrier_code, tracking_number, status, shipped_at, last_event_at,
                           promised_date, carrier_edd, first_edd, latest_edd, last_checked_at, last_source)
    SELECT o.merchant_id, o.id, CASE WHEN s = 'A' THEN 'ups' ELSE 'dhl_express' END,
           'BENCH' || substr(o.order_number, 3) || s, 'in_transit', now() - interval '2 days', now() - interval '3 hours',
           o.promised_date, o.promised_date, o.promised_date, o.promised_date, now() - interval '1 hour', 'poll'
    FROM orders o CROSS JOIN (VALUES ('A'), ('B')) AS v(s)
    WHERE o.merchant_id = ${merchantId}::uuid`.execute(db);
  await sql`
    INSERT INTO tracking_events (merchant_id, shipment_id, dedupe_key, occurred_at, occurred_at_local, utc_offset_minutes,
                                 offset_source, status, substatus, raw_code, raw_text, location, decision)
    SELECT s.merchant_id, s.id, 'e' || e, now() - (e || ' hours')::interval, to_char(now() - (e || ' hours')::interval, 'YYYY-MM-DD"T"HH24:MI:SS') || '+01:00', 60,
           'carrier', CASE WHEN e = ${eventsPerShipment} THEN 'info_received' ELSE 'in_transit' END, NULL, 'I' || e,
           'Arrived at facility', '{"city":"Warszawa","countryCode":"PL"}'::jsonb, 'applied'
    FROM shipments s CROSS JOIN generate_series(1, ${eventsPerShipment}) AS e
    WHERE s.merchant_id = ${merchantId}::uuid`.execute(db);
  await sql`SET LOCAL session_replication_role = origin`.execute(db);
  // One set-based rebuild, marked as such so the per-shipment rebuild at commit has nothing left to do.
  await sql`SET LOCAL wismo.rebuilding_documents = on`.execute(db);
  await sql`UPDATE shipments s SET document = wismo_shipment_document(s) WHERE merchant_id = ${merchantId}::uuid`.execute(
    db,
  );
}
