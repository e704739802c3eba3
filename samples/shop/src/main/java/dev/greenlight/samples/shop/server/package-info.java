/** The embedded Tomcat 11 that serves one release of the shop in one slot. */
package dev.greenlight.samples.shop.server;
