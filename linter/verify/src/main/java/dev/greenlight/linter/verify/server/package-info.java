/** The scratch PostgreSQL verify runs on: an embedded server of a chosen major, or a given URL. */
package dev.greenlight.linter.verify.server;
