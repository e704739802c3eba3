-- Expand: build the lookup index without blocking writes. CONCURRENTLY cannot run inside a
-- transaction, so it is alone in its file and Flyway runs it non-transactionally.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_email_idx ON orders (customer_email);
