-- The shipment document (0002) is rebuilt once per shipment per transaction, at commit, instead of at every
-- change: a normalization touches a shipment three or four times (its events, its derived state, its
-- order's status) and rebuilt the whole document each time. Readers are unaffected: the rebuild runs inside
-- the transaction, before it commits, so no committed document is older than the rows it was built from.
--
-- How: a change to a shipment (directly, or through its events or its order) clears its document; a
-- deferred constraint trigger, queued by that change, rebuilds it at commit, and the later queued firings
-- for the same shipment find it rebuilt. An UPDATE made while wismo.rebuilding_documents is 'on' is a
-- rebuild and keeps the document it sets, which is how bulk rebuilds go too (SET LOCAL
-- wismo.rebuilding_documents = on; UPDATE shipments s SET document = wismo_shipment_document(s) ...).

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
