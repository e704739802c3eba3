-- Breaks the release still running: it selects legacy_ref.
SET lock_timeout = '2s';
ALTER TABLE orders DROP COLUMN legacy_ref;
