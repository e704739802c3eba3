package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code SET [SESSION|LOCAL] name {TO|=} value}, {@code SET TIME ZONE ...}, {@code RESET name},
 * {@code RESET ALL}; also {@code SET ROLE}, {@code SET SESSION AUTHORIZATION}, {@code SET
 * CONSTRAINTS} and {@code SET TRANSACTION} (parameter {@code role}, {@code session_authorization},
 * {@code constraints}, {@code transaction}).
 *
 * @param local SET LOCAL (lasts until the end of the transaction)
 * @param parameter the parameter lower-case, e.g. {@code lock_timeout}; {@code all} for RESET ALL
 * @param value the value with string quotes removed, e.g. {@code 2s}; {@code default} for SET x TO
 *     DEFAULT; null for RESET
 * @param reset true for RESET
 */
public record SetStatement(boolean local, String parameter, String value, boolean reset, Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.SET;
  }

  /**
   * The value as a duration in milliseconds, read as PostgreSQL reads time settings (a plain number
   * is milliseconds; units us, ms, s, min, h, d). Empty for other values; 0 means "no timeout".
   */
  public Optional<Long> durationMillis() {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < v.length() && (Character.isDigit(v.charAt(i)) || v.charAt(i) == '.')) {
      i++;
    }
    if (i == 0) {
      return Optional.empty();
    }
    double n;
    try {
      n = Double.parseDouble(v.substring(0, i));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    String unit = v.substring(i).trim();
    double factor;
    switch (unit) {
      case "":
      case "ms":
        factor = 1;
        break;
      case "us":
        factor = 0.001;
        break;
      case "s":
        factor = 1000;
        break;
      case "min":
        factor = 60_000;
        break;
      case "h":
        factor = 3_600_000;
        break;
      case "d":
        factor = 86_400_000;
        break;
      default:
        return Optional.empty();
    }
    return Optional.of(Math.round(n * factor));
  }
}
