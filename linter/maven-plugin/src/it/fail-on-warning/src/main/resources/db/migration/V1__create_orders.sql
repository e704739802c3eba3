CREATE TABLE orders (
  id bigint PRIMARY KEY,
  legacy_ref text
);
CREATE INDEX orders_legacy ON orders (legacy_ref);
