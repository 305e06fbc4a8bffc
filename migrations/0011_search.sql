-- Agent search: by order number, email, phone, tracking number or name, partial and case-insensitive.
-- Trigram indexes (pg_trgm) serve the partial matches; exact matches use the btree indexes that exist.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX IF NOT EXISTS orders_number_trgm_idx ON orders USING gin (upper(order_number) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS orders_email_trgm_idx ON orders USING gin (lower(customer_email) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS orders_name_trgm_idx ON orders USING gin (lower(customer_name) gin_trgm_ops);
-- Phones are searched by their digits, however the agent types them.
CREATE INDEX IF NOT EXISTS orders_phone_digits_trgm_idx ON orders USING gin ((regexp_replace(customer_phone, '\D', '', 'g')) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS orders_merchant_email_idx ON orders (merchant_id, lower(customer_email));
CREATE INDEX IF NOT EXISTS shipments_number_trgm_idx ON shipments USING gin (tracking_number gin_trgm_ops);
