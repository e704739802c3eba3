CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created ON orders (created_at);
