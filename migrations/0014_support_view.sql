-- The agent's view of an order lists the merchant webhooks its changes caused: deliveries are found from
-- the order's outbox rows (by subject, already indexed), and then by their outbox row, which needs this index.
CREATE INDEX webhook_deliveries_outbox_idx ON webhook_deliveries (outbox_id);
