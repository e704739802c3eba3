-- greenlight:ignore ban-drop-table reason: stale directive, nothing to suppress here
ALTER TABLE orders ADD COLUMN note text;
