-- Expand: release 2 reads and writes orders.customer_email and orders.status; release 1 keeps
-- writing orders.email. A trigger keeps both columns equal whichever release writes the row.
SET LOCAL lock_timeout = '2s';

ALTER TABLE orders ADD COLUMN customer_email text;

-- A constant default needs no rewrite (PostgreSQL 11+), and release 1's inserts get it.
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'PLACED';

CREATE FUNCTION orders_sync_customer_email() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.customer_email := coalesce(NEW.customer_email, NEW.email);
    NEW.email := coalesce(NEW.email, NEW.customer_email);
  ELSIF NEW.email IS DISTINCT FROM OLD.email
        AND NEW.customer_email IS NOT DISTINCT FROM OLD.customer_email THEN
    NEW.customer_email := NEW.email;
  ELSIF NEW.customer_email IS DISTINCT FROM OLD.customer_email
        AND NEW.email IS NOT DISTINCT FROM OLD.email THEN
    NEW.email := NEW.customer_email;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER orders_sync_customer_email
  BEFORE INSERT OR UPDATE ON orders
  FOR EACH ROW EXECUTE FUNCTION orders_sync_customer_email();
