-- Expand: the foreign key applies to new rows at once; existing rows are checked by V7.
SET LOCAL lock_timeout = '2s';

ALTER TABLE order_lines
  ADD CONSTRAINT order_lines_product_fk FOREIGN KEY (product_id) REFERENCES products (id) NOT VALID;
