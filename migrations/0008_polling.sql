-- The polling schedule (DESIGN.md: "schedule in Postgres, not in millions of delayed jobs"). One narrow row
-- per shipment wismo may poll, apart from the wide shipments row: the scheduler claims and re-dates
-- thousands of rows a second, and an UPDATE of shipments would copy its whole row and rebuild its document.
-- shipments.next_check_at stays the plan shown to API readers, written when a result is applied.
CREATE TABLE shipment_polls (
  shipment_id uuid PRIMARY KEY REFERENCES shipments (id) ON DELETE CASCADE,
  merchant_id uuid NOT NULL,
  -- Copies of what a claim needs of the shipment, kept by the triggers below: a claim then reads this narrow
  -- table alone, not ten thousand wide shipment rows scattered over the heap.
  carrier_code text NOT NULL,
  tracking_number text NOT NULL,
  status text NOT NULL,
  -- The last event, or registration when there is none: expiry counts from it.
  last_news_at timestamptz(3) NOT NULL,
  -- When it is next due; NULL: not scheduled (final status, or parked: see parked).
  due_at timestamptz(3),
  -- The claim of the poll job that owns it until its result is applied; a job polls only what it still
  -- owns, so a shipment claimed again after a lost job is not polled twice.
  claim text,
  -- Consecutive failed polls (carrier down, account refused): the back-off grows with them.
  failures integer NOT NULL DEFAULT 0,
  -- Since when the carrier says it does not know the number (labels are created before the first scan).
  not_found_since timestamptz(3),
  -- Why it is not polled: 'no_connection' (no carrier connection with credentials can poll it: looked at
  -- again every six hours, and at once when one is added), 'final' (delivered, returned, cancelled,
  -- expired; no due time).
  parked text CHECK (parked IN ('no_connection', 'final'))
);
-- Claims read due rows in due order; only scheduled rows are indexed.
CREATE INDEX shipment_polls_due_idx ON shipment_polls (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX shipment_polls_parked_idx ON shipment_polls (merchant_id) WHERE parked = 'no_connection';

-- Every new shipment is due at once; a new tracking number or carrier starts its schedule over.
CREATE FUNCTION wismo_schedule_new_shipments() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO shipment_polls (shipment_id, merchant_id, carrier_code, tracking_number, status, last_news_at, due_at)
  SELECT n.id, n.merchant_id, n.carrier_code, n.tracking_number, n.status, coalesce(n.last_event_at, n.created_at),
         now()
  FROM new_rows n
  WHERE n.status NOT IN ('delivered', 'returned', 'cancelled', 'expired')
  ON CONFLICT (shipment_id) DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER shipments_schedule_polls
  AFTER INSERT ON shipments
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION wismo_schedule_new_shipments();

CREATE FUNCTION wismo_reschedule_changed_number() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO shipment_polls (shipment_id, merchant_id, carrier_code, tracking_number, status, last_news_at, due_at)
  VALUES (NEW.id, NEW.merchant_id, NEW.carrier_code, NEW.tracking_number, NEW.status,
          coalesce(NEW.last_event_at, NEW.created_at), now())
  ON CONFLICT (shipment_id) DO UPDATE
    SET carrier_code = excluded.carrier_code, tracking_number = excluded.tracking_number,
        -- A new number is news: expiry counts from now.
        last_news_at = now(), due_at = now(), claim = NULL, failures = 0, not_found_since = NULL, parked = NULL;
  RETURN NULL;
END $$;

CREATE TRIGGER shipments_reschedule_polls
  AFTER UPDATE OF tracking_number, carrier_code ON shipments
  FOR EACH ROW
  WHEN (OLD.tracking_number IS DISTINCT FROM NEW.tracking_number OR OLD.carrier_code IS DISTINCT FROM NEW.carrier_code)
  EXECUTE FUNCTION wismo_reschedule_changed_number();

-- The copies of status and last news follow the shipment whatever changes it (normalization, wismo's own
-- verdicts, an operator's fix).
CREATE FUNCTION wismo_poll_copies() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE shipment_polls SET status = NEW.status, last_news_at = coalesce(NEW.last_event_at, NEW.created_at)
  WHERE shipment_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER shipments_poll_copies
  AFTER UPDATE OF status, last_event_at ON shipments
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.last_event_at IS DISTINCT FROM NEW.last_event_at)
  EXECUTE FUNCTION wismo_poll_copies();

-- Shipments already stored and still moving are due now.
INSERT INTO shipment_polls (shipment_id, merchant_id, carrier_code, tracking_number, status, last_news_at, due_at)
SELECT id, merchant_id, carrier_code, tracking_number, status, coalesce(last_event_at, created_at), now()
FROM shipments
WHERE status NOT IN ('delivered', 'returned', 'cancelled', 'expired');

-- The schedule moved to shipment_polls; this index is no longer read.
DROP INDEX shipments_next_check_idx;
