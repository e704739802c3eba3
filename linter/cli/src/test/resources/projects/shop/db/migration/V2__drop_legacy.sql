-- greenlight:ignore ban-drop-column reason: unused since release 1.3
ALTER TABLE orders DROP COLUMN legacy_ref;
ALTER TABLE orders DROP COLUMN created_at;
