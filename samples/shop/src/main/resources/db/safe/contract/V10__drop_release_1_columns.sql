-- Contract: release 1 is gone, so nothing reads orders.email or products.description any more,
-- and nothing inserts an order without a status.
SET LOCAL lock_timeout = '2s';

-- The validated CHECK from V9 lets SET NOT NULL skip its table scan (PostgreSQL 12+).
ALTER TABLE orders ALTER COLUMN customer_email SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT orders_customer_email_not_null;

-- greenlight:ignore ban-drop-database-object reason: contract phase, release 1 writes no more orders.email
DROP TRIGGER orders_sync_customer_email ON orders;
-- greenlight:ignore ban-drop-database-object reason: contract phase, only the trigger above used it
DROP FUNCTION orders_sync_customer_email();

-- greenlight:ignore ban-drop-column reason: contract phase, release 1 (the last reader) is retired
ALTER TABLE orders DROP COLUMN email;

-- greenlight:ignore ban-drop-default reason: contract phase, release 2 always writes the status
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;

-- greenlight:ignore ban-drop-column reason: contract phase, release 2 never reads the description
ALTER TABLE products DROP COLUMN description;
