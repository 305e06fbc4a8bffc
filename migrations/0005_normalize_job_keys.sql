-- Each pending raw payload names the normalize job it was queued under, written in the same INSERT (or
-- replay UPDATE) that makes it pending. The sweeper re-adds exactly that job id: BullMQ ignores an id it
-- already holds (waiting, active, or kept after completion), so a payload merely waiting behind a backlog is
-- never queued twice, while one whose job never reached Redis, or was lost there, is queued again.
ALTER TABLE raw_payloads ADD COLUMN normalize_job text;
-- The sweeper re-queues whole jobs: it finds the pending payloads of a job by its key.
CREATE INDEX raw_payloads_pending_job_idx ON raw_payloads (normalize_job) WHERE state = 'pending';
