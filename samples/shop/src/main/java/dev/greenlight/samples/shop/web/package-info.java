/** The shop's HTTP endpoints: JSON servlets over the release's store and the session's cart. */
package dev.greenlight.samples.shop.web;
