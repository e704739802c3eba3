/* block comment; with a semicolon */
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE orders ADD COLUMN amount integer NOT NULL;
-- greenlight:ignore ban-drop-column reason: unused since release 1.3
ALTER TABLE orders DROP COLUMN legacy_ref;
ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint;
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
ALTER TABLE orders ADD CONSTRAINT amount_positive CHECK (amount > 0);
ALTER TABLE orders ADD CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT fk_customer;
ALTER TABLE orders RENAME COLUMN note TO remark;
UPDATE orders SET amount = 0 WHERE amount IS NULL AND id BETWEEN 1 AND 1000;
INSERT INTO orders (id, created_at) VALUES (1, now()) ON CONFLICT DO NOTHING;
CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
BEGIN
  NEW.created_at := now(); -- keep ; inside body
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
DO $body$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'orders') THEN RAISE NOTICE 'missing'; END IF;
END
$body$;
CREATE VIEW recent_orders AS SELECT id, created_at FROM orders WHERE created_at > now() - interval '7 days';
DROP TABLE IF EXISTS orders_old;
