-- The shipment document (0002) is rebuilt once per shipment per transaction, at commit, instead of at every
-- change: a normalization touches a shipment three or four times (its events, its derived state, its
-- order's status) and rebuilt the whole document each time. Readers are unaffected: the rebuild runs inside
-- the transaction, before it commits, so no committed document is older than the rows it was built from.
--
-- How: a change to a shipment (directly, or through its events or its order) clears its document; a
-- deferred constraint trigger rebuilds it at commit from the rows as they are then, once: later firings for
-- the same shipment find it rebuilt. An UPDATE made while wismo.rebuilding_documents is 'on' is a
-- rebuild and keeps the document it sets, which is how bulk rebuilds go too (SET LOCAL
-- wismo.rebuilding_documents = on; UPDATE shipments s SET document = wismo_shipment_document(s) ...).

-- The document itself, unchanged in shape, in PL/pgSQL: a SQL-language function is planned again on every
-- call from a new statement, which the once-per-transaction rebuild is; PL/pgSQL keeps its plan for the
-- session. Being no longer a BEGIN ATOMIC body, it also no longer blocks ALTER TABLE shipments.
CREATE OR REPLACE FUNCTION wismo_shipment_document(s shipments) RETURNS json
  LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
  RETURN (SELECT json_build_object(
      'id', s.id,
      'orderId', s.order_id,
      'carrier', s.carrier_code,
      'carrierSource', s.carrier_source,
      'trackingNumber', s.tracking_number,
      'status', s.status,
      'substatus', s.substatus,
      'delayed', s.delayed,
      'delayReason', s.delay_reason,
      'items', s.items,
      'service', s.service,
      'signedBy', s.signed_by,
      'pieces', s.pieces,
      'origin', CASE WHEN s.origin IS NULL THEN NULL ELSE json_build_object(
        'city', s.origin->>'city',
        'region', s.origin->>'region',
        'postalCode', s.origin->>'postalCode',
        'countryCode', s.origin->>'countryCode') END,
      'destination', CASE WHEN s.destination IS NULL THEN NULL ELSE json_build_object(
        'city', s.destination->>'city',
        'region', s.destination->>'region',
        'postalCode', s.destination->>'postalCode',
        'countryCode', s.destination->>'countryCode') END,
      'carrierStatus', CASE WHEN s.carrier_status_code IS NULL AND s.carrier_status_text IS NULL THEN NULL
        ELSE json_build_object('code', s.carrier_status_code, 'text', s.carrier_status_text) END,
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
            'utcOffsetMinutes', e.utc_offset_minutes,
            'offsetSource', e.offset_source,
            'status', e.status,
            'substatus', e.substatus,
            'rawCode', e.raw_code,
            'rawText', e.raw_text,
            'mapped', e.mapped,
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
        WHERE o.id = s.order_id)));
END $$;

CREATE OR REPLACE FUNCTION wismo_shipment_document_refresh() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- A new shipment has no events yet: its document is cheap, and readers of the same transaction get it.
    NEW.document := wismo_shipment_document(NEW);
  ELSIF coalesce(current_setting('wismo.rebuilding_documents', true), '') <> 'on' THEN
    NEW.document := NULL;
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION wismo_shipment_document_rebuild() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('wismo.rebuilding_documents', 'on', true);
  UPDATE shipments s SET document = wismo_shipment_document(s) WHERE s.id = NEW.id AND s.document IS NULL;
  PERFORM set_config('wismo.rebuilding_documents', 'off', true);
  RETURN NULL;
END $$;

-- Queued by every change that leaves the document cleared; after the first rebuild of a transaction the
-- others find nothing to do. (Queuing only the change that clears it would leave a document committed
-- empty by other means, with triggers disabled say, empty for ever.)
CREATE CONSTRAINT TRIGGER shipments_document_rebuild
  AFTER UPDATE ON shipments
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW.document IS NULL)
  EXECUTE FUNCTION wismo_shipment_document_rebuild();

-- Events and orders clear their shipments' documents; one already cleared in this transaction is not
-- written again.
CREATE OR REPLACE FUNCTION wismo_events_touch_shipments() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE shipments SET document = NULL
    WHERE id IN (SELECT DISTINCT shipment_id FROM old_rows) AND document IS NOT NULL;
  ELSE
    UPDATE shipments SET document = NULL
    WHERE id IN (SELECT DISTINCT shipment_id FROM new_rows) AND document IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION wismo_order_touch_shipments() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE shipments SET document = NULL WHERE order_id = NEW.id AND document IS NOT NULL;
  RETURN NULL;
END $$;

-- tracking_events.merchant_id needs no foreign key of its own: the shipment's already ties the event to its
-- merchant (and deletes it with the merchant), and the check took a share lock on the merchant's one row
-- for every event stored, which all normalizations of a merchant then contended for.
ALTER TABLE tracking_events DROP CONSTRAINT tracking_events_merchant_id_fkey;
