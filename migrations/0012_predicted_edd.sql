-- Predicted delivery dates (src/predictions, docs/predicted-edd.md): what wismo learned from its own
-- deliveries, per carrier and lane, replaced as a whole by each learning pass. One row per group with enough
-- deliveries: the whole lane, and where they have enough of their own, the lane per service, per destination
-- region, or both (NULL service or region: all of them). shipments.predicted_edd (0001) is the date
-- predicted from these rows; its change rebuilds the shipment's document like any other column's (0006).
CREATE TABLE lane_transit_stats (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  carrier_code text NOT NULL,
  -- NULL when the carrier does not report origins: such parcels are learned per sending merchant instead.
  origin_country text,
  sender_merchant_id uuid REFERENCES merchants (id) ON DELETE CASCADE,
  destination_country text NOT NULL,
  destination_region text,
  service text,
  deliveries integer NOT NULL CHECK (deliveries > 0),
  -- A histogram: element i (1-based) counts the deliveries that took i - 1 working days (Monday to Friday)
  -- from the carrier's first scan; the last element also holds the longer ones.
  transit_days integer[] NOT NULL,
  -- For people reading the table: the prediction adds this many working days to the ship day.
  median_days integer NOT NULL,
  window_start timestamptz(3) NOT NULL,
  window_end timestamptz(3) NOT NULL,
  computed_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK ((origin_country IS NULL) = (sender_merchant_id IS NOT NULL))
);
CREATE UNIQUE INDEX lane_transit_stats_group_idx ON lane_transit_stats
  (carrier_code, origin_country, sender_merchant_id, destination_country, destination_region, service)
  NULLS NOT DISTINCT;
CREATE INDEX lane_transit_stats_sender_idx ON lane_transit_stats (sender_merchant_id)
  WHERE sender_merchant_id IS NOT NULL;

-- The learning pass reads the deliveries of its trailing window, the prediction pass the parcels in flight:
-- each by its own small index rather than the whole table, which mostly holds parcels long delivered.
CREATE INDEX IF NOT EXISTS shipments_delivered_at_idx ON shipments (delivered_at) WHERE status = 'delivered';
CREATE INDEX IF NOT EXISTS shipments_in_flight_idx ON shipments (id)
  WHERE status IN ('in_transit', 'out_for_delivery', 'attempt_failed');
