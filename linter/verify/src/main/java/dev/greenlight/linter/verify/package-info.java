/**
 * Applies pending migrations to a real PostgreSQL and observes locks, rewrites and query
 * compatibility.
 */
package dev.greenlight.linter.verify;
