CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legacy_ref text,
    created_at timestamptz NOT NULL DEFAULT now()
);
