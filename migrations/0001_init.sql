-- The base schema: tenants, keys, carrier connections, orders, shipments, events, raw payloads, outbox.
-- Statuses are text with CHECK constraints rather than Postgres enums: a CHECK can be replaced inside the
-- same transaction as the code that needs a new value, an enum value cannot be used where it was added.
-- Timestamps are timestamptz(3): JavaScript dates hold milliseconds, and cursors built from them must
-- compare equal to what is stored.

CREATE TABLE merchants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  default_locale text NOT NULL DEFAULT 'en',
  branding jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  name text NOT NULL DEFAULT '',
  -- The visible part of the key ("wismo_" + 12 characters), safe to show in lists and logs.
  prefix text NOT NULL UNIQUE,
  -- SHA-256 of the whole key. Keys carry 192 random bits, so a fast hash is enough: nothing to brute-force.
  secret_hash bytea NOT NULL,
  scopes text[] NOT NULL CHECK (
    cardinality(scopes) > 0 AND scopes <@ ARRAY['orders:write', 'tracking:read', 'agent', 'admin']::text[]
  ),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  last_used_at timestamptz(3),
  revoked_at timestamptz(3)
);
CREATE INDEX api_keys_merchant_idx ON api_keys (merchant_id);

CREATE TABLE carrier_connections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  carrier_code text NOT NULL,
  name text NOT NULL DEFAULT '',
  -- AES-256-GCM ciphertexts (see src/lib/secret-box.ts); never stored or logged in clear.
  credentials_encrypted bytea,
  webhook_secrets_encrypted bytea,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX carrier_connections_merchant_idx ON carrier_connections (merchant_id, carrier_code);

CREATE TABLE orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  -- The storefront's own order number: the upsert key, and what shoppers and agents quote.
  order_number text NOT NULL,
  status text NOT NULL DEFAULT 'ordered' CHECK (status IN (
    'ordered', 'confirmed', 'packed', 'partially_shipped', 'shipped', 'in_transit', 'out_for_delivery',
    'partially_delivered', 'delivered', 'delayed', 'attempt_failed', 'available_for_pickup', 'exception',
    'returned', 'cancelled'
  )),
  placed_at timestamptz(3),
  promised_date date,
  confirmed_at timestamptz(3),
  packed_at timestamptz(3),
  cancelled_at timestamptz(3),
  customer_name text,
  customer_email text,
  customer_phone text,
  customer_locale text,
  customer_time_zone text,
  shipping_address jsonb,
  -- Upper-cased, spaces removed: what a shopper types on the tracking page is compared against this.
  postal_code_normalized text,
  items jsonb NOT NULL DEFAULT '[]'::jsonb,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (merchant_id, order_number)
);
CREATE INDEX orders_merchant_updated_idx ON orders (merchant_id, updated_at DESC, id DESC);
CREATE INDEX orders_merchant_status_updated_idx ON orders (merchant_id, status, updated_at DESC, id DESC);

CREATE TABLE shipments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  carrier_code text NOT NULL,
  -- Normalized: upper-case, no spaces or dashes.
  tracking_number text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN (
    'pending', 'info_received', 'in_transit', 'out_for_delivery', 'available_for_pickup', 'attempt_failed',
    'delivered', 'exception', 'returning', 'returned', 'cancelled', 'expired'
  )),
  substatus text,
  delayed boolean NOT NULL DEFAULT false,
  delay_reason text CHECK (delay_reason IN ('carrier_reported', 'edd_passed', 'stalled')),
  -- Which of the order's items travel in this parcel ([{sku, quantity}]); empty means "the whole order".
  items jsonb NOT NULL DEFAULT '[]'::jsonb,
  carrier_edd date,
  carrier_edd_window_start timestamptz(3),
  carrier_edd_window_end timestamptz(3),
  promised_date date,
  predicted_edd date,
  first_edd date,
  latest_edd date,
  shipped_at timestamptz(3),
  delivered_at timestamptz(3),
  last_event_at timestamptz(3),
  last_checked_at timestamptz(3),
  next_check_at timestamptz(3),
  last_source text CHECK (last_source IN ('push', 'poll')),
  last_error text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK (delayed = (delay_reason IS NOT NULL)),
  UNIQUE (merchant_id, tracking_number, carrier_code)
);
CREATE INDEX shipments_order_idx ON shipments (order_id);
CREATE INDEX shipments_merchant_carrier_idx ON shipments (merchant_id, carrier_code);
-- The poll scheduler claims due shipments by this index; finished shipments drop out of it.
CREATE INDEX shipments_next_check_idx ON shipments (next_check_at)
  WHERE next_check_at IS NOT NULL AND status NOT IN ('delivered', 'returned', 'cancelled', 'expired');

CREATE TABLE raw_payloads (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  merchant_id uuid REFERENCES merchants (id) ON DELETE CASCADE,
  connection_id uuid REFERENCES carrier_connections (id) ON DELETE SET NULL,
  carrier_code text NOT NULL,
  source text NOT NULL CHECK (source IN ('push', 'poll')),
  -- The bytes exactly as received, so signatures can be re-checked and mappings re-run over history.
  body bytea NOT NULL,
  content_type text,
  headers jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The sender's event id where it has one, else a hash of the body: a repeated delivery stores one row.
  dedupe_key text NOT NULL,
  received_at timestamptz(3) NOT NULL DEFAULT now(),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'processed', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  processed_at timestamptz(3),
  last_error text
);
CREATE UNIQUE INDEX raw_payloads_dedupe_idx ON raw_payloads (carrier_code, coalesce(connection_id, '00000000-0000-0000-0000-000000000000'::uuid), dedupe_key);
CREATE INDEX raw_payloads_pending_idx ON raw_payloads (received_at) WHERE state = 'pending';

CREATE TABLE tracking_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  merchant_id uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  shipment_id uuid NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
  raw_payload_id bigint REFERENCES raw_payloads (id) ON DELETE SET NULL,
  -- The natural key of DESIGN.md (carrier, tracking number, raw code, occurred-at in UTC, location),
  -- hashed into one column so the unique index stays small.
  dedupe_key text NOT NULL,
  occurred_at timestamptz(3) NOT NULL,
  -- The time as the carrier wrote it, with its offset when it had one.
  occurred_at_local text,
  utc_offset_minutes integer,
  offset_source text NOT NULL CHECK (offset_source IN ('carrier', 'location_zone', 'assumed_utc')),
  status text NOT NULL,
  substatus text,
  raw_code text NOT NULL,
  raw_text text NOT NULL DEFAULT '',
  location jsonb,
  decision text NOT NULL CHECK (decision IN ('applied', 'duplicate', 'out_of_order', 'superseded')),
  recorded_at timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (shipment_id, dedupe_key)
);
CREATE INDEX tracking_events_shipment_idx ON tracking_events (shipment_id, occurred_at DESC);

-- Rows written in the same transaction as the change that causes them; a relay moves them to the queue.
CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  merchant_id uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  topic text NOT NULL,
  -- One row per (subject, milestone, channel), ever: the unique index is the exactly-once guarantee.
  dedupe_key text NOT NULL UNIQUE,
  payload jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  relayed_at timestamptz(3),
  attempts integer NOT NULL DEFAULT 0
);
CREATE INDEX outbox_unrelayed_idx ON outbox (created_at) WHERE relayed_at IS NULL;

-- Idempotency-Key records: the first response to a key is replayed for the same request, for a day.
CREATE TABLE idempotency_keys (
  merchant_id uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  key text NOT NULL,
  request_hash text NOT NULL,
  locked_at timestamptz(3),
  response_status integer,
  response_body text,
  response_content_type text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (merchant_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
