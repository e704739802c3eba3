SET lock_timeout = '2s';
CREATE INDEX orders_customer_email ON orders (customer_email);
