-- Release 2's schema in one step. Every statement here breaks release 1 (still live on blue)
-- or locks a live table; db/safe reaches the same end state without doing so.

-- Release 1 inserts and selects orders.email: both fail once it is renamed.
ALTER TABLE orders RENAME COLUMN email TO customer_email;

-- NOT NULL without a default: fails outright when orders has rows, and once applied every
-- INSERT of release 1 (which does not know the column) fails.
ALTER TABLE orders ADD COLUMN status text NOT NULL;

-- Release 1 lists products with their description.
ALTER TABLE products DROP COLUMN description;

-- Builds under a SHARE lock: every insert into orders waits for the whole build.
CREATE INDEX orders_customer_email_idx ON orders (customer_email);

-- Validated at once: scans order_lines while holding SHARE ROW EXCLUSIVE on both tables.
ALTER TABLE order_lines
  ADD CONSTRAINT order_lines_product_fk FOREIGN KEY (product_id) REFERENCES products (id);
