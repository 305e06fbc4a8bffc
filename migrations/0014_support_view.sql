-- The agent's view of an order lists the merchant webhooks its changes caused: deliveries are found from
-- the order's outbox rows (by subject, already indexed), and then by their outbox row, which needs this index.
CREATE INDEX IF NOT EXISTS webhook_deliveries_outbox_idx ON webhook_deliveries (outbox_id);

-- The deployment's operator (the queue dashboard, across merchants) gets a scope of its own, which a
-- merchant's admin scope does not imply.
ALTER TABLE api_keys DROP CONSTRAINT api_keys_scopes_check;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check CHECK (
  cardinality(scopes) > 0 AND scopes <@ ARRAY['orders:write', 'tracking:read', 'agent', 'admin', 'operator']::text[]
);
