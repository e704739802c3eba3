-- CONCURRENTLY cannot run in a transaction: Flyway runs this file without one.
CREATE INDEX CONCURRENTLY orders_customer_email ON orders (customer_email);
