-- The shopper's tracking page: what the merchant shows on it beyond the branding (self-service links, a
-- promotion, whether the carrier is named), and how often it is seen and searched. Counts are per merchant and
-- day, never per visitor: no IP address or other visitor data is stored.

ALTER TABLE merchants ADD COLUMN tracking_page jsonb NOT NULL DEFAULT '{}'::jsonb;

CREATE TABLE tracking_page_counts (
  merchant_id uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  day date NOT NULL,
  -- view_link: a page opened from a signed link; view_number: a tracking-number page; lookup_found and
  -- lookup_missed: the order lookup form's outcomes; rate_limited: lookups refused for coming too often.
  kind text NOT NULL CHECK (kind IN ('view_link', 'view_number', 'lookup_found', 'lookup_missed', 'rate_limited')),
  count bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (merchant_id, day, kind)
);

-- Shoppers type order numbers in any case: the lookup compares upper-cased.
CREATE INDEX orders_merchant_number_upper_idx ON orders (merchant_id, upper(order_number));
