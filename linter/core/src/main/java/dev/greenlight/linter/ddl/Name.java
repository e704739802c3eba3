package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/**
 * An identifier as PostgreSQL resolves it: unquoted names folded to lower case, quoted names kept
 * exactly, Flyway placeholders replaced by their value when one is known.
 *
 * @param value the resolved identifier
 * @param span where it is written
 */
public record Name(String value, Span span) {
  @Override
  public String toString() {
    return value;
  }
}
