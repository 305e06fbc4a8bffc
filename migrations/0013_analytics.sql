-- Analytics (src/analytics): a merchant's shipments of a period, its messages sent in a period, its failed
-- attempts and exceptions. Each report reads one merchant and one time range, so each gets an index that
-- starts with exactly that, instead of scanning the merchant's whole history.

-- The cohort of a period: shipments by the time they were shipped, else registered (never-scanned parcels
-- still count). The same expression as in src/analytics/analytics.repository.ts, or the index is not used.
CREATE INDEX IF NOT EXISTS shipments_merchant_cohort_idx ON shipments (merchant_id, (coalesce(shipped_at, created_at)));

-- Messages by the time they went out; only sent ones are counted, so only they are indexed. The columns
-- counted ride along in the index, so a year of a busy store's messages is read without visiting the table.
CREATE INDEX IF NOT EXISTS notifications_merchant_sent_idx ON notifications (merchant_id, sent_at)
  INCLUDE (milestone, channel, subject) WHERE status = 'sent';

-- "Was there ever a failed attempt / an exception on this parcel?": a few rows in a large table, so a small
-- partial index answers it without reading every scan of every shipment.
CREATE INDEX IF NOT EXISTS tracking_events_problems_idx ON tracking_events (shipment_id, status, occurred_at)
  WHERE status IN ('attempt_failed', 'exception');
