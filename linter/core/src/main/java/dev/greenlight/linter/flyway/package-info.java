/** Flyway conventions: file discovery and naming, settings, placeholders, transaction model. */
package dev.greenlight.linter.flyway;
