-- Carrier webhook intake (src/intake): how a connection's sender proves itself, payload replays, and the
-- queries agents and the sweeper run over raw payloads.

-- 'signature': the sender signs each delivery with its documented scheme. 'url_token': the secret travels in
-- the webhook URL, for senders whose scheme cannot be confirmed (docs/carriers.md says which).
ALTER TABLE carrier_connections
  ADD COLUMN webhook_auth text NOT NULL DEFAULT 'signature' CHECK (webhook_auth IN ('signature', 'url_token'));

ALTER TABLE raw_payloads
  -- How many times the payload was sent back through normalization on request: part of its job id, so a
  -- replay is a new job while repeated enqueues of the same replay stay one job.
  ADD COLUMN replays integer NOT NULL DEFAULT 0,
  -- How the sender was authenticated ('signature', 'url_token') or 'poll' for answers wismo asked for.
  ADD COLUMN verified_by text;

-- Agents list a merchant's payloads by time; replays select a time range.
CREATE INDEX raw_payloads_merchant_received_idx ON raw_payloads (merchant_id, received_at);
