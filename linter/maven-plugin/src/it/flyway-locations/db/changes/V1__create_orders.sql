CREATE TABLE orders (
  id bigint PRIMARY KEY,
  legacy_ref text
);
