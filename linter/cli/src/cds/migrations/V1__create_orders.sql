-- Sample migrations that exercise the linter's usual paths while the build records the
-- class-data-sharing archive. They are not tests.
CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id integer NOT NULL,
    legacy_ref varchar(40),
    payload json,
    created_at timestamp NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer ON orders (customer_id);
COMMENT ON TABLE orders IS 'orders; see ''runbook''';
