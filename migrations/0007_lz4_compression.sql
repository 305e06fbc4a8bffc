-- Raw carrier bodies (kept for good, for renormalization) and shipment documents (rewritten at every
-- change, read on every tracking lookup) are compressed with lz4 rather than Postgres's default pglz: several
-- times faster to compress and to read back, at a similar size for JSON and XML. Values already stored keep
-- their compression until rewritten. A server built without lz4 keeps pglz.
DO $$
BEGIN
  ALTER TABLE raw_payloads ALTER COLUMN body SET COMPRESSION lz4;
  ALTER TABLE shipments ALTER COLUMN document SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
  RAISE NOTICE 'lz4 is not available on this server; pglz stays';
END $$;
