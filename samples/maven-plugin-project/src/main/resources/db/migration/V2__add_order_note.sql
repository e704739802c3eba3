-- Expand: a nullable column without a volatile default is a catalog-only change.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN note text;
