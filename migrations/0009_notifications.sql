-- Proactive notifications and merchant webhooks (DESIGN.md, Reliability: outbox, one message per subject,
-- milestone and channel). A status change writes its outbox rows in its own transaction; the relay turns each
-- row, in one transaction of its own, into the messages and webhook deliveries it causes; senders work from
-- those rows, so a lost queue job is re-derived from Postgres.

-- Per-merchant settings (channels per milestone, sender, quiet hours, split orders, stall days, branding
-- beside merchants.branding), validated by the API; an empty object means the defaults.
ALTER TABLE merchants ADD COLUMN notification_settings jsonb NOT NULL DEFAULT '{}'::jsonb;

-- SMS only with the shopper's consent, as the storefront recorded it.
ALTER TABLE orders ADD COLUMN sms_consent boolean NOT NULL DEFAULT false;

-- Delays wismo detects itself, beside the carrier's own: the EDD a delay was declared about, so `delayed`
-- is said again only when the estimate moves later.
ALTER TABLE shipments ADD COLUMN delay_edd date;

-- The outbox row is the event merchants receive: a stable id, and a sequence per subject (shipment or
-- order) so receivers can order what they get out of order. Subject rows are locked by the writer of the
-- change, so max + 1 under that lock is gap-free and unique.
ALTER TABLE outbox ADD COLUMN event_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE outbox ADD COLUMN subject_id uuid;
ALTER TABLE outbox ADD COLUMN sequence integer;
CREATE UNIQUE INDEX outbox_event_id_idx ON outbox (event_id);
CREATE UNIQUE INDEX outbox_subject_sequence_idx ON outbox (subject_id, sequence);
-- Replays by time range read a merchant's events in time order.
CREATE INDEX outbox_merchant_created_idx ON outbox (merchant_id, created_at, id);

-- Changes written before this version were never relayed: they are history, not news to send shoppers now.
UPDATE outbox SET relayed_at = now() WHERE relayed_at IS NULL;

CREATE FUNCTION wismo_outbox_sequence() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW.subject_id := coalesce(NEW.subject_id, (NEW.payload ->> 'shipmentId')::uuid, (NEW.payload ->> 'orderId')::uuid);
  -- Rows inserted earlier by the same statement are visible here, so a batch numbers its rows in turn.
  NEW.sequence := coalesce((SELECT max(o.sequence) FROM outbox o WHERE o.subject_id = NEW.subject_id), 0) + 1;
  RETURN NEW;
END $$;
CREATE TRIGGER outbox_sequence BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION wismo_outbox_sequence();

-- One row per message to a shopper. The unique index is the exactly-once guarantee: a relayed row, a
-- re-relayed row after a crash, a replayed history all land on the same row. `occurrence` separates the
-- repeatable milestone (`delayed`, once per estimate it was about) and is '' for the others.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  shipment_id uuid REFERENCES shipments (id) ON DELETE CASCADE,
  subject text NOT NULL CHECK (subject ~ '^(order|shipment):'),
  milestone text NOT NULL CHECK (milestone IN (
    'confirmed', 'packed', 'shipped', 'in_transit', 'out_for_delivery', 'delivered', 'delayed',
    'attempt_failed', 'available_for_pickup', 'exception', 'returned'
  )),
  occurrence text NOT NULL DEFAULT '',
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient text NOT NULL,
  locale text NOT NULL,
  time_zone text NOT NULL,
  -- pending: waiting for its time (quiet hours, a retry) or its sender; sending: a sender holds it until
  -- lease_until (a sender that died lets it go then); sent; failed (permanently, reason says why); skipped
  -- (stale when its turn came, or nothing to send it with).
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
  status_reason text,
  attempts integer NOT NULL DEFAULT 0,
  not_before timestamptz(3) NOT NULL DEFAULT now(),
  lease_until timestamptz(3),
  provider_id text,
  subject_line text,
  last_error text,
  -- The change that caused it, as the outbox recorded it.
  outbox_id bigint REFERENCES outbox (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  sent_at timestamptz(3),
  UNIQUE (subject, milestone, occurrence, channel)
);
CREATE INDEX notifications_order_idx ON notifications (order_id, created_at);
-- The sweeper finds work a lost job left behind by this index; finished rows drop out of it.
CREATE INDEX notifications_due_idx ON notifications (not_before) WHERE status IN ('pending', 'sending');

CREATE TABLE webhook_endpoints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  url text NOT NULL CHECK (length(url) <= 2048),
  description text NOT NULL DEFAULT '',
  -- The whsec_ signing secret, AES-256-GCM encrypted (src/lib/secret-box.ts).
  secret_encrypted bytea NOT NULL,
  -- Event types it receives; empty means all.
  event_types text[] NOT NULL DEFAULT '{}',
  -- paused by the merchant, disabled by wismo (410 Gone, or failing for the whole retry window).
  state text NOT NULL DEFAULT 'enabled' CHECK (state IN ('enabled', 'paused', 'disabled')),
  state_reason text,
  -- Since when its deliveries fail without one getting through: failing for the whole retry window disables it.
  failing_since timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX webhook_endpoints_merchant_idx ON webhook_endpoints (merchant_id);

-- One delivery per (endpoint, event); a replay sends the same row again.
CREATE TABLE webhook_deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  merchant_id uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  outbox_id bigint NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
  -- held: its endpoint is paused or disabled; it goes when the endpoint is resumed.
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'delivered', 'failed', 'held')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz(3) NOT NULL DEFAULT now(),
  lease_until timestamptz(3),
  last_status_code integer,
  last_error text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  delivered_at timestamptz(3),
  UNIQUE (endpoint_id, outbox_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX webhook_deliveries_held_idx ON webhook_deliveries (endpoint_id) WHERE status = 'held';
