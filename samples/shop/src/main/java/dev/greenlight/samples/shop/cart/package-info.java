/** The shopping cart a user keeps in the HTTP session. */
package dev.greenlight.samples.shop.cart;
