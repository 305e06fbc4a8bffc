-- Carrier adapters (src/carriers): the facts a carrier tells about a shipment beside its events, how the
-- carrier was chosen, whether each event's code was in the carrier's table, and which tracking numbers a raw
-- payload spoke about (so renormalization can find a shipment's whole history).

-- The document function depends on the shipments row type (BEGIN ATOMIC), which blocks ALTER TABLE: it is
-- dropped here and created again below with the new fields (the trigger calls it by name at run time).
DROP FUNCTION wismo_shipment_document(shipments);

ALTER TABLE shipments
  ADD COLUMN carrier_source text NOT NULL DEFAULT 'merchant' CHECK (carrier_source IN ('merchant', 'detected')),
  ADD COLUMN service text,
  ADD COLUMN signed_by text,
  ADD COLUMN origin jsonb,
  ADD COLUMN destination jsonb,
  ADD COLUMN pieces integer CHECK (pieces > 0),
  -- The carrier's own shipment-level status, for diagnosis; wismo's status is derived from the events.
  ADD COLUMN carrier_status_code text,
  ADD COLUMN carrier_status_text text;

-- False when the carrier's code was not in wismo's table and the status came from its class or text.
ALTER TABLE tracking_events ADD COLUMN mapped boolean NOT NULL DEFAULT true;
CREATE INDEX tracking_events_raw_payload_idx ON tracking_events (raw_payload_id);

ALTER TABLE raw_payloads
  ADD COLUMN http_status integer,
  -- Numbers asked for (polls) and numbers the mapper found in the body, normalized.
  ADD COLUMN tracking_numbers text[] NOT NULL DEFAULT '{}',
  -- What normalizing it did: shipments touched, events by decision, problems. For people debugging.
  ADD COLUMN result jsonb;
CREATE INDEX raw_payloads_tracking_numbers_idx ON raw_payloads USING gin (tracking_numbers);

-- The document gains the new facts; every document is rebuilt.
CREATE FUNCTION wismo_shipment_document(s shipments) RETURNS json
  LANGUAGE sql STABLE PARALLEL SAFE
  BEGIN ATOMIC
    SELECT json_build_object(
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
        WHERE o.id = s.order_id));
  END;

UPDATE shipments SET document = NULL;
