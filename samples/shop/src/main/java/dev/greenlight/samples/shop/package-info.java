/** Command line of the sample shop: serve one release on a port, or apply a migration path. */
package dev.greenlight.samples.shop;
