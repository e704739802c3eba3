CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_email text NOT NULL,
  legacy_ref text,
  created_at timestamptz NOT NULL DEFAULT now()
);
