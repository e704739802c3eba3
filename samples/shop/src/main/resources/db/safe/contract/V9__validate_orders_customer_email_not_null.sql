-- Contract: the scan runs under SHARE UPDATE EXCLUSIVE; reads and writes go on.
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_email_not_null;
