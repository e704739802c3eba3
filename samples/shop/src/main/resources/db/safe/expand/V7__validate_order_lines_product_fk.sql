-- Expand: VALIDATE scans under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.
ALTER TABLE order_lines VALIDATE CONSTRAINT order_lines_product_fk;
