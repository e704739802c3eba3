/** Inline suppressions: {@code -- greenlight:ignore} comments, their matching and leftovers. */
package dev.greenlight.linter.engine.suppress;
