-- Expand: copy existing orders in batches of 1000, committing after each batch so no
-- transaction holds row locks for long (this file runs outside a transaction, see .sql.conf).
DO $$
DECLARE
  copied integer;
BEGIN
  LOOP
    UPDATE orders SET customer_email = email
     WHERE id IN (SELECT id FROM orders WHERE customer_email IS NULL ORDER BY id LIMIT 1000);
    GET DIAGNOSTICS copied = ROW_COUNT;
    COMMIT;
    EXIT WHEN copied = 0;
  END LOOP;
END
$$;
