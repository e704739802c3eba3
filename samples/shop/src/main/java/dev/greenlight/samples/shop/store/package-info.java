/** The SQL each release of the shop runs against the shared database, and its connection pool. */
package dev.greenlight.samples.shop.store;
