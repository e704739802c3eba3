/** Builds the running release's schema on the scratch database with Flyway itself. */
package dev.greenlight.linter.verify.baseline;
