-- The tracking read model. Reads by tracking number are the hottest path (storefront pages, the tracking
-- page, agents); each shipment keeps its API document (the ShipmentTracking schema: the shipment, its events
-- newest first, its order's reference) ready to send. Triggers keep it current in the same transaction as
-- any change to the shipment, its events or its order, whichever code (or operator) makes the change, so a
-- read never sees a document older than the rows it was built from.
--
-- wismo_shipment_document() is the one definition of that JSON shape; the API's zod schemas describe it and
-- a test checks every document against them. Changing the shape = a migration that replaces the function
-- and rebuilds the column (UPDATE shipments SET document = NULL).

CREATE FUNCTION wismo_instant(t timestamptz) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  -- As JavaScript's toISOString writes it: UTC, milliseconds, Z.
  RETURN to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');

CREATE FUNCTION wismo_day(d date) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  -- YYYY-MM-DD whatever the server's DateStyle.
  RETURN to_char(d, 'YYYY-MM-DD');

CREATE FUNCTION wismo_shipment_document(s shipments) RETURNS json
  LANGUAGE sql STABLE PARALLEL SAFE
  BEGIN ATOMIC
    SELECT json_build_object(
      'id', s.id,
      'orderId', s.order_id,
      'carrier', s.carrier_code,
      'trackingNumber', s.tracking_number,
      'status', s.status,
      'substatus', s.substatus,
      'delayed', s.delayed,
      'delayReason', s.delay_reason,
      'items', s.items,
      'edd', json_build_object(
        'carrier', CASE
          WHEN s.carrier_edd IS NULL AND s.carrier_edd_window_start IS NULL AND s.carrier_edd_window_end IS NULL THEN NULL
          ELSE json_build_object(
            'date', wismo_day(s.carrier_edd),
            'windowStart', wismo_instant(s.carrier_edd_window_start),
            'windowEnd', wismo_instant(s.carrier_edd_window_end))
        END,
        'promised', wismo_day(s.promised_date),
        'predicted', wismo_day(s.predicted_edd),
        'first', wismo_day(s.first_edd),
        'latest', wismo_day(s.latest_edd)),
      'freshness', json_build_object(
        'lastCheckedAt', wismo_instant(s.last_checked_at),
        'nextCheckAt', wismo_instant(s.next_check_at),
        'lastSource', s.last_source,
        'lastError', s.last_error,
        'lastEventAt', wismo_instant(s.last_event_at)),
      'shippedAt', wismo_instant(s.shipped_at),
      'deliveredAt', wismo_instant(s.delivered_at),
      'createdAt', wismo_instant(s.created_at),
      'updatedAt', wismo_instant(s.updated_at),
      'events', (
        SELECT coalesce(json_agg(json_build_object(
            'id', e.id,
            'occurredAt', wismo_instant(e.occurred_at),
            'occurredAtLocal', e.occurred_at_local,
            'offsetSource', e.offset_source,
            'status', e.status,
            'substatus', e.substatus,
            'rawCode', e.raw_code,
            'rawText', e.raw_text,
            'location', CASE WHEN e.location IS NULL THEN NULL ELSE json_build_object(
              'city', e.location->>'city',
              'region', e.location->>'region',
              'postalCode', e.location->>'postalCode',
              'countryCode', e.location->>'countryCode') END,
            'decision', e.decision,
            'recordedAt', wismo_instant(e.recorded_at))
          ORDER BY e.occurred_at DESC, e.id DESC), '[]'::json)
        FROM tracking_events e
        WHERE e.shipment_id = s.id),
      'order', (
        SELECT json_build_object(
          'id', o.id,
          'orderNumber', o.order_number,
          'status', o.status,
          'promisedDate', wismo_day(o.promised_date))
        FROM orders o
        WHERE o.id = s.order_id));
  END;

-- json, not jsonb: kept exactly as built (key order included), sent as it is stored.
ALTER TABLE shipments ADD COLUMN document json;

CREATE FUNCTION wismo_shipment_document_refresh() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW.document := wismo_shipment_document(NEW);
  RETURN NEW;
END $$;

CREATE TRIGGER shipments_document
  BEFORE INSERT OR UPDATE ON shipments
  FOR EACH ROW EXECUTE FUNCTION wismo_shipment_document_refresh();

-- A change to events or to the order's reference rebuilds the documents of the shipments concerned; the
-- UPDATE goes through the trigger above. Statement-level, so a batch of events costs one rebuild per shipment.
CREATE FUNCTION wismo_events_touch_shipments() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE shipments SET document = NULL WHERE id IN (SELECT DISTINCT shipment_id FROM old_rows);
  ELSE
    UPDATE shipments SET document = NULL WHERE id IN (SELECT DISTINCT shipment_id FROM new_rows);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER tracking_events_document_insert
  AFTER INSERT ON tracking_events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION wismo_events_touch_shipments();
CREATE TRIGGER tracking_events_document_update
  AFTER UPDATE ON tracking_events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION wismo_events_touch_shipments();
CREATE TRIGGER tracking_events_document_delete
  AFTER DELETE ON tracking_events REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION wismo_events_touch_shipments();

CREATE FUNCTION wismo_order_touch_shipments() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE shipments SET document = NULL WHERE order_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER orders_document
  AFTER UPDATE OF order_number, status, promised_date ON orders
  FOR EACH ROW
  WHEN ((OLD.order_number, OLD.status, OLD.promised_date) IS DISTINCT FROM (NEW.order_number, NEW.status, NEW.promised_date))
  EXECUTE FUNCTION wismo_order_touch_shipments();
