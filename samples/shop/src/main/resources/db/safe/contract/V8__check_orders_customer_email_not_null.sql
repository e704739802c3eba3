-- Contract (after release 1 is retired): prove customer_email is never NULL without a long lock.
SET LOCAL lock_timeout = '2s';

ALTER TABLE orders
  ADD CONSTRAINT orders_customer_email_not_null CHECK (customer_email IS NOT NULL) NOT VALID;
